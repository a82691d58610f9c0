import { withAuth } from '@/lib/api/with-auth';
import { claimRequestSchema, pendingActionResponseSchema, streamConsumerPathParameters } from '@/lib/actions/api-schemas';
import { runPendingAction } from '@/lib/actions/redis-pending-actions';
import { parseJsonBody, streamPathNames } from '@/lib/actions/request-parsing';
import { assertCanView } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';

// POST …/consumers/{consumer}/claim {"to_consumer","min_idle_ms","dry_run"}: XCLAIM its idle pending entries (operator; audited).
export const POST = withAuth(async ({ request, principal }) => {
  const { stream, group, consumer } = streamPathNames(request);
  const { consumer: consumerName } = streamConsumerPathParameters.parse({ stream, group, consumer: consumer ?? '' });
  const body = await parseJsonBody(request, claimRequestSchema);
  await assertCanView(principal, 'redis_stream', stream, null);
  return pendingActionResponseSchema.parse(await runPendingAction(principal, {
    stream, group, consumer: consumerName, action: 'claim', toConsumer: body.to_consumer, minIdleMs: body.min_idle_ms, dryRun: body.dry_run,
  }));
}, { resource: 'redis_stream' });
