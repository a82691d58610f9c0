import { notFound } from '@/lib/api/errors';
import { findNameRef } from '../name-refs';
import type { SqlClient } from '../sql-client';
import { readGroupSeries } from './group-series';
import { readGroupMarkers } from './markers';
import { planSeries, type TimeRange } from './plan';
import { readStorageBounds, seriesFrame } from './series-shape';

export interface GroupTrendRequest {
  clusterId: string;
  groupId: string;
  range: TimeRange;
  requestedStepMs: number | null;
}

/**
 * A Kafka group's trend: total and max lag, time lag and members per bucket (raw points, and
 * 5-minute rollups for what lies before the rollup watermark), with its state changes and
 * rebalances as markers. A group the history never saw is a 404; a known group with nothing in
 * the range gives empty points.
 */
export async function getGroupTrend(sql: SqlClient, request: GroupTrendRequest) {
  const groupRef = await findNameRef(sql, 'kafkaGroup', request.clusterId, request.groupId);
  if (groupRef === null) throw notFound(`No history for group "${request.groupId}" in cluster "${request.clusterId}"`);
  const plan = planSeries({ ...request.range, requestedStepMs: request.requestedStepMs, ...(await readStorageBounds(sql)) });
  const points = await readGroupSeries(sql, groupRef, plan);
  const { markers, truncated } = await readGroupMarkers(sql, groupRef, { fromMs: plan.alignedFromMs, toMs: plan.alignedToMs });
  return {
    cluster_id: request.clusterId,
    group_id: request.groupId,
    ...seriesFrame(request.range, plan),
    points,
    markers,
    markers_truncated: truncated,
  };
}
