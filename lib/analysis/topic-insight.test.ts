import { describe, expect, it } from 'vitest';
import type { ConsumerHealthSummary } from './group-health';
import { summarizeTopicInsight, topicCoverage } from './topic-insight';

function summary(groupId: string, health: ConsumerHealthSummary['health'], sloCompliance: number, stuckCount = 0): ConsumerHealthSummary {
  return {
    group_id: groupId,
    state: 'Stable',
    slo_compliance: sloCompliance,
    rebalance_score: null,
    fairness_gini: 0,
    stuck_count: stuckCount,
    recommendation: null,
    status: 'OK',
    health,
  };
}

describe('topicCoverage', () => {
  it('counts each consumed partition once and ignores partitions the topic does not have', () => {
    // Partitions 0, 2 consumed (2 twice), 7 is stale: 2 of 4.
    expect(topicCoverage(4, [0, 2, 2, 7])).toEqual({ consumed_partitions: 2, total_partitions: 4, ratio: 0.5 });
  });

  it('gives a null ratio for a topic without partitions', () => {
    expect(topicCoverage(0, [])).toEqual({ consumed_partitions: 0, total_partitions: 0, ratio: null });
  });
});

describe('summarizeTopicInsight', () => {
  it('aggregates the groups: counts per class, mean compliance, stuck total, worst class', () => {
    // Mean compliance (1 + 0.5 + 0.9) / 3 = 0.8; stuck 0 + 2 + 0 = 2; worst class critical.
    const insight = summarizeTopicInsight({
      topicName: 'orders',
      healthSummaries: [summary('a', 'healthy', 1), summary('b', 'critical', 0.5, 2), summary('c', 'warning', 0.9)],
      topicLagTotal: 1234,
      coverage: { consumed_partitions: 3, total_partitions: 4, ratio: 0.75 },
      alerts: [],
    });
    expect(insight).toMatchObject({
      group_count: 3,
      healthy_groups: 1,
      warning_groups: 1,
      critical_groups: 1,
      total_stuck_partitions: 2,
      total_lag: 1234,
      overall_status: 'critical',
    });
    expect(insight.average_slo_compliance).toBeCloseTo(0.8, 10);
    expect(insight.summary).toBe('Topic orders: 3 consumer groups, 1 critical, 1 warning; 3/4 partitions consumed; total lag 1234; 0 governance alerts.');
  });

  it('calls a topic without groups unconsumed', () => {
    const insight = summarizeTopicInsight({
      topicName: 'idle',
      healthSummaries: [],
      topicLagTotal: 0,
      coverage: { consumed_partitions: 0, total_partitions: 2, ratio: 0 },
      alerts: [],
    });
    expect(insight.overall_status).toBe('unconsumed');
    expect(insight.average_slo_compliance).toBeNull();
    expect(insight.summary).toBe('Topic idle has no consumer groups (0/2 partitions consumed).');
  });
});
