import { describe, expect, it } from 'vitest';
import { groupLagsByGroupId, type GroupLag } from '@/lib/analysis';
import { groupWindowPoint } from '@/lib/history/group-window';
import type { ConsumerAnalysisSettings } from './analysis-settings';
import { analyzeGroup } from './analyze-group';
import { groupDetailView } from './group-detail-view';
import { groupHealthView } from './group-health-view';
import { groupListView } from './group-list-view';
import { groupFixture, memberFixture, observationFixture, topicFixture } from './test-fixtures';
import { topicConsumersView } from './topic-consumers-view';
import { topicDetailView } from './topic-detail-view';
import { topicShares } from './topic-share';
import { loadConfig } from '@/lib/config';
import { listGovernanceAlerts } from './list-alerts';

const settings: ConsumerAnalysisSettings = {
  health: { sloThresholdP95Lag: { byTopic: { orders: 100 }, defaultLag: 1000 }, sloComplianceMin: 0.95, rebalanceScoreMin: 70, fairnessGiniMax: 0.3 },
  stuckWindowMs: 300_000,
  burrowWindowSize: 10,
  minimumEvidenceMs: 60_000,
  lookbackMs: 600_000,
};

// orders: 4 partitions, log 20..1000 on each. `a b/c.ü` (classic, 2 members with 3 and 1 partitions) commits
// 900, 990, 5 (below log start 20: data loss) and never commits partition 3. `audit` (no members) commits all at 1000.
const observation = observationFixture(Date.UTC(2026, 0, 1), [topicFixture('orders', [1000, 1000, 1000, 1000], 20), topicFixture('idle', [0])], [
  groupFixture({
    groupId: 'a b/c.ü',
    members: [memberFixture('m1', [['orders', 0], ['orders', 1], ['orders', 2]]), memberFixture('m2', [['orders', 3]])],
    committedOffsets: [
      { topic: 'orders', partition: 0, committedOffset: 900 },
      { topic: 'orders', partition: 1, committedOffset: 990 },
      { topic: 'orders', partition: 2, committedOffset: 5 },
    ],
  }),
  groupFixture({ groupId: 'audit', state: 'Empty', committedOffsets: [0, 1, 2, 3].map((partition) => ({ topic: 'orders', partition, committedOffset: 1000 })) }),
]);
observation.errors.push({ scope: 'group:audit', message: 'OffsetFetch: Kafka answered COORDINATOR_LOAD_IN_PROGRESS' });
const lags = groupLagsByGroupId(observation);
const globalThresholds = { ...loadConfig({}).thresholds, sloTopicThresholds: { orders: 100 }, sloThresholdP95Lag: 1000, sloComplianceMin: 0.95, fairnessGiniMax: 0.3 };
const unowned = () => ({ teamNames: [], thresholds: globalThresholds });
const [oddGroup, auditGroup] = observation.groups as [typeof observation.groups[0], typeof observation.groups[0]];

function analyzed(groupId: string) {
  const group = groupId === oddGroup.groupId ? oddGroup : auditGroup;
  const groupLag = lags.get(groupId) as GroupLag;
  const points = [groupWindowPoint(groupLag, null, observation.observedAtMs)];
  return { group, groupLag, points, analysis: analyzeGroup({ group, groupLag, points, settings, nowMs: observation.observedAtMs }) };
}

