import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/require-session';
import { getConfig } from '@/lib/config';
import { listKafkaClusters } from '@/lib/sources/kafka';
import { listTeams } from '@/lib/teams/find-teams';
import { thresholdsToJson, toTeamJson } from '@/lib/teams/team-record';
import { TeamManager } from '@/components/settings/team-manager';
import { TeamReadOnlyList } from '@/components/settings/team-read-only-list';

export const metadata: Metadata = { title: 'Teams · Lagboard' };
export const dynamic = 'force-dynamic';

export default async function TeamsPage() {
  const principal = await requireSession();
  const isAdmin = principal.role === 'admin';
  const teams = (await listTeams(isAdmin ? {} : { memberUserId: principal.userId })).map(toTeamJson);
  const globalThresholds = thresholdsToJson(getConfig().thresholds);
  return (
    <>
      <h1>Teams</h1>
      <p className="muted">
        Teams own Kafka consumer groups, topics and Redis streams by name pattern (<code>*</code> any run of characters,{' '}
        <code>?</code> one character). Members see their teams’ resources and those no team owns; admins see everything.
        A team’s thresholds override the global ones for its resources.
      </p>
      {isAdmin
        ? <TeamManager initialTeams={teams} clusterIds={listKafkaClusters().map((cluster) => cluster.id)} globalThresholds={globalThresholds} />
        : <TeamReadOnlyList teams={teams} globalThresholds={globalThresholds} />}
    </>
  );
}
