import type { RedisLike } from '../redis-like';

/**
 * Small steps that put streams and groups into a known state, for the demo and the tests.
 * Each is one or two commands, so a test reads like the redis-cli session it replaces.
 */

/** XADDs `count` entries (`seq=<n>`) and returns their IDs in order. */
export async function createStreamWithEntries(redis: RedisLike, stream: string, count: number): Promise<string[]> {
  if (count === 0) {
    return [];
  }
  const pipeline = redis.pipeline();
  for (let index = 0; index < count; index += 1) {
    pipeline.xadd(stream, '*', 'seq', String(index));
  }
  const results = (await pipeline.exec()) ?? [];
  return results.map(([error, id]) => {
    if (error) {
      throw error;
    }
    return String(id);
  });
}

export interface CreateGroupOptions {
  /** Create the stream if it does not exist (MKSTREAM). */
  makeStream?: boolean;
  /** Redis 7+: tell Redis how many entries the group has read (ENTRIESREAD). */
  entriesRead?: number;
}

/** XGROUP CREATE at `startId` ('$' = only new entries, '0' = everything). */
export async function createGroup(redis: RedisLike, stream: string, group: string, startId: string, options: CreateGroupOptions = {}): Promise<void> {
  const args: Array<string | number> = ['CREATE', stream, group, startId];
  if (options.makeStream) {
    args.push('MKSTREAM');
  }
  if (options.entriesRead !== undefined) {
    args.push('ENTRIESREAD', options.entriesRead);
  }
  await redis.call('XGROUP', ...args);
}

/** Like createGroup with MKSTREAM, but an existing group is left as it is. */
export async function ensureGroup(redis: RedisLike, stream: string, group: string, startId = '$'): Promise<void> {
  try {
    await createGroup(redis, stream, group, startId, { makeStream: true });
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith('BUSYGROUP'))) {
      throw error;
    }
  }
}

/** XGROUP SETID: moves the group. Without `entriesRead` Redis forgets how far it has read. */
export async function setGroupId(redis: RedisLike, stream: string, group: string, id: string, entriesRead?: number): Promise<void> {
  const args: Array<string | number> = ['SETID', stream, group, id];
  if (entriesRead !== undefined) {
    args.push('ENTRIESREAD', entriesRead);
  }
  await redis.call('XGROUP', ...args);
}

/** XREADGROUP of up to `count` new entries; they stay pending. Returns their IDs. */
export async function readWithoutAck(redis: RedisLike, stream: string, group: string, consumer: string, count: number): Promise<string[]> {
  const reply = await redis.xreadgroup('GROUP', group, consumer, 'COUNT', count, 'STREAMS', stream, '>');
  return entryIdsOf(reply);
}

/** XREADGROUP then XACK: a consumer that keeps up. Returns the IDs it processed. */
export async function readAndAck(redis: RedisLike, stream: string, group: string, consumer: string, count: number): Promise<string[]> {
  const ids = await readWithoutAck(redis, stream, group, consumer, count);
  await acknowledge(redis, stream, group, ids);
  return ids;
}

export async function acknowledge(redis: RedisLike, stream: string, group: string, ids: string[]): Promise<void> {
  if (ids.length > 0) {
    await redis.xack(stream, group, ...ids);
  }
}

/** XDEL: leaves a gap Redis cannot count across, so lag after it becomes nil. */
export async function deleteEntries(redis: RedisLike, stream: string, ids: string[]): Promise<void> {
  if (ids.length > 0) {
    await redis.xdel(stream, ...ids);
  }
}

/** IDs from an XREADGROUP/XREAD reply: [[stream, [[id, fields], ...]], ...] or null. */
export function entryIdsOf(reply: unknown): string[] {
  if (!Array.isArray(reply)) {
    return [];
  }
  return reply.flatMap((streamReply: unknown) => {
    const entries = Array.isArray(streamReply) ? streamReply[1] : null;
    return Array.isArray(entries) ? entries.map((entry: unknown) => String((entry as unknown[])[0])) : [];
  });
}
