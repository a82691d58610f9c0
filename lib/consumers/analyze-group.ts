import {
  countRebalances,
  evaluateGroupStatus,
  findStuckPartitions,
  summarizeGroupHealth,
  type ConsumerHealthSummary,
  type GroupLag,
  type GroupStatusEvaluation,
  type PartitionStatusEvaluation,
  type StuckPartition,
} from '@/lib/analysis';
import type { GroupWindowPoint } from '@/lib/history/group-window';
import type { KafkaGroupObservation } from '@/lib/observations/kafka';
import type { ConsumerAnalysisSettings } from './analysis-settings';
import { burrowInputs, rebalanceObservations, stuckHistories } from './window-inputs';

export interface GroupAnalysisInput {
  group: KafkaGroupObservation;
  groupLag: GroupLag;
  /** The group's window, oldest first, ending with the current observation. */
  points: readonly GroupWindowPoint[];
  settings: ConsumerAnalysisSettings;
  nowMs: number;
}

export interface GroupAnalysis {
  summary: ConsumerHealthSummary;
  burrow: GroupStatusEvaluation;
  stuckPartitions: StuckPartition[];
  rebalanceCount: number;
}

const partitionKey = ({ topic, partition }: { topic: string; partition: number }) => `${topic}\u0000${partition}`;

/**
 * Burrow tells STOP (no more commits) from STALL (commits of the same offset) by commit times,
 * which Kafka does not keep. A partition owned by a live member whose offset does not move is a
 * consumer that runs but does not advance, which is what STALL means; without an owner it is STOP.
 */
function distinguishStall(evaluation: GroupStatusEvaluation, ownedKeys: Set<string>): GroupStatusEvaluation {
  const relabel = (partition: PartitionStatusEvaluation): PartitionStatusEvaluation =>
    partition.status === 'STOP' && ownedKeys.has(partitionKey(partition)) ? { ...partition, status: 'STALL' } : partition;
  return { ...evaluation, partitions: evaluation.partitions.map(relabel), maxlag: evaluation.maxlag && relabel(evaluation.maxlag) };
}

/** Health, Burrow status, stuck partitions and rebalances of one group over its window. */
export function analyzeGroup({ group, groupLag, points, settings, nowMs }: GroupAnalysisInput): GroupAnalysis {
  const ownedKeys = new Set(groupLag.partitions.filter((partition) => partition.owner !== null).map(partitionKey));
  const burrow = distinguishStall(evaluateGroupStatus(
    burrowInputs(points, groupLag, { nowMs, windowSize: settings.burrowWindowSize, minimumEvidenceMs: settings.minimumEvidenceMs }),
    { nowMs, windowSize: settings.burrowWindowSize },
  ), ownedKeys);
  const stuckPartitions = findStuckPartitions(stuckHistories(points, groupLag.partitions), { nowMs, windowMs: settings.stuckWindowMs });
  const rebalances = rebalanceObservations(points);
  const summary = summarizeGroupHealth({
    groupId: group.groupId,
    state: group.state,
    members: group.members.map((member) => ({ memberId: member.memberId, assignedPartitionCount: member.assignedPartitions.length })),
    partitions: groupLag.partitions.map((partition) => ({
      topic: partition.topic,
      partition: partition.partition,
      lag: partition.lag,
      neverCommitted: partition.never_committed,
      dataLoss: partition.data_loss,
    })),
    rebalanceObservations: rebalances,
    stuckPartitions,
    groupStatus: burrow,
    thresholds: settings.health,
  });
  return { summary, burrow, stuckPartitions, rebalanceCount: countRebalances(rebalances) };
}
