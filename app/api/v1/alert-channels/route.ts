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
}, { role: 'admin' });

export const POST = withAuth(async ({ request }) => {
  const body = createAlertChannelBodySchema.parse(await request.json().catch(() => ({})));
  const channel = await createAlertChannel(await getDb(), body);
  return Response.json(toAlertChannelJson(channel), { status: 201, headers: { 'cache-control': 'no-store' } });
}, { role: 'admin' });
