import { describe, expect, it } from 'vitest';
import { computeGroupLag } from '@/lib/analysis';
import { groupWindowPoint, type GroupWindowPoint } from '@/lib/history/group-window';
import type { KafkaGroupObservation } from '@/lib/observations/kafka';
import type { ConsumerAnalysisSettings } from './analysis-settings';
import { analyzeGroup } from './analyze-group';
import { groupFixture, memberFixture, topicFixture } from './test-fixtures';

const settings: ConsumerAnalysisSettings = {
  health: { sloThresholdP95Lag: { byTopic: {}, defaultLag: 1000 }, sloComplianceMin: 0.95, rebalanceScoreMin: 70, fairnessGiniMax: 0.3 },
  stuckWindowMs: 60_000,
  burrowWindowSize: 10,
  minimumEvidenceMs: 60_000,
  lookbackMs: 120_000,
};

interface Step {
  atMs: number;
  committedOffset: number;
  logEndOffset: number;
  members?: number;
}

/** One partition `orders-0`; each step is one observation. Returns the window and the newest group. */
function windowOf(steps: Step[]): { points: GroupWindowPoint[]; group: KafkaGroupObservation; topicLogEnd: number } {
  let group = groupFixture({ groupId: 'billing' });
  const points = steps.map((step) => {
    const members = Array.from({ length: step.members ?? 0 }, (_unused, index) => memberFixture(`m${index}`, index === 0 ? [['orders', 0]] : []));
    group = groupFixture({ groupId: 'billing', state: members.length > 0 ? 'Stable' : 'Empty', members, committedOffsets: [{ topic: 'orders', partition: 0, committedOffset: step.committedOffset }] });
    const groupLag = computeGroupLag(group, new Map([['orders', topicFixture('orders', [step.logEndOffset])]]));
    return groupWindowPoint(groupLag, group.generationOrEpoch, step.atMs);
  });
  return { points, group, topicLogEnd: steps[steps.length - 1]?.logEndOffset ?? 0 };
}

function analyze(steps: Step[], overrides: Partial<ConsumerAnalysisSettings> = {}) {
  const { points, group, topicLogEnd } = windowOf(steps);
  const groupLag = computeGroupLag(group, new Map([['orders', topicFixture('orders', [topicLogEnd])]]));
  return analyzeGroup({ group, groupLag, points, settings: { ...settings, ...overrides }, nowMs: steps[steps.length - 1]?.atMs ?? 0 });
}

describe('analyzeGroup: Burrow status over the window', () => {
  it('reports STOP for a group without members whose offset has not moved, and counts it stuck', () => {
    // Commits reconstructed: one distinct offset (10, first seen at 0 s). Now 70 s: 70 > span 0 -> stopped;
    // log ends 50, 60, 70 are all above 10 -> not caught up recently -> STOP, group ERR.
    const result = analyze([
      { atMs: 0, committedOffset: 10, logEndOffset: 50 },
      { atMs: 30_000, committedOffset: 10, logEndOffset: 60 },
      { atMs: 70_000, committedOffset: 10, logEndOffset: 70 },
    ]);
    expect(result.burrow.partitions.map((partition) => partition.status)).toEqual(['STOP']);
    expect(result.burrow.status).toBe('ERR');
    expect(result.burrow.complete).toBe(0);
    expect(result.burrow.partitions[0]?.complete).toBe(0.1);
    // Lag 40 -> 50 -> 60 with the offset still: stuck over the 60 s window (anchor at 0 s).
    expect(result.stuckPartitions).toMatchObject([{ topic: 'orders', partition: 0, committedOffset: 10, lagAtStart: 40, lagAtEnd: 60 }]);
    expect(result.summary.stuck_count).toBe(1);
    expect(result.summary.health).toBe('critical');
  });

  it('reports STALL instead when a live member owns the partition that does not move', () => {
    const result = analyze([
      { atMs: 0, committedOffset: 10, logEndOffset: 50, members: 1 },
      { atMs: 30_000, committedOffset: 10, logEndOffset: 60, members: 1 },
      { atMs: 70_000, committedOffset: 10, logEndOffset: 70, members: 1 },
    ]);
    expect(result.burrow.partitions[0]?.status).toBe('STALL');
    expect(result.burrow.maxlag?.status).toBe('STALL');
    expect(result.burrow.status).toBe('ERR');
  });

  it('does not judge before the window spans the minimum evidence time', () => {
    const result = analyze([
      { atMs: 0, committedOffset: 10, logEndOffset: 50 },
      { atMs: 30_000, committedOffset: 10, logEndOffset: 60 },
    ]);
    expect(result.burrow.partitions).toMatchObject([{ status: 'OK', complete: 0, currentLag: 50 }]);
    expect(result.burrow.status).toBe('OK');
  });

  it('reads repeated observations of one offset as one commit, so fast polling does not fake a STALL', () => {
    // Offsets 10, 10, 20, 20, 30 seen every 20 s -> commits 10 (0 s), 20 (40 s), 30 (80 s); lags 40, 30, 20 fall -> OK.
    const result = analyze([
      { atMs: 0, committedOffset: 10, logEndOffset: 50, members: 1 },
      { atMs: 20_000, committedOffset: 10, logEndOffset: 50, members: 1 },
      { atMs: 40_000, committedOffset: 20, logEndOffset: 50, members: 1 },
      { atMs: 60_000, committedOffset: 20, logEndOffset: 50, members: 1 },
      { atMs: 80_000, committedOffset: 30, logEndOffset: 50, members: 1 },
    ]);
    expect(result.burrow.partitions[0]).toMatchObject({ status: 'OK', complete: 0.3 });
    expect(result.burrow.partitions[0]?.start?.timestampMs).toBe(0);
    expect(result.burrow.partitions[0]?.end).toEqual({ timestampMs: 80_000, committedOffset: 30, lag: 20 });
  });

  it('reports WARN for a consumer that moves but falls further behind', () => {
    // Commits 10, 20, 30 with lags 40, 60, 80: lag never decreases, never zero, offsets move -> WARN.
    const result = analyze([
      { atMs: 0, committedOffset: 10, logEndOffset: 50, members: 1 },
      { atMs: 30_000, committedOffset: 20, logEndOffset: 80, members: 1 },
      { atMs: 70_000, committedOffset: 30, logEndOffset: 110, members: 1 },
    ]);
    expect(result.burrow.partitions[0]?.status).toBe('WARN');
    expect(result.burrow.status).toBe('WARN');
    expect(result.stuckPartitions).toEqual([]);
  });

  it('reports REWIND when the committed offset goes back', () => {
    const result = analyze([
      { atMs: 0, committedOffset: 30, logEndOffset: 50, members: 1 },
      { atMs: 30_000, committedOffset: 40, logEndOffset: 60, members: 1 },
      { atMs: 70_000, committedOffset: 5, logEndOffset: 70, members: 1 },
    ]);
    expect(result.burrow.partitions[0]?.status).toBe('REWIND');
  });
});

describe('analyzeGroup: rebalances and the health summary', () => {
  it('counts a member joining between two observations as a rebalance', () => {
    // 1 rebalance of the default max 10: score 90.
    const result = analyze([
      { atMs: 0, committedOffset: 50, logEndOffset: 50, members: 1 },
      { atMs: 10_000, committedOffset: 50, logEndOffset: 50, members: 2 },
    ]);
    expect(result.rebalanceCount).toBe(1);
    expect(result.summary.rebalance_score).toBe(90);
    expect(result.summary).toMatchObject({ group_id: 'billing', state: 'Stable', slo_compliance: 1, stuck_count: 0, status: 'OK' });
  });
});
