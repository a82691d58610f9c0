import { describe, expect, it } from 'vitest';
import type { GroupStatusEvaluation, PartitionStatusEvaluation } from './burrow-status';
import type { MemberAssignment } from './fairness';
import { summarizeGroupHealth, type GroupHealthInput } from './group-health';
import type { RebalanceObservation } from './rebalance';
import type { StuckPartition } from './stuck';

const thresholds = { sloThresholdP95Lag: 1000, sloComplianceMin: 0.95, rebalanceScoreMin: 70, fairnessGiniMax: 0.3 };

function members(...counts: number[]): MemberAssignment[] {
  return counts.map((assignedPartitionCount, index) => ({ memberId: `member-${index}`, assignedPartitionCount }));
}

/** orders-0..n-1 with the given lags. */
function partitions(...lags: number[]): GroupHealthInput['partitions'] {
  return lags.map((lag, partition) => ({ topic: 'orders', partition, lag, neverCommitted: false, dataLoss: null }));
}

function stableObservations(...generations: number[]): RebalanceObservation[] {
  return generations.map((generationOrEpoch, index) => ({ timestampMs: index * 60_000, generationOrEpoch, state: 'Stable' }));
}

function burrow(statuses: PartitionStatusEvaluation['status'][] = []): GroupStatusEvaluation {
  const evaluations = statuses.map((status, partition) => ({ topic: 'orders', partition, status, complete: 1, currentLag: 10, start: null, end: null }));
  const group = statuses.some((status) => status !== 'OK' && status !== 'WARN') ? 'ERR' : statuses.includes('WARN') ? 'WARN' : 'OK';
  return { status: group, complete: 1, partitions: evaluations, maxlag: evaluations[0] ?? null, total_lag: 10 * statuses.length, partition_count: statuses.length };
}

function stuck(...partitionNumbers: number[]): StuckPartition[] {
  return partitionNumbers.map((partition) => ({ topic: 'orders', partition, committedOffset: 5, lagAtStart: 10, lagAtEnd: 90, startTimestampMs: 0, endTimestampMs: 300_000 }));
}

/** Three members with two partitions each, all lags 10, stable generation 1. */
function healthyGroup(overrides: Partial<GroupHealthInput> = {}): GroupHealthInput {
  return {
    groupId: 'billing',
    state: 'Stable',
    members: members(2, 2, 2),
    partitions: partitions(10, 10, 10, 10, 10, 10),
    rebalanceObservations: stableObservations(1, 1, 1),
    stuckPartitions: [],
    groupStatus: burrow(['OK', 'OK', 'OK', 'OK', 'OK', 'OK']),
    thresholds,
    ...overrides,
  };
}

