import 'server-only';
import { ApiError, badRequest, notFound } from '@/lib/api/errors';
import { getConfig } from '@/lib/config';
import { getRedisObservation } from '@/lib/sources/redis';
import { getRedisClient, readGroupPosition, RedisGroupNotFoundError, RedisUnavailableError, type GroupPosition } from '@/lib/redis';

/** Entries one claim or acknowledge handles; more means running it again (the answer says so). */
export const MAX_ENTRIES_PER_ACTION = 10_000;
/** Entries counted after a new last-delivered id for the lag preview. */
export const LAG_COUNT_LIMIT = 10_000;

export function actionRedisClient() {
  return getRedisClient(getConfig().redis);
}

/** Redis failures as API errors: a missing stream or group 404, a refused command 400, Redis down 503. */
export function toRedisActionError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof RedisGroupNotFoundError) return notFound(error.message);
  if (error instanceof RedisUnavailableError) return new ApiError(503, 'source_unavailable', error.message);
  if (error instanceof Error && error.name === 'ReplyError') {
    if (/^NOGROUP/.test(error.message)) return notFound('The stream or its consumer group no longer exists');
    // Redis's reply names the problem (e.g. "ERR Invalid stream ID"); it carries no address.
    return badRequest(`Redis refused the command: ${error.message.split('\n')[0]}`);
  }
  return new ApiError(503, 'source_unavailable', 'Redis did not complete the command');
}

/**
 * Actions reach only the streams Lagboard watches (EVENT_STREAMS and the discovery pattern), the
 * ones its pages show: an operator token must not become a way to rewrite any key in Redis.
 */
async function assertWatchedStream(stream: string): Promise<void> {
  let watched: boolean;
  try {
    watched = (await getRedisObservation()).streams.some((candidate) => candidate.name === stream);
  } catch (error) {
    throw toRedisActionError(error);
  }
  if (!watched) throw notFound(`No stream "${stream}" among the watched streams`);
}

export async function readPositionOrThrow(stream: string, group: string): Promise<GroupPosition> {
  await assertWatchedStream(stream);
  try {
    return await readGroupPosition(actionRedisClient(), stream, group);
  } catch (error) {
    throw toRedisActionError(error);
  }
}

export function findConsumerOrThrow(position: GroupPosition, stream: string, group: string, consumer: string) {
  const found = position.consumers.find((candidate) => candidate.name === consumer);
  if (!found) throw notFound(`No consumer "${consumer}" in group "${group}" of stream "${stream}"`);
  return found;
}

function parseId(id: string): [bigint, bigint] {
  const [milliseconds, sequence] = id.split('-');
  return [BigInt(milliseconds ?? '0'), BigInt(sequence ?? '0')];
}

/** Stream IDs in Redis's order (milliseconds, then sequence). */
export function compareStreamIds(left: string, right: string): number {
  const [leftMs, leftSeq] = parseId(left);
  const [rightMs, rightSeq] = parseId(right);
  if (leftMs !== rightMs) return leftMs < rightMs ? -1 : 1;
  if (leftSeq !== rightSeq) return leftSeq < rightSeq ? -1 : 1;
  return 0;
}
