import { z } from 'zod';
import { badRequest } from '@/lib/api/errors';
import { listKafkaClusters } from '@/lib/sources/kafka';

// The same rule lib/config-values.ts applies to KAFKA_CLUSTERS ids, so a malformed id is a 400, an unknown one a 404.
const clusterIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const consumersQuery = z.strictObject({
  cluster_id: z.string().regex(clusterIdPattern, 'must be 1-64 letters, digits, ".", "_" or "-"').optional(),
});

/**
 * Group ids may hold any character (Next.js decodes the path segment once) but NUL, which no
 * real client uses and PostgreSQL text (the history) cannot store; Kafka caps strings at 32767 bytes.
 */
export const groupPathParameters = z.object({ group_id: z.string().min(1).max(32_767).refine((id) => !id.includes('\u0000'), 'must not contain NUL characters') });

/** Kafka's rule for topic names; anything else cannot exist, so it is a malformed request. */
export const topicPathParameters = z.object({
  topic_name: z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, 'must be a Kafka topic name: 1-249 letters, digits, ".", "_" or "-"'),
});

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
