import { consumersQuery } from './api-schemas';
import { badRequest } from '@/lib/api/errors';
import { listKafkaClusters } from '@/lib/sources/kafka';

export { consumersQuery, groupPathParameters, topicPathParameters } from './api-schemas';

/** Rejects unknown, repeated and malformed query parameters of a consumers route (the cluster comes from the wrapper's scope). */
export function assertConsumersQuery(searchParams: URLSearchParams): void {
  resolveClusterId(searchParams, [{ id: 'declared' }]);
}

/**
 * The cluster a consumers request is about: `cluster_id`, which may be left out only when exactly
 * one cluster is configured. Unknown parameters and repeated ones are rejected, so a typo such as
 * `clusterId=` fails loudly instead of silently reading another cluster.
 */
export function resolveClusterId(searchParams: URLSearchParams, clusters: readonly { id: string }[] = listKafkaClusters()): string {
  const names = [...searchParams.keys()];
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) {
    throw badRequest(`Query parameter "${repeated}" is given more than once`);
  }
  const query = consumersQuery.parse(Object.fromEntries(searchParams));
  if (query.cluster_id !== undefined) {
    return query.cluster_id;
  }
  const [onlyCluster, ...otherClusters] = clusters;
  if (onlyCluster && otherClusters.length === 0) {
    return onlyCluster.id;
  }
  throw badRequest(`cluster_id is required when several clusters are configured (${clusters.map((cluster) => cluster.id).join(', ')})`);
}
