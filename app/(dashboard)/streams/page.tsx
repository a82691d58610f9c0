import type { Metadata } from 'next';
import { detailOptionsFromConfig, readObservation } from '@/lib/events/read-observation';
import { buildStreamsList } from '@/lib/events/streams-list';
import { getConfig } from '@/lib/config';
import { ApiError } from '@/lib/api/errors';
import { requireSession } from '@/lib/auth/require-session';
import { visibleTeamScope } from '@/lib/teams/visibility';
import { scopeStreams } from '@/lib/teams/scoped-views';
import { refreshIntervalSecondsOf } from '@/lib/auth/user-preferences';
import { StreamsTable } from '@/components/streams/streams-table';
import { firingStreamGroupAlertCounts } from '@/lib/alerts/firing-counts';
import { Suspense } from 'react';
import { RedisServerPanel } from '@/components/streams/redis-server-panel';
import { CardSkeleton } from '@/components/card-skeleton';

export const metadata: Metadata = { title: 'Redis streams · Lagboard' };
export const dynamic = 'force-dynamic';

export default async function StreamsPage() {
  const config = getConfig();
  const principal = await requireSession();
  let list;
  try {
    const [observation, scope] = await Promise.all([readObservation(), visibleTeamScope(principal)]);
    list = buildStreamsList({ ...observation, streams: scopeStreams(observation.streams, scope) }, detailOptionsFromConfig());
  } catch (error) {
    if (error instanceof ApiError) {
      return (<><h1>Redis streams</h1><div className="banner" role="alert">{error.message}. Check REDIS_URL and that Redis is running.</div></>);
    }
    throw error;
  }
  return (
    <>
      <h1>Redis streams</h1>
      <Suspense fallback={<CardSkeleton title="Redis server" />}>
        <RedisServerPanel server={list.server} />
      </Suspense>
      <StreamsTable initial={list} thresholds={{ degraded: config.thresholds.streamLagDegraded, unhealthy: config.thresholds.streamLagUnhealthy }}
        refreshIntervalSeconds={await refreshIntervalSecondsOf(principal.userId)} alertCounts={Object.fromEntries(await firingStreamGroupAlertCounts())} />
    </>
  );
}