describe('summarizeGroupHealth', () => {
  it('is healthy with no recommendation when every figure is within its threshold', () => {
    expect(summarizeGroupHealth(healthyGroup())).toEqual({
      group_id: 'billing',
      state: 'Stable',
      slo_compliance: 1,
      rebalance_score: 100,
      fairness_gini: 0,
      stuck_count: 0,
      recommendation: null,
      status: 'OK',
      health: 'healthy',
    });
  });

  it('asks to restart consumers when no member is left and messages wait', () => {
    // 6 partitions * lag 10 = 60 waiting; SLO advice is suppressed (no members to add to)
    const summary = summarizeGroupHealth(healthyGroup({ state: 'Empty', members: [], partitions: partitions(10, 10, 10, 10, 10, 5000) }));
    expect(summary.health).toBe('critical');
    expect(summary.fairness_gini).toBeNull();
    expect(summary.recommendation).toBe('No active members while 5050 messages wait: restart the stopped consumers of group billing.');
  });

  it('stays healthy for an empty group with nothing to read', () => {
    const summary = summarizeGroupHealth(healthyGroup({ state: 'Empty', members: [], partitions: partitions(0, 0) }));
    expect(summary.health).toBe('healthy');
    expect(summary.recommendation).toBeNull();
  });

  it('points at subscriptions when members exist but none owns a partition', () => {
    const summary = summarizeGroupHealth(healthyGroup({ members: members(0, 0) }));
    expect(summary.recommendation).toBe('2 members but none is assigned a partition: check the subscriptions of group billing.');
  });

  it('names the stuck partitions', () => {
    const summary = summarizeGroupHealth(healthyGroup({ stuckPartitions: stuck(1, 4) }));
    expect(summary.stuck_count).toBe(2);
    expect(summary.health).toBe('critical');
    expect(summary.recommendation).toBe('2 partitions stuck (lag rising, offsets not moving): check the consumers owning orders-1, orders-4.');
  });

  it('shortens long partition lists', () => {
    const summary = summarizeGroupHealth(healthyGroup({ stuckPartitions: stuck(0, 1, 2, 3, 4, 5) }));
    expect(summary.recommendation).toContain('orders-0, orders-1, orders-2, orders-3, orders-4 and 1 more.');
  });

  it('advises adding consumers up to the partition count when the SLO is missed', () => {
    // 2 members for 6 partitions; lags under 1000 on 2 of 6: 2 / 6 = 33.3% < 95%
    const summary = summarizeGroupHealth(healthyGroup({ members: members(3, 3), partitions: partitions(10, 10, 5000, 5000, 5000, 5000) }));
    expect(summary.slo_compliance).toBeCloseTo(1 / 3, 12);
    expect(summary.health).toBe('critical');
    expect(summary.recommendation).toBe('SLO compliance 33.3% is below 95%: add consumers (up to the 6 partitions; 2 members now).');
  });

  it('advises faster processing or more partitions when every partition has its own consumer', () => {
    // 6 members, 6 partitions; 5 of 6 under the threshold: 83.3%
    const summary = summarizeGroupHealth(healthyGroup({ members: members(1, 1, 1, 1, 1, 1), partitions: partitions(10, 10, 10, 10, 10, 5000) }));
    expect(summary.recommendation).toBe('SLO compliance 83.3% is below 95% with one consumer per partition already: speed up processing or add partitions.');
  });

  it('flags a skewed assignment', () => {
    // counts 4, 1, 1: sorted 1, 1, 4 -> (2-4)*1 + (4-4)*1 + (6-4)*4 = 6; n * total = 3 * 6 = 18 -> G = 1/3
    const summary = summarizeGroupHealth(healthyGroup({ members: members(4, 1, 1) }));
    expect(summary.fairness_gini).toBeCloseTo(1 / 3, 12);
    expect(summary.health).toBe('warning');
    expect(summary.recommendation).toBe('Assignment is skewed (Gini 0.33 > 0.30): check the assignor / subscriptions.');
  });

  it('flags frequent rebalances', () => {
    // generations 1..5: 4 rebalances -> 100 - 4 / 10 * 100 = 60 < 70
    const summary = summarizeGroupHealth(healthyGroup({ rebalanceObservations: stableObservations(1, 2, 3, 4, 5) }));
    expect(summary.rebalance_score).toBe(60);
    expect(summary.health).toBe('warning');
    expect(summary.recommendation).toBe('Frequent rebalances (score 60 < 70): check session timeouts / crashing members.');
  });

  it('honours a custom maxRebalances', () => {
    // 1 rebalance, max 2: 100 - 50 = 50 < 70
    const summary = summarizeGroupHealth(healthyGroup({ rebalanceObservations: stableObservations(1, 2), thresholds: { ...thresholds, maxRebalances: 2 } }));
    expect(summary.rebalance_score).toBe(50);
  });

  it('reports data loss with both offsets', () => {
    const lossy = partitions(10, 10, 10, 10, 10, 10).map((entry) =>
      entry.partition === 2 ? { ...entry, dataLoss: { committedOffset: 100, logStartOffset: 400, lostMessages: 300 } } : entry,
    );
    const summary = summarizeGroupHealth(healthyGroup({ partitions: lossy }));
    expect(summary.health).toBe('critical');
    expect(summary.recommendation).toBe(
      '300 messages deleted by retention before being consumed on 1 partition (orders-2: committed 100, log start 400): raise retention or consumer throughput.',
    );
  });

  it("turns Burrow's STOP/STALL/REWIND into ERR advice, without repeating stuck partitions", () => {
    const summary = summarizeGroupHealth(healthyGroup({ groupStatus: burrow(['OK', 'STOP', 'STALL', 'REWIND', 'OK', 'OK']), stuckPartitions: stuck(2) }));
    expect(summary.status).toBe('ERR');
    expect(summary.health).toBe('critical');
    expect(summary.recommendation).toBe(
      '1 partition stuck (lag rising, offsets not moving): check the consumers owning orders-2. ' +
        'On orders-1 consumers stopped committing (STOP): check that they are running. ' +
        'On orders-3 committed offsets moved backwards (REWIND): check for an offset reset or a replay.',
    );
  });

  it("turns Burrow's WARN into a warning", () => {
    const summary = summarizeGroupHealth(healthyGroup({ groupStatus: burrow(['OK', 'WARN', 'OK', 'OK', 'OK', 'OK']) }));
    expect(summary.status).toBe('WARN');
    expect(summary.health).toBe('warning');
    expect(summary.recommendation).toBe('On orders-1 lag has not decreased over the window (WARN): consumers are slower than producers.');
  });

  it('joins several findings, most urgent first, and takes the worst class', () => {
    const summary = summarizeGroupHealth(healthyGroup({ members: members(4, 1, 1), stuckPartitions: stuck(0) }));
    expect(summary.health).toBe('critical');
    expect(summary.recommendation).toBe(
      '1 partition stuck (lag rising, offsets not moving): check the consumers owning orders-0. ' +
        'Assignment is skewed (Gini 0.33 > 0.30): check the assignor / subscriptions.',
    );
  });
});