describe('consumer views', () => {
  it('lists every group with flat lag statistics', () => {
    const list = groupListView(observation, unowned);
    expect(list).toMatchObject({ cluster_id: 'local', observed_at: '2026-01-01T00:00:00.000Z', group_count: 2 });
    // Known lags 100, 10, 995: p50 = 100, p95 = 995, total 1105. SLO (orders: 100): only 10 is under -> 1/3.
    // Partition counts 3 and 1: Gini 0.25, under 0.3.
    expect(list.groups[0]).toEqual({
      group_id: 'a b/c.ü', type: 'classic', state: 'Stable', partition_assignor: 'range', member_count: 2, topics: ['orders'],
      lag_p50: 100, lag_p95: 995, lag_max: 995, total_lag: 1105, partition_count: 3, never_committed_count: 1, data_loss_count: 1,
      slo_compliance: 1 / 3, slo_met: false, fairness_gini: 0.25, fairness_ok: true, teams: [],
    });
    // No members: fairness unknown, which is not a fairness problem; every lag 0 meets the SLO.
    expect(list.groups[1]).toMatchObject({ group_id: 'audit', slo_compliance: 1, slo_met: true, fairness_gini: null, fairness_ok: true });
    expect(list.errors).toEqual([{ scope: 'group:audit', message: 'OffsetFetch: Kafka answered COORDINATOR_LOAD_IN_PROGRESS' }]);
  });

  it('judges SLO and fairness of a group with its owning teams\' thresholds', () => {
    const strictTeam = (groupId: string) => groupId === 'audit'
      ? unowned()
      : { teamNames: ['payments'], thresholds: { ...globalThresholds, sloTopicThresholds: {}, sloThresholdP95Lag: 2000, sloComplianceMin: 0.9, fairnessGiniMax: 0.2 } };
    const [odd] = groupListView(observation, strictTeam).groups;
    // Threshold 2000 for every topic: all three known lags are under it.
    expect(odd).toMatchObject({ teams: ['payments'], slo_compliance: 1, slo_met: true, fairness_gini: 0.25, fairness_ok: false });
  });

  it('raises the cluster-wide alerts from the list: lost records, SLO and fairness, per group thresholds', () => {
    const list = groupListView(observation, unowned);
    const strictFairness = { sloComplianceMin: 0.95, rebalanceScoreMin: 70, fairnessGiniMax: 0.2 };
    const alerts = listGovernanceAlerts(list.groups, lags, (groupId) => (groupId === 'audit' ? { ...strictFairness, sloComplianceMin: 1 } : strictFairness));
    expect(alerts.map((alert) => [alert.group_id, alert.type, alert.severity])).toEqual([
      ['a b/c.ü', 'data_loss', 'critical'],
      ['a b/c.ü', 'slo_violation', 'critical'],
      ['a b/c.ü', 'unfair_distribution', 'warning'],
    ]);
    expect(alerts[0]?.message).toContain('orders-2');
    // With the global Gini maximum 0.3, 0.25 is fair.
    expect(listGovernanceAlerts(list.groups, lags, () => ({ ...strictFairness, fairnessGiniMax: 0.3 })).map((alert) => alert.type)).not.toContain('unfair_distribution');
  });

  it('details members, assignments and each partition with owner and flags', () => {
    const detail = groupDetailView(observation, oddGroup, lags.get(oddGroup.groupId) as GroupLag);
    expect(detail.members[0]).toEqual({
      member_id: 'm1', client_id: 'client-m1', host: '/10.0.0.1', member_epoch: null,
      assigned_partitions: [{ topic: 'orders', partition: 0 }, { topic: 'orders', partition: 1 }, { topic: 'orders', partition: 2 }],
      target_assignment: null, partition_count: 3,
    });
    expect(detail.partitions[2]).toEqual({
      topic: 'orders', partition: 2, committed_offset: 5, log_start_offset: 20, log_end_offset: 1000, lag: 995,
      owner: { member_id: 'm1', client_id: 'client-m1', host: '/10.0.0.1' },
      flags: ['data_loss'], data_loss: { committed_offset: 5, log_start_offset: 20, lost_messages: 15 },
    });
    expect(detail.partitions[3]).toMatchObject({ committed_offset: null, lag: null, flags: ['never_committed'], owner: { member_id: 'm2' } });
    expect(detail.errors).toEqual([]);
  });

  it('gives the health summary with the per-topic SLO threshold, Burrow detail and thresholds', () => {
    const { groupLag, points, analysis } = analyzed(oddGroup.groupId);
    const health = groupHealthView({ observation, groupLag, analysis, points, settings });
    // orders threshold 100: lags 100 (not under), 10 (under), 995 (not under) -> 1/3.
    expect(health.slo_compliance).toBeCloseTo(1 / 3, 10);
    // Partition counts 3 and 1: Gini = (|3-1| * 2) / (2 * 2^2 * 2) = 0.25.
    expect(health.fairness_gini).toBe(0.25);
    expect(health).toMatchObject({ group_id: 'a b/c.ü', state: 'Stable', rebalance_score: null, stuck_count: 0, status: 'OK', health: 'critical' });
    expect(health.recommendation).toContain('deleted by retention');
    expect(health.lag_metrics).toEqual({ lag_p50: 100, lag_p95: 995, lag_max: 995, total_lag: 1105, partition_count: 3 });
    expect(health.burrow.partitions).toHaveLength(3);
    expect(health.window).toEqual({ point_count: 1, oldest_at: '2026-01-01T00:00:00.000Z', newest_at: '2026-01-01T00:00:00.000Z' });
    expect(health.thresholds).toEqual({
      slo_threshold_lag: 1000, slo_topic_thresholds: { orders: 100 }, slo_compliance_min: 0.95, rebalance_score_min: 70, fairness_gini_max: 0.3,
      stuck_detection_window_seconds: 300,
    });
  });

  it('lists the consumers of a topic with their lag on it', () => {
    const topic = observation.topics[0] as typeof observation.topics[0];
    const view = topicConsumersView(observation, topic, topicShares(observation, lags, 'orders'));
    expect(view).toMatchObject({ topic: 'orders', partition_count: 4, consumer_count: 2 });
    expect(view.consumers.map((consumer) => [consumer.group_id, consumer.consumed_partitions, consumer.topic_lag.total_lag])).toEqual([
      ['a b/c.ü', 4, 1105],
      ['audit', 4, 0],
    ]);
    expect(topicShares(observation, lags, 'idle')).toEqual([]);
  });

  it('builds the topic detail: info, coverage, health list, alerts and insight', () => {
    const topic = observation.topics[0] as typeof observation.topics[0];
    const shares = topicShares(observation, lags, 'orders');
    const detail = topicDetailView(observation, topic, shares.map((share) => ({ share, analysis: analyzed(share.group.groupId).analysis })), settings);
    expect(detail.topic).toMatchObject({ name: 'orders', partition_count: 4, replication_factor: 1, retention_ms: 604_800_000, retention_bytes: -1, cleanup_policy: 'delete' });
    expect(detail.topic.partitions[0]).toEqual({ partition: 0, leader_id: 1, replica_ids: [1], isr_ids: [1], log_start_offset: 20, log_end_offset: 1000 });
    expect(detail.coverage).toEqual({ consumed_partitions: 4, total_partitions: 4, ratio: 1 });
    expect(detail.consumer_health.map((entry) => [entry.group_id, entry.health, entry.type, entry.member_count])).toEqual([
      ['a b/c.ü', 'critical', 'classic', 2],
      ['audit', 'healthy', 'classic', 0],
    ]);
    expect(detail.governance_alerts.map((alert) => [alert.type, alert.severity, alert.group_id])).toEqual([
      ['data_loss', 'critical', 'a b/c.ü'],
      ['slo_violation', 'critical', 'a b/c.ü'],
    ]);
    expect(detail.insight_summary).toMatchObject({ group_count: 2, critical_groups: 1, healthy_groups: 1, total_lag: 1105, overall_status: 'critical' });
  });
});
