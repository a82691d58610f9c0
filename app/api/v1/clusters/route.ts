import { withAuth } from '@/lib/api/with-auth';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

// The configured sources. The Redis URL is left out on purpose: it may hold a password.
export const GET = withAuth(async () => {
  const config = getConfig();
  return {
    kafka_clusters: config.kafka.clusters.map((cluster) => ({ cluster_id: cluster.id, brokers: cluster.brokers })),
    redis: {
      streams: config.eventTransport.streams,
      consumer_group: config.eventTransport.consumerGroup,
      transport_mode: config.eventTransport.useRedisStreams ? 'redis_streams' : 'http',
    },
  };
}, { resource: 'none' });
