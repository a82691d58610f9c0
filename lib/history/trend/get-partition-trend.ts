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
  const groupRef = await findNameRef(sql, 'kafkaGroup', request.clusterId, request.groupId);
  const topicRef = await findNameRef(sql, 'kafkaTopic', request.clusterId, request.topic);
  if (groupRef === null || topicRef === null) {
    throw notFound(`No history for group "${request.groupId}" on topic "${request.topic}" in cluster "${request.clusterId}"`);
  }
  // Partition detail has no rollups: plan on raw points only.
  const { oldestRawMs } = await readStorageBounds(sql);
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
