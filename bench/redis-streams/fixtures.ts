import type { Redis } from 'ioredis';

export interface FixtureShape {
  prefix: string;
  streams: number;
  groups: number;
  consumersPerGroup: number;
  entriesPerStream: number;
}

export const groupName = (index: number) => `bench-group-${index}`;
export const streamNames = (shape: FixtureShape) =>
  Array.from({ length: shape.streams }, (_unused, index) => `${shape.prefix}stream-${String(index).padStart(4, '0')}`);

const entryId = (entryNumber: number) => `${entryNumber}000-0`;

/**
 * Streams in the states an operator sees. Every group is behind (each of its 3 consumers
 * read 1, 2 and 3 entries: 6 of 20). Group 0 (the configured one) acknowledged them, except
 * on every tenth stream, where consumer-2 keeps its 3 entries pending; group 1 acknowledged
 * nothing (6 pending). So 55% of the groups hold pending entries, the rest none. Every tenth
 * stream also has an entry deleted after the groups' position: Redis reports nil lag there, and
 * Lagboard's XRANGE count is part of the measured cost. Explicit IDs make the reads predictable.
 */
export async function createFixtures(redis: Redis, shape: FixtureShape): Promise<string[]> {
  const names = streamNames(shape);
  for (let start = 0; start < names.length; start += 100) {
    const pipeline = redis.pipeline();
    names.slice(start, start + 100).forEach((stream, offset) => {
      const index = start + offset;
      for (let entry = 1; entry <= shape.entriesPerStream; entry += 1) {
        pipeline.xadd(stream, entryId(entry), 'seq', String(entry));
      }
      for (let group = 0; group < shape.groups; group += 1) {
        pipeline.xgroup('CREATE', stream, groupName(group), '0');
        let read = 0;
        for (let consumer = 0; consumer < shape.consumersPerGroup; consumer += 1) {
          pipeline.xreadgroup('GROUP', groupName(group), `consumer-${consumer}`, 'COUNT', consumer + 1, 'STREAMS', stream, '>');
          const ids = Array.from({ length: consumer + 1 }, (_unused, position) => entryId(read + position + 1));
          read += consumer + 1;
          const keepsPending = group > 0 || (index % 10 === 5 && consumer === shape.consumersPerGroup - 1);
          if (!keepsPending) {
            pipeline.xack(stream, groupName(group), ...ids);
          }
        }
      }
      if (index % 10 === 0) {
        pipeline.xdel(stream, entryId(shape.entriesPerStream));
      }
    });
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }
  return names;
}

export async function deleteFixtures(redis: Redis, names: string[]): Promise<void> {
  for (let start = 0; start < names.length; start += 500) {
    await redis.unlink(...names.slice(start, start + 500));
  }
}

/** Commands Redis has processed so far (INFO stats), to count the commands each approach sends. */
export async function commandsProcessed(redis: Redis): Promise<number> {
  const info = await redis.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? NaN);
}
