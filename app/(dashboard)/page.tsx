import { Suspense } from 'react';
import type { Metadata } from 'next';
import { listKafkaClusters } from '@/lib/sources/kafka';
import { KafkaGroupsCard } from '@/components/overview/kafka-groups-card';
import { RedisStreamsCard } from '@/components/overview/redis-streams-card';
import { OverviewTrendsCard } from '@/components/overview/overview-trends-card';
import { TeamViewPicker } from '@/components/overview/team-view-picker';
import { CardSkeleton } from '@/components/card-skeleton';
import { requireSession } from '@/lib/auth/require-session';
import { visibleTeamScope } from '@/lib/teams/visibility';
import { listTeams } from '@/lib/teams/find-teams';
import { teamOnlyScope } from '@/lib/teams/team-scope';
import { refreshIntervalSecondsOf } from '@/lib/auth/user-preferences';
import { PageRefresh } from '@/components/page-refresh';
import { FiringAlertsSummary } from '@/components/alerts/firing-alerts-summary';

export const metadata: Metadata = { title: 'Overview · Lagboard' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const principal = await requireSession();
  // Members pick among their own teams; admins among all.
  const teams = await listTeams(principal.role === 'admin' ? {} : { memberUserId: principal.userId });
  const requestedTeamId = (await searchParams).team;
  const selectedTeam = typeof requestedTeamId === 'string' ? teams.find((team) => team.id === requestedTeamId) ?? null : null;
  const scope = selectedTeam ? teamOnlyScope(selectedTeam.patterns) : await visibleTeamScope(principal);
  const scopeKey = selectedTeam?.id ?? 'all';
  return (
    <>
      <h1>{selectedTeam ? <>Overview — team “{selectedTeam.name}”</> : 'Overview'}</h1>
      <PageRefresh intervalSeconds={await refreshIntervalSecondsOf(principal.userId)} renderedAt={new Date().toISOString()} />
      <Suspense fallback={null}>
        <FiringAlertsSummary scope={scope} teamId={selectedTeam?.id ?? null} />
      </Suspense>
      <TeamViewPicker teams={teams.map(({ id, name }) => ({ id, name }))} selectedTeamId={selectedTeam?.id ?? null} />
      {requestedTeamId !== undefined && !selectedTeam ? (
        <div className="banner" role="alert">That team does not exist or is not one of yours; showing everything you can see.</div>
      ) : null}
      {selectedTeam ? <p className="muted">Only the groups and streams the team&apos;s patterns own, with their totals and alerts.</p> : null}
      {listKafkaClusters().map((cluster) => (
        <Suspense key={`${cluster.id}-${scopeKey}`} fallback={<CardSkeleton title={`Kafka cluster “${cluster.id}”`} />}>
          <KafkaGroupsCard clusterId={cluster.id} scope={scope} />
        </Suspense>
      ))}
      <Suspense key={`redis-${scopeKey}`} fallback={<CardSkeleton title="Redis streams" />}>
        <RedisStreamsCard scope={scope} />
      </Suspense>
      <Suspense key={`trends-${scopeKey}`} fallback={<CardSkeleton title="Trends — last 6 hours" />}>
        <OverviewTrendsCard clusterIds={listKafkaClusters().map((cluster) => cluster.id)} scope={scope} />
      </Suspense>
    </>
  );
}
