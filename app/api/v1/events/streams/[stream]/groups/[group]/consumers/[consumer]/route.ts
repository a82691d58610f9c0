import { withAuth } from '@/lib/api/with-auth';
import { deleteConsumerQuerySchema, deleteConsumerResponseSchema, streamConsumerPathParameters } from '@/lib/actions/api-schemas';
import { deleteStreamConsumer } from '@/lib/actions/redis-pending-actions';
import { streamPathNames } from '@/lib/actions/request-parsing';
import { assertCanView } from '@/lib/teams/visibility';

export const dynamic = 'force-dynamic';

// DELETE …/consumers/{consumer}[?force=true]: XGROUP DELCONSUMER; 409 while it holds pending entries unless forced (operator; audited).
export const DELETE = withAuth(async ({ request, searchParams, principal }) => {
  const { stream, group, consumer } = streamPathNames(request);
  const { consumer: consumerName } = streamConsumerPathParameters.parse({ stream, group, consumer: consumer ?? '' });
  const { force } = deleteConsumerQuerySchema.parse(Object.fromEntries(searchParams));
  await assertCanView(principal, 'redis_stream', stream, null);
  return deleteConsumerResponseSchema.parse(await deleteStreamConsumer(principal, stream, group, consumerName, force === 'true'));
}, { resource: 'redis_stream' });
