import type { TopicPartition } from './topic-partition';

/** A lag threshold per topic, with the one used for topics not listed. */
export interface TopicLagThresholds {
  byTopic: Readonly<Record<string, number>>;
  defaultLag: number;
}

/**
 * The lag under which a partition meets the SLO: one number for every partition, a function of
 * the partition, or per-topic values with a default (seed 004's roadmap: "lag alert threshold per
 * topic").
 */
export type LagThreshold = number | ((partition: TopicPartition) => number) | TopicLagThresholds;

export interface PartitionLagReading extends TopicPartition {
  /** null when unknown (never committed). */
  lag: number | null;
}

export function resolveLagThreshold(threshold: LagThreshold, partition: TopicPartition): number {
  if (typeof threshold === 'number') {
    return threshold;
  }
  if (typeof threshold === 'function') {
    return threshold(partition);
  }
  // Object.hasOwn, not `in`: "constructor" or "toString" are legal topic names and must not
  // resolve to Object.prototype members.
  return Object.hasOwn(threshold.byTopic, partition.topic)
    ? (threshold.byTopic[partition.topic] as number)
    : threshold.defaultLag;
}

/**
 * Seed 004's SLO compliance: the ratio (0..1) of partitions whose lag is under the threshold.
 * The seed's pseudo-code multiplies by 100, but its ConsumerHealthSummary documents 0.0~1.0 and
 * compares with SLO_COMPLIANCE_MIN = 0.95, so the ratio is returned.
 *
 * - "Under" is strict: lag == threshold misses the SLO.
 * - Partitions with unknown lag (null) are left out of both counts: nothing says they are behind
 *   or caught up, and the never-committed flag reports them separately.
 * - No partitions with a known lag gives 1: nothing is behind, and an idle group should not read
 *   as an SLO violation.
 */
export function sloCompliance(partitionLags: readonly PartitionLagReading[], threshold: LagThreshold): number {
  let knownCount = 0;
  let underThresholdCount = 0;
  for (const reading of partitionLags) {
    if (reading.lag === null) {
      continue;
    }
    knownCount += 1;
    if (reading.lag < resolveLagThreshold(threshold, reading)) {
      underThresholdCount += 1;
    }
  }
  return knownCount === 0 ? 1 : underThresholdCount / knownCount;
}

/** Met when compliance reaches the minimum (seed default 0.95): exactly 0.95 passes. */
export function isSloMet(compliance: number, complianceMin: number): boolean {
  return compliance >= complianceMin;
}
