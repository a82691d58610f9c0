import 'server-only';
import { badRequest } from '@/lib/api/errors';
import type { Principal } from '@/lib/auth/principal';
import { OffsetResetPlanError, planOffsetReset, type OffsetResetPartitionPlan, type OffsetResetTarget } from '@/lib/analysis';
import { commitGroupOffsets, readOffsetsForTimestamp } from '@/lib/kafka';
import type { KafkaGroupObservation, KafkaTopicObservation } from '@/lib/observations/kafka';
import { invalidateKafkaObservation } from '@/lib/sources/kafka';
import type { OffsetResetRequest, OffsetResetResponse } from './api-schemas';
import { assertGroupEmpty, findTopicOrThrow, isGroupEmpty, liveMembersJson, openKafkaAdmin, readKafkaGroupState, toActionError } from './kafka-group-state';
import { requireOperator, runAudited } from './run-audited';

function toTarget(to: OffsetResetRequest['to']): OffsetResetTarget {
  if ('earliest' in to) return { kind: 'earliest' };
  if ('latest' in to) return { kind: 'latest' };
  if ('timestamp' in to) return { kind: 'timestamp', timestampMs: typeof to.timestamp === 'number' ? to.timestamp : Date.parse(to.timestamp) };
  if ('offset' in to) return { kind: 'offset', offset: to.offset };
  return { kind: 'shift_by', shiftBy: to.shift_by };
}

function chosenPartitions(topic: KafkaTopicObservation, requested: number[] | undefined): number[] {
  const existing = topic.partitions.map((partition) => partition.partition);
  if (!requested) return existing;
  const unknown = requested.filter((partition) => !existing.includes(partition));
  if (unknown.length > 0) throw badRequest(`Topic "${topic.name}" has no partition ${unknown.join(', ')} (it has ${existing.length})`);
  return [...new Set(requested)].sort((left, right) => left - right);
}

function committedOffsetsOf(group: KafkaGroupObservation, topic: string): Map<number, number> {
  return new Map(group.committedOffsets.filter((entry) => entry.topic === topic).map((entry) => [entry.partition, entry.committedOffset]));
}

function planJson(plan: OffsetResetPartitionPlan[]) {
  return plan.map((row) => ({
    partition: row.partition,
    current_offset: row.currentOffset,
    new_offset: row.newOffset,
    log_start_offset: row.logStartOffset,
    log_end_offset: row.logEndOffset,
    lag_before: row.lagBefore,
    lag_after: row.lagAfter,
    clamped: row.clamped,
  }));
}

async function buildPreview(clusterId: string, groupId: string, request: OffsetResetRequest) {
  const state = await readKafkaGroupState(clusterId, groupId);
  const topic = findTopicOrThrow(state.observation, request.topic);
  const partitions = chosenPartitions(topic, request.partitions);
  const target = toTarget(request.to);
  const committed = committedOffsetsOf(state.group, topic.name);
  const timestampOffsets = target.kind === 'timestamp'
    ? await readOffsetsForTimestamp(await openKafkaAdmin(state.cluster), topic.name, partitions, target.timestampMs).catch((error: unknown) => { throw toActionError(error); })
    : new Map<number, number | null>();
  const inputs = partitions.map((partitionIndex) => {
    const partition = topic.partitions.find((candidate) => candidate.partition === partitionIndex);
    if (!partition || partition.logStartOffset === null || partition.logEndOffset === null) {
      throw badRequest(`The log offsets of ${topic.name} partition ${partitionIndex} could not be read; try again`);
    }
    return {
      partition: partitionIndex,
      committedOffset: committed.get(partitionIndex) ?? null,
      logStartOffset: partition.logStartOffset,
      logEndOffset: partition.logEndOffset,
      offsetForTimestamp: timestampOffsets.get(partitionIndex) ?? null,
    };
  });
  let plan: OffsetResetPartitionPlan[];
  try {
    plan = planOffsetReset(target, inputs);
  } catch (error) {
    if (error instanceof OffsetResetPlanError) throw badRequest(`Cannot shift: ${error.message}`);
    throw error;
  }
  return { state, topic, plan };
}

function previewResponse(clusterId: string, groupId: string, topic: string, group: KafkaGroupObservation, plan: OffsetResetPartitionPlan[], dryRun: boolean): OffsetResetResponse {
  return {
    cluster_id: clusterId,
    group_id: groupId,
    topic,
    dry_run: dryRun,
    executed: false,
    can_execute: isGroupEmpty(group),
    live_members: liveMembersJson(group),
    group_state: group.state,
    partitions: planJson(plan),
    total_lag_before: plan.reduce((total, row) => total + (row.lagBefore ?? 0), 0),
    total_lag_after: plan.reduce((total, row) => total + row.lagAfter, 0),
    committed_after: null,
    audit_id: null,
  };
}

/**
 * Resets a group's committed offsets for one topic, as `kafka-consumer-groups --reset-offsets`:
 * a dry run answers the plan; an execution refuses a group with live members (409), commits the
 * plan as an administrator, reads the offsets back, invalidates the cluster's cache and audits.
 */
export async function resetGroupOffsets(principal: Principal, clusterId: string, groupId: string, request: OffsetResetRequest): Promise<OffsetResetResponse> {
  if (request.dry_run) {
    requireOperator(principal);
    const { state, topic, plan } = await buildPreview(clusterId, groupId, request);
    return previewResponse(clusterId, groupId, topic.name, state.group, plan, true);
  }
  return runAudited<OffsetResetResponse>({
    principal,
    action: 'kafka.offsets.reset',
    source: 'kafka',
    clusterId,
    groupId,
    topic: request.topic,
    parameters: { to: request.to, partitions: request.partitions ?? null },
    async run(context) {
      const { state, topic, plan } = await buildPreview(clusterId, groupId, request);
      context.before = plan.map((row) => ({ partition: row.partition, committed_offset: row.currentOffset }));
      assertGroupEmpty(state.group, 'reset the offsets');
      const admin = await openKafkaAdmin(state.cluster);
      try {
        await commitGroupOffsets(admin, groupId, topic.name, plan.map((row) => ({ partition: row.partition, offset: row.newOffset })));
      } catch (error) {
        throw toActionError(error);
      } finally {
        invalidateKafkaObservation(clusterId);
      }
      const afterState = await readKafkaGroupState(clusterId, groupId);
      const committedNow = committedOffsetsOf(afterState.group, topic.name);
      const committedAfter = plan.map((row) => ({ partition: row.partition, committed_offset: committedNow.get(row.partition) ?? null }));
      return {
        result: { ...previewResponse(clusterId, groupId, topic.name, state.group, plan, false), executed: true, committed_after: committedAfter },
        before: context.before,
        after: committedAfter,
      };
    },
  });
}
