import type { RedisObservation, RedisObservationError, RedisServerObservation, RedisStreamObservation } from '@/lib/observations/redis';
import type { RedisLike } from './redis-like';
import { ensureConnected, runPipeline, type CommandResult, type RedisCommand } from './connection';
import { discoverStreams } from './discover-streams';
import { groupCommands, parseGroupReplies, type GroupDetailLimits } from './read-group-details';
import { parseStreamReplies, streamCommandCount, streamCommands, type StreamRead } from './read-stream';
import { parseInfo } from './reply-parsing';

export interface ObserveRedisStreamsOptions {
  /** Streams to observe whether or not they exist (a missing one is reported, not an error). */
  streams: string[];
  /** Also observe stream keys matching this SCAN pattern, e.g. `events:*`. */
  discoveryPattern?: string;
  /** Upper bound on keys SCAN examines for discovery (default 10000, at most 10 SCAN calls). */
  discoveryMaxKeys?: number;
  /** Oldest pending entries listed per group (default 10; 0 skips the detail). */
  pendingDetailLimit?: number;
  /** Most entries counted for a lag estimate (default 10000). */
  lagEstimateLimit?: number;
}

const defaults = { discoveryMaxKeys: 10_000, pendingDetailLimit: 10, lagEstimateLimit: 10_000 };

/**
 * Observes every stream in at most two pipelined round trips, however many streams and groups:
 *   1. INFO, and per stream XINFO STREAM, XINFO GROUPS;
 *   2. per group XINFO CONSUMERS (when it has consumers), XPENDING (summary) and XPENDING - + n
 *      (when it has pending entries), and an XRANGE count where Redis reports no lag (the
 *      whole round is skipped when no group needs any of them).
 * Discovery, when asked for, comes first and costs one round trip per SCAN call, bounded by
 * `discoveryMaxKeys`. Errors of one stream or group stay with it; only an unreachable Redis
 * throws (RedisUnavailableError).
 */
export async function observeRedisStreams(redis: RedisLike, options: ObserveRedisStreamsOptions): Promise<RedisObservation> {
  const limits = resolveLimits(options);
  const observedAtMs = Date.now();
  await ensureConnected(redis);

  const errors: RedisObservationError[] = [];
  let roundTrips = 0;
  const names = [...new Set(options.streams)];
  if (options.discoveryPattern) {
    const discovery = await discoverStreams(redis, options.discoveryPattern, limits.discoveryMaxKeys);
    roundTrips += discovery.roundTrips;
    names.push(...discovery.streams.filter((name) => !names.includes(name)));
    if (discovery.error) {
      errors.push({ scope: 'discovery', message: discovery.error });
    } else if (discovery.truncated) {
      errors.push({
        scope: 'discovery',
        message: `stopped after examining about ${limits.discoveryMaxKeys} keys; streams beyond them are not listed`,
      });
    }
  }

  const firstReplies = await runPipeline(redis, [['INFO'], ...names.flatMap(streamCommands)]);
  roundTrips += 1;
  const [infoReply, ...streamReplies] = firstReplies;
  const server = readServer(infoReply, errors);
  const reads: StreamRead[] = names.map((name, index) => parseStreamReplies(name, streamReplies.slice(index * streamCommandCount, (index + 1) * streamCommandCount)));

  const secondCommands: RedisCommand[] = [];
  const groupSlices = reads.map((read) => read.groupHeads.map((head) => {
    const commands = groupCommands(read.stream.name, head, limits);
    const start = secondCommands.length;
    secondCommands.push(...commands);
    return { head, start, end: secondCommands.length };
  }));
  const secondReplies = secondCommands.length > 0 ? await runPipeline(redis, secondCommands) : [];
  roundTrips += secondCommands.length > 0 ? 1 : 0;

  const streams: RedisStreamObservation[] = reads.map((read, index) => ({
    ...read.stream,
    groups: (groupSlices[index] ?? []).map(({ head, start, end }) => parseGroupReplies(head, secondReplies.slice(start, end), limits)),
  }));
  return { observedAtMs, server, streams, errors, roundTrips };
}

function readServer(reply: CommandResult | undefined, errors: RedisObservationError[]): RedisServerObservation | null {
  if (!reply || !reply.ok) {
    errors.push({ scope: 'server', message: `INFO: ${reply && !reply.ok ? reply.error : 'no reply'}` });
    return null;
  }
  try {
    return parseInfo(reply.value);
  } catch (error) {
    errors.push({ scope: 'server', message: (error as Error).message });
    return null;
  }
}

function resolveLimits(options: ObserveRedisStreamsOptions): GroupDetailLimits & { discoveryMaxKeys: number } {
  const limits = {
    discoveryMaxKeys: options.discoveryMaxKeys ?? defaults.discoveryMaxKeys,
    pendingDetailLimit: options.pendingDetailLimit ?? defaults.pendingDetailLimit,
    lagEstimateLimit: options.lagEstimateLimit ?? defaults.lagEstimateLimit,
  };
  const positive = { discoveryMaxKeys: 1, pendingDetailLimit: 0, lagEstimateLimit: 1 };
  for (const [name, minimum] of Object.entries(positive) as Array<[keyof typeof limits, number]>) {
    if (!Number.isSafeInteger(limits[name]) || limits[name] < minimum) {
      throw new RangeError(`${name} must be an integer of at least ${minimum}`);
    }
  }
  return limits;
}
