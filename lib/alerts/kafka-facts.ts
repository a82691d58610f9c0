import type { BurrowGroupStatus, ConsumerHealthSummary, GroupLag, GroupStatusEvaluation } from '@/lib/analysis';

/**
 * What the Kafka rules judge for one group: the figures the collector's analysis already
 * computed for the snapshot, so evaluation adds no second pass over the window.
 */
export interface KafkaGroupAlertFacts {
  groupId: string;
  topics: string[];
  /** Lag per partition, so the SLO can be judged with the owning team's lag threshold. */
  partitions: Array<{ topic: string; partition: number; lag: number | null }>;
  totalLag: number;
  /** Total lag at the previous snapshot; null when this is the group's first. */
  previousTotalLag: number | null;
  fairnessGini: number | null;
  rebalanceScore: number | null;
  stuckCount: number;
  burrowStatus: BurrowGroupStatus;
  /** Partitions in STOP, STALL or REWIND. */
  burrowProblemCount: number;
  dataLossCount: number;
  lagSecondsMax: number | null;
  /** A rebalance happened between the previous snapshot and this one. */
  rebalanced: boolean;
}

export interface KafkaFactsInput {
  groupLag: GroupLag;
  summary: ConsumerHealthSummary;
  burrow: GroupStatusEvaluation;
  lagSecondsMax: number | null;
  previousTotalLag: number | null;
  rebalanced: boolean;
}

const problemStatuses = new Set(['STOP', 'STALL', 'REWIND']);

export function kafkaGroupAlertFacts(input: KafkaFactsInput): KafkaGroupAlertFacts {
  const { groupLag, summary, burrow } = input;
  return {
    groupId: groupLag.group_id,
    topics: groupLag.topics,
    partitions: groupLag.partitions.map(({ topic, partition, lag }) => ({ topic, partition, lag })),
    totalLag: groupLag.lag.total_lag,
    previousTotalLag: input.previousTotalLag,
    fairnessGini: summary.fairness_gini,
    rebalanceScore: summary.rebalance_score,
    stuckCount: summary.stuck_count,
    burrowStatus: burrow.status,
    burrowProblemCount: burrow.partitions.filter((partition) => problemStatuses.has(partition.status)).length,
    dataLossCount: groupLag.data_loss_count,
    lagSecondsMax: input.lagSecondsMax,
    rebalanced: input.rebalanced,
  };
}
