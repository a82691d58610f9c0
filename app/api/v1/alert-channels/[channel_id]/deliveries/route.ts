import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { alertChannelIdParamsSchema, alertDeliveriesQuerySchema, alertDeliveryListJsonSchema } from '@/lib/notifications/api-schemas';
import { findAlertChannel, listChannelDeliveries } from '@/lib/notifications/channel-repository';
import { toAlertDeliveryJson } from '@/lib/notifications/channel-json';

export const dynamic = 'force-dynamic';


// Newest first: every try's status code, time and error kind (never the URL or the secret).
export const GET = withAuth(async ({ params, searchParams }) => {
  const { channel_id: channelId } = alertChannelIdParamsSchema.parse(params);
  const query = alertDeliveriesQuerySchema.parse(Object.fromEntries(searchParams));
  const prisma = await getDb();
  await findAlertChannel(prisma, channelId);
  const deliveries = await listChannelDeliveries(prisma, channelId, query.limit);
  return alertDeliveryListJsonSchema.parse({ channel_id: channelId, deliveries: deliveries.map(toAlertDeliveryJson) });
}, { resource: 'none', role: 'admin' });
