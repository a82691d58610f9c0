import { describe, expect, it } from 'vitest';
import { diffTeam } from './diff-team';
import type { TeamRecord } from './team-record';
import { noThresholdOverrides } from './team-thresholds';

const existing: TeamRecord = {
  id: 'team-1',
  name: 'payments',
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...noThresholdOverrides,
  sloThresholdP95Lag: 500,
  fairnessGiniMax: 0.2,
  patterns: [
    { id: 'p1', kind: 'kafka_group', pattern: 'payments-*', clusterId: null },
    { id: 'p2', kind: 'kafka_topic', pattern: 'payments.*', clusterId: 'prod' },
  ],
  memberships: [{ user: { id: 'u1', username: 'alice' } }, { user: { id: 'u2', username: 'bob' } }],
};

describe('diffTeam', () => {
  it('reports a new team as created with everything added', () => {
    const diff = diffTeam(null, {
      name: 'shipping',
      members: ['carol', 'carol'],
      patterns: [
        { kind: 'kafka_group', pattern: 'shipping-*', cluster_id: null },
        { kind: 'kafka_group', pattern: 'shipping-*', cluster_id: null },
      ],
      thresholds: { slo_threshold_p95_lag: 100 },
    });
    expect(diff).toMatchObject({
      action: 'created',
      membersAdded: ['carol'],
      membersRemoved: [],
      patternsAdded: [{ kind: 'kafka_group', pattern: 'shipping-*', clusterId: null }],
      thresholdsChanged: ['slo_threshold_p95_lag'],
    });
    expect(diff.thresholds.sloThresholdP95Lag).toBe(100);
  });

  it('makes an existing team match the file exactly, clearing thresholds the file leaves out', () => {
    const diff = diffTeam(existing, {
      name: 'payments',
      members: ['bob', 'dave'],
      patterns: [
        { kind: 'kafka_group', pattern: 'payments-*', cluster_id: null },
        { kind: 'kafka_topic', pattern: 'payments.*', cluster_id: null },
      ],
      thresholds: { slo_threshold_p95_lag: 500, stream_lag_degraded: 10 },
    });
    expect(diff).toMatchObject({
      action: 'updated',
      membersAdded: ['dave'],
      membersRemoved: ['alice'],
      patternsAdded: [{ kind: 'kafka_topic', pattern: 'payments.*', clusterId: null }],
      patternsRemoved: [{ id: 'p2', kind: 'kafka_topic', pattern: 'payments.*', clusterId: 'prod' }],
      thresholdsChanged: ['fairness_gini_max', 'stream_lag_degraded'],
    });
  });

  it('says unchanged when the file repeats what is stored', () => {
    const diff = diffTeam(existing, {
      name: 'payments',
      members: ['bob', 'alice'],
      patterns: [
        { kind: 'kafka_topic', pattern: 'payments.*', cluster_id: 'prod' },
        { kind: 'kafka_group', pattern: 'payments-*', cluster_id: null },
      ],
      thresholds: { slo_threshold_p95_lag: 500, fairness_gini_max: 0.2 },
    });
    expect(diff.action).toBe('unchanged');
  });
});
