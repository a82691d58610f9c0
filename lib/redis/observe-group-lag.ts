import type { RedisLagEstimate, RedisObservationError } from '@/lib/observations/redis';
import type { RedisLike } from './redis-like';
import { ensureConnected, runPipeline, type CommandResult, type RedisCommand } from './connection';
import { discoverStreams } from './discover-streams';
import { countEstimate } from './read-group-details';
import { isNoSuchKey, parseGroupHeads, type GroupHead } from './read-stream';
import { parseConsumers, successorId } from './reply-parsing';

/**
 * One consumer group's lag on every stream: what seed 000's consumer-lag and health endpoints
 * read (XINFO GROUPS, XINFO CONSUMERS), pipelined, plus the XRANGE count where Redis reports
 * nil lag. A fraction of observeRedisStreams' commands (no XINFO STREAM, no XPENDING, other
 * groups' consumers not read), so the lag endpoints stay fast on thousands of streams.
 */
export interface RedisGroupLagObservation {
  observedAtMs: number;
  consumerGroup: string;
  streams: RedisStreamGroupLag[];
  errors: RedisObservationError[];
  roundTrips: number;
}

export interface RedisStreamGroupLag {
  name: string;
  exists: boolean;
  /** The selected group only: empty when the stream has no such group. */
  groups: RedisGroupLag[];
  error?: string;
}

export interface RedisGroupLag {
  name: string;
  consumerCount: number;
  pending: number;
  lastDeliveredId: string;
  entriesRead: number | null;
  /** Exactly what XINFO GROUPS reports: null for nil or an absent field. */
  lag: number | null;
  /** Set only when `lag` is null. */
  lagEstimate: RedisLagEstimate | null;
  /** Names only; empty when not asked for (`withConsumers: false`). */
  consumers: Array<{ name: string }>;
  error?: string;
}

export interface ObserveGroupLagOptions {
  streams: string[];
  consumerGroup: string;
  /** Read the group's consumer names (consumer-lag needs them, health does not). */
  withConsumers: boolean;
  discoveryPattern?: string;
  discoveryMaxKeys?: number;
  lagEstimateLimit?: number;
}

export async function observeGroupLag(redis: RedisLike, options: ObserveGroupLagOptions): Promise<RedisGroupLagObservation> {
  const observedAtMs = Date.now();
  const lagEstimateLimit = options.lagEstimateLimit ?? 10_000;
  await ensureConnected(redis);
  const errors: RedisObservationError[] = [];
  let roundTrips = 0;
  const names = [...new Set(options.streams)];
  if (options.discoveryPattern) {
    const discovery = await discoverStreams(redis, options.discoveryPattern, options.discoveryMaxKeys ?? 10_000);
    roundTrips += discovery.roundTrips;
    names.push(...discovery.streams.filter((name) => !names.includes(name)));
    if (discovery.error || discovery.truncated) {
      errors.push({ scope: 'discovery', message: discovery.error ?? 'stopped at the key budget; streams beyond it are not listed' });
    }
  }

  const groupReplies = await runPipeline(redis, names.map((name): RedisCommand => ['XINFO', 'GROUPS', name]));
  roundTrips += names.length > 0 ? 1 : 0;
  const reads = names.map((name, index) => readGroupHead(name, groupReplies[index], options.consumerGroup));

  const secondCommands: RedisCommand[] = [];
  const plans = reads.map(({ head }, index) => {
    if (!head) return null;
    const start = secondCommands.length;
    if (options.withConsumers && head.consumerCount > 0) secondCommands.push(['XINFO', 'CONSUMERS', names[index] as string, head.name]);
    if (head.lag === null) secondCommands.push(['XRANGE', names[index] as string, successorId(head.lastDeliveredId), '+', 'COUNT', lagEstimateLimit + 1]);
    return { start, end: secondCommands.length };
  });
  const secondReplies = await runPipeline(redis, secondCommands);
  roundTrips += secondCommands.length > 0 ? 1 : 0;

  const streams = reads.map(({ stream, head }, index): RedisStreamGroupLag => {
    const plan = plans[index];
    if (!head || !plan) return stream;
    const replies = secondReplies.slice(plan.start, plan.end);
    return { ...stream, groups: [toGroupLag(head, replies, options.withConsumers, lagEstimateLimit)] };
  });
  return { observedAtMs, consumerGroup: options.consumerGroup, streams, errors, roundTrips };
}

function readGroupHead(name: string, reply: CommandResult | undefined, consumerGroup: string): { stream: RedisStreamGroupLag; head: GroupHead | null } {
  if (!reply) return { stream: { name, exists: true, groups: [], error: 'XINFO GROUPS: no reply' }, head: null };
  if (!reply.ok) {
    return isNoSuchKey(reply.error)
      ? { stream: { name, exists: false, groups: [] }, head: null }
      : { stream: { name, exists: true, groups: [], error: reply.error }, head: null };
  }
  try {
    const head = parseGroupHeads(reply.value).find((candidate) => candidate.name === consumerGroup) ?? null;
    return { stream: { name, exists: true, groups: [] }, head };
  } catch (error) {
    return { stream: { name, exists: true, groups: [], error: `XINFO GROUPS: ${(error as Error).message}` }, head: null };
  }
}

function toGroupLag(head: GroupHead, replies: CommandResult[], withConsumers: boolean, lagEstimateLimit: number): RedisGroupLag {
  const queue = [...replies];
  const problems: string[] = [];
  const take = <T>(label: string, parse: (value: unknown) => T): T | null => {
    const reply = queue.shift();
    if (!reply || !reply.ok) {
      problems.push(`${label}: ${reply && !reply.ok ? reply.error : 'no reply'}`);
      return null;
    }
    try {
      return parse(reply.value);
    } catch (error) {
      problems.push(`${label}: ${(error as Error).message}`);
      return null;
    }
  };
  const consumers = withConsumers && head.consumerCount > 0 ? take('XINFO CONSUMERS', parseConsumers) ?? [] : [];
  const lagEstimate = head.lag === null ? take('XRANGE', (value) => countEstimate(value, lagEstimateLimit)) : null;
  const group: RedisGroupLag = { ...head, lagEstimate, consumers: consumers.map((consumer) => ({ name: consumer.name })) };
  return problems.length > 0 ? { ...group, error: problems.join('; ') } : group;
}
