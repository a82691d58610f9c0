import 'server-only';
import { badRequest } from '@/lib/api/errors';
import type { Principal } from '@/lib/auth/principal';
import { countEntriesAfter, setGroupLastDeliveredId, type GroupPosition } from '@/lib/redis';
import { invalidateRedisObservations } from '@/lib/sources/redis';
import type { SetIdResponse } from './api-schemas';
import { actionRedisClient, compareStreamIds, LAG_COUNT_LIMIT, readPositionOrThrow, toRedisActionError } from './redis-group-state';
import { requireOperator, runAudited } from './run-audited';

/** `$` is the newest entry, `0` the start, a bare number its `-0` entry. */
function resolveId(requested: string, position: GroupPosition): string {
  if (requested === '$') return position.stream.lastGeneratedId;
  if (requested === '0') return '0-0';
  const id = requested.includes('-') ? requested : `${requested}-0`;
  if (compareStreamIds(id, position.stream.lastGeneratedId) > 0) {
    throw badRequest(`${id} is after the stream's newest entry ${position.stream.lastGeneratedId}`);
  }
  return id;
}

/**
 * ENTRIESREAD is known when every entry after the new id is still in the stream (none was
 * XDELeted after it: max-deleted-entry-id is not after it) and they were counted exactly: then
 * the group has read entries-added minus those. Otherwise it is left out and Redis reports the
 * lag as nil until the group reads again, which Lagboard shows as an estimate, never as 0.
 */
function knownEntriesRead(position: GroupPosition, id: string, after: { count: number; atLeast: boolean }): number | null {
  const { entriesAdded, maxDeletedEntryId } = position.stream;
  if (entriesAdded === null || after.atLeast) return null;
  if (maxDeletedEntryId !== null && compareStreamIds(maxDeletedEntryId, id) > 0) return null;
  return entriesAdded - after.count;
}

async function preview(stream: string, group: string, requestedId: string) {
  const position = await readPositionOrThrow(stream, group);
  const id = resolveId(requestedId, position);
  try {
    const after = await countEntriesAfter(actionRedisClient(), stream, id, LAG_COUNT_LIMIT);
    return { position, id, after, entriesRead: knownEntriesRead(position, id, after) };
  } catch (error) {
    throw toRedisActionError(error);
  }
}

function response(stream: string, group: string, dryRun: boolean, data: Awaited<ReturnType<typeof preview>>): SetIdResponse {
  return {
    stream,
    group,
    dry_run: dryRun,
    executed: false,
    last_delivered_id_before: data.position.group.lastDeliveredId,
    last_delivered_id_after: data.id,
    lag_before: data.position.group.lag,
    lag_after: data.after.count,
    lag_after_at_least: data.after.atLeast,
    entries_read: data.entriesRead,
    audit_id: null,
  };
}

/** XGROUP SETID with a preview of the lag it gives. */
export async function setStreamGroupId(principal: Principal, stream: string, group: string, requestedId: string, dryRun: boolean): Promise<SetIdResponse> {
  if (dryRun) {
    requireOperator(principal);
    return response(stream, group, true, await preview(stream, group, requestedId));
  }
  return runAudited<SetIdResponse>({
    principal,
    action: 'redis.group.set_id',
    source: 'redis',
    stream,
    groupId: group,
    parameters: { id: requestedId },
    async run(context) {
      const data = await preview(stream, group, requestedId);
      context.before = { last_delivered_id: data.position.group.lastDeliveredId, entries_read: data.position.group.entriesRead, lag: data.position.group.lag };
      try {
        await setGroupLastDeliveredId(actionRedisClient(), stream, group, data.id, data.entriesRead);
      } catch (error) {
        throw toRedisActionError(error);
      } finally {
        invalidateRedisObservations();
      }
      const now = await readPositionOrThrow(stream, group);
      const after = { last_delivered_id: now.group.lastDeliveredId, entries_read: now.group.entriesRead, lag: now.group.lag };
      return { result: { ...response(stream, group, false, data), executed: true }, before: context.before, after };
    },
  });
}
