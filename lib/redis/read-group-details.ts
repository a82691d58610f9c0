import type { RedisLagEstimate, RedisPendingEntry, RedisPendingSummary, RedisStreamGroupObservation } from '@/lib/observations/redis';
import type { CommandResult, RedisCommand } from './connection';
import type { GroupHead } from './read-stream';
import { parseConsumers, parsePendingEntries, parsePendingSummary, successorId } from './reply-parsing';

export interface GroupDetailLimits {
  pendingDetailLimit: number;
  lagEstimateLimit: number;
}

/**
 * Round 2 for one group: consumers, the pending summary, the oldest pending entries and,
 * only when Redis gave no lag, an XRANGE that counts the entries after the group's position.
 * The XRANGE asks for one entry more than the limit, so "exactly limit" and "more" differ.
 * What round 1 already shows to be empty is not asked for: no consumers means no XINFO
 * CONSUMERS, nothing pending means no XPENDING (most groups of a healthy system). When the
 * detail can hold every pending entry, the summary is derived from it instead of asked for;
 * the detail then asks for one entry more, to notice entries that became pending meanwhile.
 */
export function groupCommands(stream: string, head: GroupHead, limits: GroupDetailLimits): RedisCommand[] {
  const plan = planGroupCommands(head, limits);
  const commands: RedisCommand[] = [];
  if (plan.consumers) {
    commands.push(['XINFO', 'CONSUMERS', stream, head.name]);
  }
  if (plan.pendingSummary) {
    commands.push(['XPENDING', stream, head.name]);
  }
  if (plan.pendingDetail) {
    commands.push(['XPENDING', stream, head.name, '-', '+', plan.pendingSummary ? limits.pendingDetailLimit : limits.pendingDetailLimit + 1]);
  }
  if (plan.lagCount) {
    commands.push(['XRANGE', stream, successorId(head.lastDeliveredId), '+', 'COUNT', limits.lagEstimateLimit + 1]);
  }
  return commands;
}

interface GroupCommandPlan {
  consumers: boolean;
  pendingSummary: boolean;
  pendingDetail: boolean;
  lagCount: boolean;
}

function planGroupCommands(head: GroupHead, limits: GroupDetailLimits): GroupCommandPlan {
  return {
    consumers: head.consumerCount > 0,
    pendingSummary: head.pending > limits.pendingDetailLimit,
    pendingDetail: head.pending > 0 && limits.pendingDetailLimit > 0,
    lagCount: head.lag === null,
  };
}

type PendingSummaryWithoutIdle = Omit<RedisPendingSummary, 'oldestIdleMs'>;

/**
 * The XPENDING summary of a complete list of pending entries: count, smallest and greatest ID,
 * and the count per consumer in the order Redis gives it (consumer names in byte order).
 */
export function summarizeEntries(entries: RedisPendingEntry[]): PendingSummaryWithoutIdle {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    counts.set(entry.consumer, (counts.get(entry.consumer) ?? 0) + 1);
  }
  const consumers = [...counts.keys()].sort((left, right) => Buffer.compare(Buffer.from(left), Buffer.from(right)));
  return {
    count: entries.length,
    oldestId: entries[0]?.id ?? null,
    newestId: entries.at(-1)?.id ?? null,
    perConsumer: consumers.map((consumer) => ({ consumer, count: counts.get(consumer) ?? 0 })),
  };
}

export function parseGroupReplies(head: GroupHead, replies: CommandResult[], limits: GroupDetailLimits): RedisStreamGroupObservation {
  const plan = planGroupCommands(head, limits);
  const queue = [...replies];
  const problems: string[] = [];
  const take = <T>(label: string, parse: (value: unknown) => T): T | null => {
    const reply = queue.shift();
    if (!reply) {
      problems.push(`${label}: no reply`);
      return null;
    }
    if (!reply.ok) {
      problems.push(`${label}: ${reply.error}`);
      return null;
    }
    try {
      return parse(reply.value);
    } catch (error) {
      problems.push(`${label}: ${(error as Error).message}`);
      return null;
    }
  };

  const consumers = plan.consumers ? take('XINFO CONSUMERS', parseConsumers) ?? [] : [];
  const askedSummary = plan.pendingSummary ? take('XPENDING', parsePendingSummary) : null;
  const detail = plan.pendingDetail ? take('XPENDING detail', parsePendingEntries) : [];
  const oldestPending = (detail ?? []).slice(0, limits.pendingDetailLimit);
  let summary: PendingSummaryWithoutIdle | null = askedSummary;
  if (!plan.pendingSummary) {
    if (detail && detail.length > limits.pendingDetailLimit) {
      problems.push('XPENDING: entries became pending during the observation beyond the detail limit; no summary');
    }
    summary = detail && detail.length <= limits.pendingDetailLimit ? summarizeEntries(detail) : null;
  }
  const lagEstimate = plan.lagCount ? take('XRANGE', (value) => countEstimate(value, limits.lagEstimateLimit)) : null;

  const group: RedisStreamGroupObservation = {
    name: head.name,
    consumerCount: head.consumerCount,
    pending: head.pending,
    lastDeliveredId: head.lastDeliveredId,
    entriesRead: head.entriesRead,
    lag: head.lag,
    lagEstimate,
    lagSource: head.lag === null ? 'estimated' : 'redis',
    pendingSummary: summary && {
      ...summary,
      oldestIdleMs: summary.count > 0 && oldestPending[0]?.id === summary.oldestId ? oldestPending[0].idleMs : null,
    },
    oldestPending,
    consumers,
  };
  return problems.length > 0 ? { ...group, error: problems.join('; ') } : group;
}

export function countEstimate(reply: unknown, limit: number): RedisLagEstimate {
  if (!Array.isArray(reply)) {
    throw new Error('unexpected reply shape');
  }
  return reply.length > limit ? { entries: limit, atLeast: true } : { entries: reply.length, atLeast: false };
}
