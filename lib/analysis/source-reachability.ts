import type { KafkaClusterObservation } from '@/lib/observations/kafka';

/** A source the dashboard could not reach at all, with a reason safe to show anyone. */
export type UnreachableSource =
  | { kind: 'kafka'; clusterId: string; reason: string }
  | { kind: 'redis'; reason: string };

export interface SourceReadings {
  kafka: ReadonlyArray<Pick<KafkaClusterObservation, 'clusterId' | 'brokers' | 'errors'>>;
  /** Why Redis could not be reached; null when it was read, or not read because no stream is watched. */
  redisUnreachableReason: string | null;
}

const clusterUnreachablePrefix = /^cluster unreachable:\s*/;

/**
 * A Kafka cluster is unreachable when its observation found no broker at all and says why in a
 * `cluster` error (refused, timed out). A failed group, topic or broker request still leaves the
 * brokers found, so that partial failure is not an outage: the pages show it where it applies.
 */
function unreachableKafkaReason(observation: SourceReadings['kafka'][number]): string | null {
  if (observation.brokers.length > 0) return null;
  const clusterError = observation.errors.find((error) => error.scope === 'cluster');
  return clusterError ? clusterError.message.replace(clusterUnreachablePrefix, '') : null;
}

export function findUnreachableSources(readings: SourceReadings): UnreachableSource[] {
  const unreachable: UnreachableSource[] = [];
  for (const observation of readings.kafka) {
    const reason = unreachableKafkaReason(observation);
    if (reason !== null) unreachable.push({ kind: 'kafka', clusterId: observation.clusterId, reason });
  }
  if (readings.redisUnreachableReason !== null) unreachable.push({ kind: 'redis', reason: readings.redisUnreachableReason });
  return unreachable;
}

/** The banner's sentence for one unreachable source. */
export function describeUnreachableSource(source: UnreachableSource): string {
  const subject = source.kind === 'kafka' ? `Kafka cluster “${source.clusterId}”` : 'Redis';
  return `${subject} is unreachable: ${source.reason}. Figures from it are missing or stale.`;
}
