import { notFound } from '@/lib/api/errors';
import { findNameRef } from '../name-refs';
import type { SqlClient } from '../sql-client';
import { planSeries, type TimeRange } from './plan';
import { readStorageBounds, seriesFrame } from './series-shape';
import { readStreamGroupSeries } from './stream-series';

export interface StreamGroupTrendRequest {
  stream: string;
  group: string;
  range: TimeRange;
  requestedStepMs: number | null;
}

/** A Redis stream consumer group: lag (unknown kept apart), pending, length and consumers. */
export async function getStreamGroupTrend(sql: SqlClient, request: StreamGroupTrendRequest) {
  const streamGroupRef = await findNameRef(sql, 'streamGroup', request.stream, request.group);
  if (streamGroupRef === null) throw notFound(`No history for group "${request.group}" of stream "${request.stream}"`);
  const plan = planSeries({ ...request.range, requestedStepMs: request.requestedStepMs, ...(await readStorageBounds(sql)) });
  return {
    stream: request.stream,
    group: request.group,
    ...seriesFrame(request.range, plan),
    points: await readStreamGroupSeries(sql, streamGroupRef, plan),
  };
}
