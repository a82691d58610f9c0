import { badRequest } from '@/lib/api/errors';
import type { KafkaClusterConfig } from '@/lib/config';

/**
 * The cluster a Kafka trend is about: `cluster_id`, which may be left out only when exactly one
 * cluster is configured (the consumers API's rule). A cluster no longer configured can still be
 * asked for: its history stays readable until retention removes it.
 */
export function resolveTrendCluster(clusterId: string | null, clusters: readonly KafkaClusterConfig[]): string {
  if (clusterId !== null) return clusterId;
  const [onlyCluster, ...otherClusters] = clusters;
  if (onlyCluster && otherClusters.length === 0) return onlyCluster.id;
  throw badRequest(`cluster_id is required when several clusters are configured (${clusters.map((cluster) => cluster.id).join(', ')})`);
}
