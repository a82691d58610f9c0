import { readJsonBody } from '@/lib/api/read-json-body';
import { withAuth } from '@/lib/api/with-auth';
import { getDb } from '@/lib/db';
import { alertChannelListJsonSchema, createAlertChannelBodySchema } from '@/lib/notifications/api-schemas';
import { createAlertChannel, listAlertChannels } from '@/lib/notifications/channel-repository';
import { toAlertChannelJson } from '@/lib/notifications/channel-json';

export const dynamic = 'force-dynamic';

// Channels hold receiver URLs and signing secrets (masked here, but still): admins only.
export const GET = withAuth(async () => {
  const channels = await listAlertChannels(await getDb());
  return alertChannelListJsonSchema.parse({ channels: channels.map(toAlertChannelJson) });
}, { resource: 'none', role: 'admin' });

export const POST = withAuth(async ({ request }) => {
  const body = await readJsonBody(request, createAlertChannelBodySchema);
  const channel = await createAlertChannel(await getDb(), body);
  return Response.json(toAlertChannelJson(channel), { status: 201, headers: { 'cache-control': 'no-store' } });
}, { resource: 'none', role: 'admin' });
