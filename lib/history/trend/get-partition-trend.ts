import { notFound } from '@/lib/api/errors';
import { findNameRef } from '../name-refs';
import type { SqlClient } from '../sql-client';
import { readPartitionSeries } from './partition-series';
import { planSeries, type TimeRange } from './plan';
import { readStorageBounds, seriesFrame } from './series-shape';

export interface PartitionTrendRequest {
  clusterId: string;
  groupId: string;
  topic: string;
  partition: number;
  range: TimeRange;
  requestedStepMs: number | null;
}

/** One partition of a group: lag, time lag and offsets from the raw points (RETENTION_RAW). */
export async function getPartitionTrend(sql: SqlClient, request: PartitionTrendRequest) {
  // Independent look-ups in parallel: on a loaded machine each round trip costs milliseconds.
  const [groupRef, topicRef, bounds] = await Promise.all([
    findNameRef(sql, 'kafkaGroup', request.clusterId, request.groupId),
    findNameRef(sql, 'kafkaTopic', request.clusterId, request.topic),
    readStorageBounds(sql),
  ]);
  if (groupRef === null || topicRef === null) {
    throw notFound(`No history for group "${request.groupId}" on topic "${request.topic}" in cluster "${request.clusterId}"`);
  }
  // Partition detail has no rollups: plan on raw points only.
  const { oldestRawMs } = bounds;
  const plan = planSeries({ ...request.range, requestedStepMs: request.requestedStepMs, rolledUntilMs: null, oldestRawMs });
  return {
    cluster_id: request.clusterId,
    group_id: request.groupId,
    topic: request.topic,
    partition: request.partition,
    ...seriesFrame(request.range, plan),
    points: await readPartitionSeries(sql, { groupRef, topicRef, partition: request.partition }, plan),
  };
}
