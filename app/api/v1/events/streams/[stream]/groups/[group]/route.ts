import { notFound } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { groupPathParameter, queryObject, streamDetailQuery } from '@/lib/events/query';
import { detailOptionsFromConfig, readObservation } from '@/lib/events/read-observation';
import { buildGroupDetail } from '@/lib/events/stream-detail';
import { scalingInputOfDetail, streamGroupScaling } from '@/lib/events/stream-group-scaling';

export const dynamic = 'force-dynamic';

// Names come from the encoded pathname, decoded once (see path-segments.ts), not from params.
export const GET = withAuth(async ({ searchParams, scope }) => {
  const { stream: streamName, segmentsAfterStream: [, encodedGroup = ''] } = scope;
  const { group: consumerGroup } = groupPathParameter.parse({ group: encodedGroup });
  const { dead_consumer_idle_ms: deadConsumerIdleMs } = streamDetailQuery.parse(queryObject(searchParams));
  const detail = buildGroupDetail(await readObservation(), streamName, consumerGroup, detailOptionsFromConfig(deadConsumerIdleMs));
  if (!detail) {
    throw notFound(`Group "${consumerGroup}" of stream "${streamName}" is not observed`);
  }
  return { ...detail, scaling: await streamGroupScaling(scalingInputOfDetail(streamName, detail, Date.now())) };
}, { resource: 'redis_stream' });
