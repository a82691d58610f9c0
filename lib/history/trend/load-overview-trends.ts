import 'server-only';
import { getDb } from '@/lib/db';
import { describeError, log } from '@/lib/log';
import { isVisibleInScope, type TeamScope } from '@/lib/teams/team-scope';
import { readClusterBuckets, readStreamBuckets, totalsPerBucket, type TotalPoint } from './overview-trend';

export interface OverviewTrend {
  id: string;
  title: string;
  kind: 'kafka' | 'redis';
  points: TotalPoint[];
}

export interface OverviewTrends {
  trends: OverviewTrend[];
  unavailable: boolean;
  fromMs: number;
  toMs: number;
}

const spanMs = 6 * 3_600_000;
const stepMs = 5 * 60_000;

/** Total lag and lag in time per Kafka cluster and Redis's total stream lag over the last 6 hours, within the viewer's scope. */
export async function loadOverviewTrends(clusterIds: readonly string[], scope: TeamScope): Promise<OverviewTrends> {
  const toMs = Date.now();
  const range = { fromMs: toMs - spanMs, toMs };
  try {
    const sql = await getDb();
    const kafka = await Promise.all(clusterIds.map(async (clusterId): Promise<OverviewTrend> => ({
      id: clusterId,
      title: `Kafka cluster “${clusterId}”`,
      kind: 'kafka',
      points: totalsPerBucket(await readClusterBuckets(sql, clusterId, range, stepMs), (name) => isVisibleInScope(scope, { kind: 'kafka_group', name, clusterId })),
    })));
    const redis: OverviewTrend = {
      id: 'redis',
      title: 'Redis streams',
      kind: 'redis',
      points: totalsPerBucket(await readStreamBuckets(sql, range, stepMs), (name) => isVisibleInScope(scope, { kind: 'redis_stream', name, clusterId: null })),
    };
    return { trends: [...kafka, redis], unavailable: false, ...range };
  } catch (error) {
    log.warn('overview.trends_failed', { error: describeError(error) });
    return { trends: [], unavailable: true, ...range };
  }
}
