import { computeClusterGroupLags, type GroupLag } from '@/lib/analysis';
import { groupTimeLags } from '@/lib/analysis/group-time-lags';
import { groupTransition } from '@/lib/analysis/group-transition';
import { kafkaGroupAlertFacts, type KafkaGroupAlertFacts } from '@/lib/alerts/kafka-facts';
import type { ConsumerAnalysisSettings } from '@/lib/consumers/analysis-settings';
import { analyzeGroup } from '@/lib/consumers/analyze-group';
import { groupWindowPoint, type GroupWindowPoint } from '@/lib/history/group-window';
import type { GroupEventInput, GroupPointInput } from '@/lib/history/snapshot-input';
import type { KafkaClusterObservation, KafkaGroupObservation } from '@/lib/observations/kafka';

export interface KafkaSnapshotPart {
  groups: GroupPointInput[];
  events: GroupEventInput[];
  /** The point each group adds to the window once the snapshot is written. */
  currentPoints: Map<string, GroupWindowPoint>;
  /** What the alert rules judge per group (lib/alerts), from the same analysis. */
  alertFacts: KafkaGroupAlertFacts[];
}

export interface KafkaSnapshotContext {
  settings: ConsumerAnalysisSettings;
  nowMs: number;
  /** The group's stored points before now (oldest first): the persisted window's view. */
  previousPoints(groupId: string): GroupWindowPoint[];
}

function groupRow(clusterId: string, group: KafkaGroupObservation, groupLag: GroupLag, points: GroupWindowPoint[], context: KafkaSnapshotContext): { row: GroupPointInput; facts: KafkaGroupAlertFacts } {
  // The same analysis as the health API (lib/consumers), over the same points, so the status
  // stored here is the status a dashboard shows for this moment.
  const analysis = analyzeGroup({ group, groupLag, points, settings: context.settings, nowMs: context.nowMs });
  const timeLags = groupTimeLags(points, context.nowMs);
  const previous = points.length > 1 ? points[points.length - 2] : undefined;
  const facts = kafkaGroupAlertFacts({
    groupLag,
    summary: analysis.summary,
    burrow: analysis.burrow,
    lagSecondsMax: timeLags.maxLagSeconds,
    previousTotalLag: previous ? previous.partitions.reduce((sum, partition) => sum + (partition.lag ?? 0), 0) : null,
    rebalanced: false,
  });
  const row: GroupPointInput = {
    clusterId,
    groupId: group.groupId,
    groupType: group.groupType,
    state: group.state,
    memberCount: groupLag.member_count,
    generationOrEpoch: group.generationOrEpoch,
    lagP50: groupLag.lag.lag_p50,
    lagP95: groupLag.lag.lag_p95,
    lagMax: groupLag.lag.lag_max,
    totalLag: groupLag.lag.total_lag,
    sloCompliance: analysis.summary.slo_compliance,
    fairnessGini: analysis.summary.fairness_gini,
    lagSecondsMax: timeLags.maxLagSeconds,
    status: analysis.burrow.status,
    partitions: groupLag.partitions.map((partition, index) => ({
      topic: partition.topic,
      partition: partition.partition,
      committedOffset: partition.committed_offset,
      logEndOffset: partition.log_end_offset,
      lag: partition.lag,
      lagSeconds: timeLags.partitions[index]?.lagSeconds ?? null,
    })),
  };
  return { row, facts };
}

function transitionEvent(clusterId: string, groupId: string, previous: GroupWindowPoint | undefined, current: GroupWindowPoint): GroupEventInput[] {
  if (!previous) return [];
  const toObservation = (point: GroupWindowPoint) => ({
    timestampMs: point.observedAtMs,
    state: point.state,
    generationOrEpoch: point.generationOrEpoch,
    memberCount: point.memberCount,
  });
  const transition = groupTransition(toObservation(previous), toObservation(current));
  if (!transition) return [];
  return [{
    clusterId,
    groupId,
    previousState: previous.state,
    state: current.state,
    previousGenerationOrEpoch: previous.generationOrEpoch,
    generationOrEpoch: current.generationOrEpoch,
    rebalance: transition.rebalance,
  }];
}

/**
 * The rows of one cluster for a snapshot taken at `nowMs`: per group the lag statistics, SLO,
 * fairness, Burrow status and time lag over the group's stored points plus this one, and a marker
 * event when the state changed or a rebalance happened since the previous stored point.
 */
export function buildKafkaSnapshotPart(observation: KafkaClusterObservation, context: KafkaSnapshotContext): KafkaSnapshotPart {
  const lags = computeClusterGroupLags(observation);
  const part: KafkaSnapshotPart = { groups: [], events: [], currentPoints: new Map(), alertFacts: [] };
  observation.groups.forEach((group, index) => {
    const groupLag = lags[index] as GroupLag;
    const previous = context.previousPoints(group.groupId);
    const current = groupWindowPoint(groupLag, group.generationOrEpoch, context.nowMs);
    const points = [...previous, current];
    const { row, facts } = groupRow(observation.clusterId, group, groupLag, points, context);
    const events = transitionEvent(observation.clusterId, group.groupId, previous[previous.length - 1], current);
    part.groups.push(row);
    part.events.push(...events);
    part.alertFacts.push({ ...facts, rebalanced: events.some((event) => event.rebalance) });
    part.currentPoints.set(group.groupId, current);
  });
  return part;
}
