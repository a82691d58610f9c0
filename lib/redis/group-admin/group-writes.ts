import { parsePendingEntries } from '../reply-parsing';
import type { RedisLike } from '../redis-like';
import { runCommand } from './run-command';

/** XGROUP SETID, with ENTRIESREAD when the caller knows it (so Redis can report the lag again). */
export async function setGroupLastDeliveredId(redis: RedisLike, stream: string, group: string, id: string, entriesRead: number | null): Promise<void> {
  await runCommand(redis, 'XGROUP', 'SETID', stream, group, id, ...(entriesRead === null ? [] : ['ENTRIESREAD', entriesRead]));
}

/**
 * IDs of the consumer's pending entries idle at least `minIdleMs`, oldest first, up to `limit`
 * (XPENDING with IDLE and a consumer name).
 */
export async function readConsumerPendingIds(
  redis: RedisLike,
  stream: string,
  group: string,
  consumer: string,
  minIdleMs: number,
  limit: number,
): Promise<string[]> {
  const reply = await runCommand(redis, 'XPENDING', stream, group, 'IDLE', minIdleMs, '-', '+', limit, consumer);
  return parsePendingEntries(reply).map((entry) => entry.id);
}

/**
 * XCLAIM … JUSTID: moves the entries to `toConsumer` without delivering them again. Only entries
 * still idle for `minIdleMs` move, so an entry the old consumer touched meanwhile stays with it.
 * Returns the IDs that moved.
 */
export async function claimEntries(redis: RedisLike, stream: string, group: string, toConsumer: string, minIdleMs: number, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const reply = await runCommand(redis, 'XCLAIM', stream, group, toConsumer, minIdleMs, ...ids, 'JUSTID');
  return Array.isArray(reply) ? reply.map(String) : [];
}

/** XACK: the number of entries Redis acknowledged. */
export async function acknowledgeEntries(redis: RedisLike, stream: string, group: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return Number(await runCommand(redis, 'XACK', stream, group, ...ids));
}

/** XGROUP DELCONSUMER: returns how many pending entries the consumer still held (they are dropped). */
export async function deleteConsumer(redis: RedisLike, stream: string, group: string, consumer: string): Promise<number> {
  return Number(await runCommand(redis, 'XGROUP', 'DELCONSUMER', stream, group, consumer));
}
