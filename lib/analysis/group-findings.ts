import type { PartitionStatusEvaluation } from './burrow-status';
import type { DataLoss } from './partition-lag';
import type { StuckPartition } from './stuck';
import { formatTopicPartition, type TopicPartition } from './topic-partition';

/** Everything the recommendation rules look at, already computed by group-health.ts. */
export interface GroupFacts {
  groupId: string;
  memberCount: number;
  assignedMemberCount: number;
  partitionCount: number;
  totalLag: number;
  sloCompliance: number;
  sloComplianceMin: number;
  fairnessGini: number | null;
  fairnessGiniMax: number;
  rebalanceScore: number | null;
  rebalanceScoreMin: number;
  stuckPartitions: readonly StuckPartition[];
  dataLossPartitions: readonly (TopicPartition & { dataLoss: DataLoss })[];
  burrowPartitions: readonly PartitionStatusEvaluation[];
}

export interface HealthFinding {
  severity: 'warning' | 'critical';
  text: string;
}

const listedPartitionLimit = 5;

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "orders-0, orders-3 and 2 more": long lists would bury the advice. */
function listPartitions(partitions: readonly TopicPartition[]): string {
  const named = partitions.slice(0, listedPartitionLimit).map(formatTopicPartition).join(', ');
  const rest = partitions.length - listedPartitionLimit;
  return rest > 0 ? `${named} and ${rest} more` : named;
}

function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))}%`;
}

function membershipFindings(facts: GroupFacts): HealthFinding[] {
  if (facts.totalLag <= 0) {
    return [];
  }
  if (facts.memberCount === 0) {
    return [{ severity: 'critical', text: `No active members while ${plural(facts.totalLag, 'message')} wait: restart the stopped consumers of group ${facts.groupId}.` }];
  }
  if (facts.assignedMemberCount === 0) {
    return [{ severity: 'critical', text: `${plural(facts.memberCount, 'member')} but none is assigned a partition: check the subscriptions of group ${facts.groupId}.` }];
  }
  return [];
}

function dataLossFinding({ dataLossPartitions }: GroupFacts): HealthFinding[] {
  if (dataLossPartitions.length === 0) {
    return [];
  }
  const lostMessages = dataLossPartitions.reduce((sum, { dataLoss }) => sum + dataLoss.lostMessages, 0);
  const examples = dataLossPartitions
    .slice(0, listedPartitionLimit)
    .map((entry) => `${formatTopicPartition(entry)}: committed ${entry.dataLoss.committedOffset}, log start ${entry.dataLoss.logStartOffset}`)
    .join('; ');
  return [{
    severity: 'critical',
    text: `${plural(lostMessages, 'message')} deleted by retention before being consumed on ${plural(dataLossPartitions.length, 'partition')} (${examples}): raise retention or consumer throughput.`,
  }];
}

function stuckFinding({ stuckPartitions }: GroupFacts): HealthFinding[] {
  if (stuckPartitions.length === 0) {
    return [];
  }
  return [{
    severity: 'critical',
    text: `${plural(stuckPartitions.length, 'partition')} stuck (lag rising, offsets not moving): check the consumers owning ${listPartitions(stuckPartitions)}.`,
  }];
}

/** Burrow's STOP/STALL/REWIND; partitions already reported as stuck are not repeated. */
function burrowFindings({ burrowPartitions, stuckPartitions }: GroupFacts): HealthFinding[] {
  const stuckNames = new Set(stuckPartitions.map(formatTopicPartition));
  const withStatus = (status: PartitionStatusEvaluation['status']) =>
    burrowPartitions.filter((entry) => entry.status === status && !stuckNames.has(formatTopicPartition(entry)));
  const advice: [PartitionStatusEvaluation['status'], HealthFinding['severity'], string][] = [
    ['STOP', 'critical', 'consumers stopped committing (STOP): check that they are running'],
    ['STALL', 'critical', 'consumers commit the same offset while lag grows (STALL): check for a message they cannot process'],
    ['REWIND', 'critical', 'committed offsets moved backwards (REWIND): check for an offset reset or a replay'],
    ['WARN', 'warning', 'lag has not decreased over the window (WARN): consumers are slower than producers'],
  ];
  return advice.flatMap(([status, severity, text]) => {
    const partitions = withStatus(status);
    return partitions.length === 0 ? [] : [{ severity, text: `On ${listPartitions(partitions)} ${text}.` }];
  });
}

/**
 * Adding consumers only helps while some member owns more than one partition; beyond one member
 * per partition the extra members sit idle, so the advice changes to processing speed or more
 * partitions. Skipped when there are no members: the membership finding already says why.
 */
function sloFinding(facts: GroupFacts): HealthFinding[] {
  if (facts.sloCompliance >= facts.sloComplianceMin || facts.memberCount === 0) {
    return [];
  }
  const shortfall = `SLO compliance ${percent(facts.sloCompliance)} is below ${percent(facts.sloComplianceMin)}`;
  const text =
    facts.memberCount < facts.partitionCount
      ? `${shortfall}: add consumers (up to the ${plural(facts.partitionCount, 'partition')}; ${plural(facts.memberCount, 'member')} now).`
      : `${shortfall} with one consumer per partition already: speed up processing or add partitions.`;
  return [{ severity: 'critical', text }];
}

function fairnessFinding({ fairnessGini, fairnessGiniMax }: GroupFacts): HealthFinding[] {
  if (fairnessGini === null || fairnessGini <= fairnessGiniMax) {
    return [];
  }
  return [{ severity: 'warning', text: `Assignment is skewed (Gini ${fairnessGini.toFixed(2)} > ${fairnessGiniMax.toFixed(2)}): check the assignor / subscriptions.` }];
}

function rebalanceFinding({ rebalanceScore, rebalanceScoreMin }: GroupFacts): HealthFinding[] {
  if (rebalanceScore === null || rebalanceScore >= rebalanceScoreMin) {
    return [];
  }
  return [{ severity: 'warning', text: `Frequent rebalances (score ${Math.round(rebalanceScore)} < ${rebalanceScoreMin}): check session timeouts / crashing members.` }];
}

/** Every problem found, most urgent kind first; an empty list means healthy. */
export function findGroupProblems(facts: GroupFacts): HealthFinding[] {
  return [
    ...membershipFindings(facts),
    ...dataLossFinding(facts),
    ...stuckFinding(facts),
    ...burrowFindings(facts),
    ...sloFinding(facts),
    ...fairnessFinding(facts),
    ...rebalanceFinding(facts),
  ];
}
