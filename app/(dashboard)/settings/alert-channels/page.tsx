import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/require-session';
import { getDb } from '@/lib/db';
import { listAlertChannels } from '@/lib/notifications/channel-repository';
import { toAlertChannelJson } from '@/lib/notifications/channel-json';
import { listTeams } from '@/lib/teams/find-teams';
import { AlertChannelManager } from '@/components/notifications/alert-channel-manager';

export const metadata: Metadata = { title: 'Alert channels · Lagboard' };
export const dynamic = 'force-dynamic';

export default async function AlertChannelsPage() {
  const principal = await requireSession();
  if (principal.role !== 'admin') {
    return (
      <>
        <h1>Alert channels</h1>
        <p className="muted">Alert channels hold receiver URLs and signing secrets: only admins can see and change them.</p>
      </>
    );
  }
  const [channels, teams] = await Promise.all([listAlertChannels(await getDb()), listTeams({})]);
  return (
    <>
      <h1>Alert channels</h1>
      <p className="muted">
        Where alert notifications go: a signed JSON webhook or a Slack-compatible incoming webhook. A channel with a team receives
        that team’s alerts only; a channel without a team receives every alert. Each gets a message when an alert fires and when it
        resolves, and optionally a repeat while it stays firing (not once acknowledged, nothing while silenced). URLs and secrets
        are never shown again after they are saved.
      </p>
      <AlertChannelManager initialChannels={channels.map(toAlertChannelJson)} teams={teams.map((team) => ({ id: team.id, name: team.name }))} />
    </>
  );
}
