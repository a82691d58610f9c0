import { readJsonBody } from '@/lib/api/read-json-body';
import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { alertChannelDeletedJsonSchema, alertChannelIdParamsSchema, updateAlertChannelBodySchema } from '@/lib/notifications/api-schemas';
import { deleteAlertChannel, findAlertChannel, updateAlertChannel } from '@/lib/notifications/channel-repository';
import { toAlertChannelJson } from '@/lib/notifications/channel-json';

export const dynamic = 'force-dynamic';


export const GET = withAuth(async ({ params }) => {
  const { channel_id: channelId } = alertChannelIdParamsSchema.parse(params);
  return toAlertChannelJson(await findAlertChannel(await getDb(), channelId));
}, { resource: 'none', role: 'admin' });

export const PATCH = withAuth(async ({ params, request }) => {
  const { channel_id: channelId } = alertChannelIdParamsSchema.parse(params);
  const body = await readJsonBody(request, updateAlertChannelBodySchema);
  return toAlertChannelJson(await updateAlertChannel(await getDb(), channelId, body));
}, { resource: 'none', role: 'admin' });

export const DELETE = withAuth(async ({ params }) => {
  const { channel_id: channelId } = alertChannelIdParamsSchema.parse(params);
  await deleteAlertChannel(await getDb(), channelId);
  return alertChannelDeletedJsonSchema.parse({ deleted: true, id: channelId });
}, { resource: 'none', role: 'admin' });
