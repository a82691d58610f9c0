import { withAuth } from '@/lib/api/with-auth';
import { acknowledgeRequestSchema, pendingActionResponseSchema, streamConsumerPathParameters } from '@/lib/actions/api-schemas';
import { runPendingAction } from '@/lib/actions/redis-pending-actions';
import { parseJsonBody, streamPathNames } from '@/lib/actions/request-parsing';
import { assertCanView } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';

// POST …/consumers/{consumer}/acknowledge {"min_idle_ms"?,"dry_run"}: XACK its pending entries (operator; audited).
export const POST = withAuth(async ({ request, principal }) => {
  const { stream, group, consumer } = streamPathNames(request);
  const { consumer: consumerName } = streamConsumerPathParameters.parse({ stream, group, consumer: consumer ?? '' });
  const body = await parseJsonBody(request, acknowledgeRequestSchema);
  await assertCanView(principal, 'redis_stream', stream, null);
  return pendingActionResponseSchema.parse(await runPendingAction(principal, {
    stream, group, consumer: consumerName, action: 'acknowledge', toConsumer: null, minIdleMs: body.min_idle_ms, dryRun: body.dry_run,
  }));
}, { resource: 'redis_stream' });
