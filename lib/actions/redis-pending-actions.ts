import 'server-only';
import { badRequest, conflict } from '@/lib/api/errors';
import type { Principal } from '@/lib/auth/principal';
import { acknowledgeEntries, claimEntries, deleteConsumer, readConsumerPendingIds } from '@/lib/redis';
import { invalidateRedisObservations } from '@/lib/sources/redis';
import type { DeleteConsumerResponse, PendingActionResponse } from './api-schemas';
import { actionRedisClient, findConsumerOrThrow, MAX_ENTRIES_PER_ACTION, readPositionOrThrow, toRedisActionError } from './redis-group-state';
import { requireOperator, runAudited } from './run-audited';

export interface PendingActionRequest {
  stream: string;
  group: string;
  consumer: string;
  action: 'claim' | 'acknowledge';
  /** For a claim: who takes the entries. */
  toConsumer: string | null;
  minIdleMs: number;
  dryRun: boolean;
}

async function matchingIds(request: PendingActionRequest) {
  const position = await readPositionOrThrow(request.stream, request.group);
  const consumer = findConsumerOrThrow(position, request.stream, request.group, request.consumer);
  try {
    const ids = await readConsumerPendingIds(actionRedisClient(), request.stream, request.group, request.consumer, request.minIdleMs, MAX_ENTRIES_PER_ACTION + 1);
    return { pendingBefore: consumer.pending, ids: ids.slice(0, MAX_ENTRIES_PER_ACTION), limitReached: ids.length > MAX_ENTRIES_PER_ACTION };
  } catch (error) {
    throw toRedisActionError(error);
  }
}

function response(request: PendingActionRequest, data: Awaited<ReturnType<typeof matchingIds>>): PendingActionResponse {
  return {
    stream: request.stream,
    group: request.group,
    consumer: request.consumer,
    action: request.action,
    dry_run: request.dryRun,
    executed: false,
    to_consumer: request.toConsumer,
    min_idle_ms: request.minIdleMs,
    matching_count: data.ids.length,
    limit_reached: data.limitReached,
    affected_count: 0,
    consumer_pending_before: data.pendingBefore,
    consumer_pending_after: null,
    audit_id: null,
  };
}

/**
 * Claims a consumer's pending entries to another consumer (XPENDING … IDLE <min> <consumer>, then
 * XCLAIM … JUSTID) or acknowledges them (XACK). Not XAUTOCLAIM: it takes idle entries of every
 * consumer of the group, while the operator confirmed a count for this one consumer.
 */
export async function runPendingAction(principal: Principal, request: PendingActionRequest): Promise<PendingActionResponse> {
  if (request.action === 'claim' && request.toConsumer === request.consumer) {
    throw badRequest('to_consumer must be another consumer');
  }
  if (request.dryRun) {
    requireOperator(principal);
    return response(request, await matchingIds(request));
  }
  return runAudited<PendingActionResponse>({
    principal,
    action: request.action === 'claim' ? 'redis.pending.claim' : 'redis.pending.acknowledge',
    source: 'redis',
    stream: request.stream,
    groupId: request.group,
    parameters: { consumer: request.consumer, to_consumer: request.toConsumer, min_idle_ms: request.minIdleMs },
    async run(context) {
      const data = await matchingIds(request);
      context.before = { consumer: request.consumer, pending: data.pendingBefore, matching: data.ids.length };
      let affected: number;
      try {
        affected = request.action === 'claim'
          ? (await claimEntries(actionRedisClient(), request.stream, request.group, request.toConsumer ?? '', request.minIdleMs, data.ids)).length
          : await acknowledgeEntries(actionRedisClient(), request.stream, request.group, data.ids);
      } catch (error) {
        throw toRedisActionError(error);
      } finally {
        invalidateRedisObservations();
      }
      const now = await readPositionOrThrow(request.stream, request.group);
      const pendingAfter = now.consumers.find((candidate) => candidate.name === request.consumer)?.pending ?? 0;
      const target = request.toConsumer ? now.consumers.find((candidate) => candidate.name === request.toConsumer)?.pending ?? 0 : null;
      return {
        result: { ...response(request, data), executed: true, affected_count: affected, consumer_pending_after: pendingAfter },
        before: context.before,
        after: { consumer: request.consumer, pending: pendingAfter, affected, ...(target === null ? {} : { to_consumer_pending: target }) },
      };
    },
  });
}

/** XGROUP DELCONSUMER; refused (409) while the consumer holds pending entries unless forced. */
export async function deleteStreamConsumer(principal: Principal, stream: string, group: string, consumer: string, force: boolean): Promise<DeleteConsumerResponse> {
  return runAudited<Omit<DeleteConsumerResponse, 'audit_id'>>({
    principal,
    action: 'redis.consumer.delete',
    source: 'redis',
    stream,
    groupId: group,
    parameters: { consumer, force },
    async run(context) {
      const position = await readPositionOrThrow(stream, group);
      const found = findConsumerOrThrow(position, stream, group, consumer);
      context.before = { consumer, pending: found.pending, idle_ms: found.idleMs };
      if (found.pending > 0 && !force) {
        throw conflict(
          `Consumer "${consumer}" holds ${found.pending} pending entr${found.pending === 1 ? 'y' : 'ies'}: deleting it drops them from the group (nobody would process them). Claim or acknowledge them first, or delete with force=true.`,
          { pending: found.pending },
        );
      }
      let dropped: number;
      try {
        dropped = await deleteConsumer(actionRedisClient(), stream, group, consumer);
      } catch (error) {
        throw toRedisActionError(error);
      } finally {
        invalidateRedisObservations();
      }
      return { result: { stream, group, consumer, deleted: true, pending_dropped: dropped }, before: context.before, after: { consumer: null, pending_dropped: dropped } };
    },
  });
}
