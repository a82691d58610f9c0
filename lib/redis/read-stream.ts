import type { RedisStreamObservation } from '@/lib/observations/redis';
import type { CommandResult, RedisCommand } from './connection';
import { entryId, optionalNumber, optionalString, requiredNumber, toFlatMap } from './reply-parsing';

/** What XINFO GROUPS says about one group: everything round 2 needs to plan its commands. */
export interface GroupHead {
  name: string;
  consumerCount: number;
  pending: number;
  lastDeliveredId: string;
  entriesRead: number | null;
  lag: number | null;
}

export interface StreamRead {
  stream: Omit<RedisStreamObservation, 'groups'>;
  groupHeads: GroupHead[];
}

/** Round-1 commands for one stream; `parseStreamReplies` takes their results in this order. */
export function streamCommands(name: string): RedisCommand[] {
  return [['XINFO', 'STREAM', name], ['XINFO', 'GROUPS', name]];
}

export const streamCommandCount = 2;

/**
 * XINFO STREAM answers "ERR no such key" for a missing key (every Redis with streams), which
 * tells it from a key of another type (WRONGTYPE) or a command the ACL forbids (NOPERM) without
 * a TYPE per stream: a thousand streams, a thousand commands fewer.
 */
export function isNoSuchKey(error: string): boolean {
  return /^ERR no such key/i.test(error);
}

export function parseStreamReplies(name: string, replies: CommandResult[]): StreamRead {
  const [info, groups] = replies;
  if (!info || !groups) {
    throw new Error('missing replies');
  }
  if (!info.ok) {
    // A missing key is not an error: the stream may simply not exist yet.
    if (isNoSuchKey(info.error)) {
      return { stream: emptyStream(name, false), groupHeads: [] };
    }
    return { stream: { ...emptyStream(name, true), error: info.error }, groupHeads: [] };
  }
  let stream: StreamRead['stream'];
  try {
    const map = toFlatMap(info.value);
    stream = {
      name,
      exists: true,
      length: requiredNumber(map, 'length'),
      firstEntryId: entryId(map.get('first-entry')),
      lastEntryId: entryId(map.get('last-entry')),
      lastGeneratedId: optionalString(map, 'last-generated-id'),
      entriesAdded: optionalNumber(map, 'entries-added'),
      maxDeletedEntryId: optionalString(map, 'max-deleted-entry-id'),
      groupCount: requiredNumber(map, 'groups'),
    };
  } catch (error) {
    return { stream: { ...emptyStream(name, true), error: `XINFO STREAM: ${(error as Error).message}` }, groupHeads: [] };
  }
  if (!groups.ok) {
    return { stream: { ...stream, error: groups.error }, groupHeads: [] };
  }
  try {
    return { stream, groupHeads: parseGroupHeads(groups.value) };
  } catch (error) {
    return { stream: { ...stream, error: `XINFO GROUPS: ${(error as Error).message}` }, groupHeads: [] };
  }
}

export function parseGroupHeads(reply: unknown): GroupHead[] {
  if (!Array.isArray(reply)) {
    throw new Error('unexpected reply shape');
  }
  return reply.map((row: unknown) => {
    const map = toFlatMap(row);
    const lastDeliveredId = optionalString(map, 'last-delivered-id');
    if (lastDeliveredId === null) {
      throw new Error('group without last-delivered-id');
    }
    return {
      name: String(map.get('name')),
      consumerCount: requiredNumber(map, 'consumers'),
      pending: requiredNumber(map, 'pending'),
      lastDeliveredId,
      // Both null when Redis replies nil, and when it has no such field (before 7.0).
      entriesRead: optionalNumber(map, 'entries-read'),
      lag: optionalNumber(map, 'lag'),
    };
  });
}

function emptyStream(name: string, exists: boolean): StreamRead['stream'] {
  return {
    name,
    exists,
    length: 0,
    firstEntryId: null,
    lastEntryId: null,
    lastGeneratedId: null,
    entriesAdded: null,
    maxDeletedEntryId: null,
    groupCount: 0,
  };
}
