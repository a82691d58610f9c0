import { notFound } from '@/lib/api/errors';
import { findNameRef } from '../name-refs';
import type { SqlClient } from '../sql-client';
import { planSeries, type TimeRange } from './plan';
import { readStorageBounds, seriesFrame } from './series-shape';
import { readTopicSeries } from './topic-series';

export interface TopicTrendRequest {
  clusterId: string;
  topic: string;
  range: TimeRange;
  requestedStepMs: number | null;
}

/** A topic across the groups that consume it (total lag, max lag, time lag, log end), raw points only. */
export async function getTopicTrend(sql: SqlClient, request: TopicTrendRequest) {
  const topicRef = await findNameRef(sql, 'kafkaTopic', request.clusterId, request.topic);
  if (topicRef === null) throw notFound(`No history for topic "${request.topic}" in cluster "${request.clusterId}"`);
  const { oldestRawMs } = await readStorageBounds(sql);
  const plan = planSeries({ ...request.range, requestedStepMs: request.requestedStepMs, rolledUntilMs: null, oldestRawMs });
  return {
    cluster_id: request.clusterId,
    topic: request.topic,
    ...seriesFrame(request.range, plan),
    points: await readTopicSeries(sql, topicRef, plan),
  };
}
