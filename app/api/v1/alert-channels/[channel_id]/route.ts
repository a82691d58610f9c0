import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { alertChannelDeletedJsonSchema, alertChannelIdSchema, updateAlertChannelBodySchema } from '@/lib/notifications/api-schemas';
import { deleteAlertChannel, findAlertChannel, updateAlertChannel } from '@/lib/notifications/channel-repository';
import { toAlertChannelJson } from '@/lib/notifications/channel-json';

export const dynamic = 'force-dynamic';

type Params = { channel_id: string };

export const GET = withAuth<Params>(async ({ params }) => {
  const channelId = alertChannelIdSchema.parse(params.channel_id);
  return toAlertChannelJson(await findAlertChannel(await getDb(), channelId));
}, { role: 'admin' });

export const PATCH = withAuth<Params>(async ({ params, request }) => {
  const channelId = alertChannelIdSchema.parse(params.channel_id);
  const body = updateAlertChannelBodySchema.parse(await request.json().catch(() => ({})));
  return toAlertChannelJson(await updateAlertChannel(await getDb(), channelId, body));
}, { role: 'admin' });

export const DELETE = withAuth<Params>(async ({ params }) => {
  const channelId = alertChannelIdSchema.parse(params.channel_id);
  await deleteAlertChannel(await getDb(), channelId);
  return alertChannelDeletedJsonSchema.parse({ deleted: true, id: channelId });
}, { role: 'admin' });
