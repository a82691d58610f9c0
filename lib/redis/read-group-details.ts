import type { RedisLagEstimate, RedisStreamGroupObservation } from '@/lib/observations/redis';
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
 */
export function groupCommands(stream: string, head: GroupHead, limits: GroupDetailLimits): RedisCommand[] {
  const commands: RedisCommand[] = [
    ['XINFO', 'CONSUMERS', stream, head.name],
    ['XPENDING', stream, head.name],
  ];
  if (limits.pendingDetailLimit > 0) {
    commands.push(['XPENDING', stream, head.name, '-', '+', limits.pendingDetailLimit]);
  }
  if (head.lag === null) {
    commands.push(['XRANGE', stream, successorId(head.lastDeliveredId), '+', 'COUNT', limits.lagEstimateLimit + 1]);
  }
  return commands;
}

export function parseGroupReplies(head: GroupHead, replies: CommandResult[], limits: GroupDetailLimits): RedisStreamGroupObservation {
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

  const consumers = take('XINFO CONSUMERS', parseConsumers) ?? [];
  const summary = take('XPENDING', parsePendingSummary);
  const oldestPending = limits.pendingDetailLimit > 0 ? take('XPENDING detail', parsePendingEntries) ?? [] : [];
  const lagEstimate = head.lag === null ? take('XRANGE', (value) => countEstimate(value, limits.lagEstimateLimit)) : null;

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

function countEstimate(reply: unknown, limit: number): RedisLagEstimate {
  if (!Array.isArray(reply)) {
    throw new Error('unexpected reply shape');
  }
  return reply.length > limit ? { entries: limit, atLeast: true } : { entries: reply.length, atLeast: false };
}
