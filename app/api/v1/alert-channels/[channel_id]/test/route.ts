import { withAuth } from '@/lib/api/with-auth';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { alertChannelIdParamsSchema, alertChannelTestJsonSchema } from '@/lib/notifications/api-schemas';
import { findAlertChannel } from '@/lib/notifications/channel-repository';
import { toAlertDeliveryJson } from '@/lib/notifications/channel-json';
import { sendTestMessage } from '@/lib/notifications/send-test-message';

export const dynamic = 'force-dynamic';


// One try, answered with its outcome (a receiver's failure is a result here, not an API error).
export const POST = withAuth(async ({ params }) => {
  const { channel_id: channelId } = alertChannelIdParamsSchema.parse(params);
  const prisma = await getDb();
  const channel = await findAlertChannel(prisma, channelId);
  const { notifications } = getConfig();
  const delivery = await sendTestMessage(prisma, channel, { publicBaseUrl: notifications.publicBaseUrl, timeoutMs: notifications.timeoutMs });
  return alertChannelTestJsonSchema.parse({ ok: delivery.status === 'delivered', delivery: toAlertDeliveryJson(delivery) });
}, { resource: 'none', role: 'admin' });
