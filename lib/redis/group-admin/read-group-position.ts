import type { RedisConsumerObservation } from '@/lib/observations/redis';
import { parseGroupHeads, type GroupHead } from '../read-stream';
import { entryId, optionalNumber, optionalString, parseConsumers, requiredNumber, successorId, toFlatMap } from '../reply-parsing';
import type { RedisLike } from '../redis-like';
import { runCommand } from './run-command';

export interface StreamPosition {
  length: number;
  firstEntryId: string | null;
  lastGeneratedId: string;
  entriesAdded: number | null;
  maxDeletedEntryId: string | null;
}

export interface GroupPosition {
  stream: StreamPosition;
  group: GroupHead;
  consumers: RedisConsumerObservation[];
}

/** Thrown when the stream or the group does not exist. */
export class RedisGroupNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisGroupNotFoundError';
  }
}

/** XINFO STREAM, XINFO GROUPS and XINFO CONSUMERS of one group: its position before an action. */
export async function readGroupPosition(redis: RedisLike, stream: string, groupName: string): Promise<GroupPosition> {
  let info: unknown;
  try {
    info = await runCommand(redis, 'XINFO', 'STREAM', stream);
  } catch (error) {
    if (error instanceof Error && /no such key/i.test(error.message)) throw new RedisGroupNotFoundError(`No stream "${stream}"`);
    throw error;
  }
  const map = toFlatMap(info);
  const group = parseGroupHeads(await runCommand(redis, 'XINFO', 'GROUPS', stream)).find((head) => head.name === groupName);
  if (!group) throw new RedisGroupNotFoundError(`No consumer group "${groupName}" on stream "${stream}"`);
  const consumers = parseConsumers(await runCommand(redis, 'XINFO', 'CONSUMERS', stream, groupName));
  return {
    stream: {
      length: requiredNumber(map, 'length'),
      firstEntryId: entryId(map.get('first-entry')),
      lastGeneratedId: optionalString(map, 'last-generated-id') ?? '0-0',
      entriesAdded: optionalNumber(map, 'entries-added'),
      maxDeletedEntryId: optionalString(map, 'max-deleted-entry-id'),
    },
    group,
    consumers,
  };
}

/** Entries after `id`, counted up to `limit` (`atLeast` when there are more). */
export async function countEntriesAfter(redis: RedisLike, stream: string, id: string, limit: number): Promise<{ count: number; atLeast: boolean }> {
  const reply = await runCommand(redis, 'XRANGE', stream, successorId(id), '+', 'COUNT', limit + 1);
  const count = Array.isArray(reply) ? reply.length : 0;
  return count > limit ? { count: limit, atLeast: true } : { count, atLeast: false };
}
