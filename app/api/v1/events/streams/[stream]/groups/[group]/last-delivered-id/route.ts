import { withAuth } from '@/lib/api/with-auth';
import { setIdRequestSchema, setIdResponseSchema } from '@/lib/actions/api-schemas';
import { parseJsonBody, streamPathNames } from '@/lib/actions/request-parsing';
import { setStreamGroupId } from '@/lib/actions/redis-set-id';
import { streamGroupPathParameters } from '@/lib/events/query';
import { assertCanView } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';

// POST …/groups/{group}/last-delivered-id {"id","dry_run"}: XGROUP SETID with a lag preview (operator; audited).
export const POST = withAuth(async ({ request, principal }) => {
  const { stream, group } = streamPathNames(request);
  streamGroupPathParameters.parse({ stream, group });
  const body = await parseJsonBody(request, setIdRequestSchema);
  await assertCanView(principal, 'redis_stream', stream, null);
  return setIdResponseSchema.parse(await setStreamGroupId(principal, stream, group, body.id, body.dry_run));
}, { resource: 'redis_stream' });
