import { describe, expect, it } from 'vitest';
import { countRebalances, isRebalancingState, rebalanceScore, type RebalanceObservation } from './rebalance';

/** Observations one minute apart: [generation or epoch, state]. */
function observations(...entries: [number | null, string][]): RebalanceObservation[] {
  return entries.map(([generationOrEpoch, state], index) => ({ timestampMs: index * 60_000, generationOrEpoch, state }));
}

describe('countRebalances', () => {
  it('counts a classic rebalance once across its states and generation bump', () => {
    // Stable 5 -> PreparingRebalance 5 (enters: 1) -> CompletingRebalance 6 (bump while rebalancing: same) -> Stable 6
    expect(countRebalances(observations([5, 'Stable'], [5, 'PreparingRebalance'], [6, 'CompletingRebalance'], [6, 'Stable']))).toBe(1);
  });

  it('counts generation changes that happened between snapshots', () => {
    // 5 -> 6 -> 7, always Stable: 2
    expect(countRebalances(observations([5, 'Stable'], [6, 'Stable'], [7, 'Stable']))).toBe(2);
  });

  it('counts consumer-protocol epochs and Assigning/Reconciling once each', () => {
    // Stable 3 -> Reconciling 4 (state and epoch in one step: 1) -> Stable 4 (0) -> Assigning 5 (1) -> Stable 5 (0)
    expect(countRebalances(observations([3, 'Stable'], [4, 'Reconciling'], [4, 'Stable'], [5, 'Assigning'], [5, 'Stable']))).toBe(2);
  });

  it('uses states alone when the generation is unknown', () => {
    // null generations: only entering PreparingRebalance counts; null -> 5 is not a change
    expect(countRebalances(observations([null, 'Stable'], [null, 'PreparingRebalance'], [null, 'Stable'], [5, 'Stable']))).toBe(1);
  });

  it('does not count a first observation that is already rebalancing', () => {
    expect(countRebalances(observations([5, 'PreparingRebalance'], [6, 'Stable']))).toBe(0);
  });

  it('counts a member count change as one rebalance, also together with an epoch change', () => {
    const withMembers = (entries: [number | null, string, number][]): RebalanceObservation[] =>
      entries.map(([generationOrEpoch, state, memberCount], index) => ({ timestampMs: index * 1_000, generationOrEpoch, state, memberCount }));
    // Classic, generation unknown: 1 -> 2 members (1), 2 -> 2 (0), 2 -> 3 through PreparingRebalance (1 in total).
    expect(countRebalances(withMembers([[null, 'Stable', 1], [null, 'Stable', 2], [null, 'Stable', 2], [null, 'PreparingRebalance', 2], [null, 'Stable', 3]]))).toBe(2);
    // Consumer protocol: epoch and member count change in the same step count once.
    expect(countRebalances(withMembers([[3, 'Stable', 1], [4, 'Stable', 2]]))).toBe(1);
    // Unknown member counts never count.
    expect(countRebalances([{ timestampMs: 0, generationOrEpoch: null, state: 'Stable', memberCount: null }, { timestampMs: 1, generationOrEpoch: null, state: 'Stable', memberCount: 2 }])).toBe(0);
  });

  it('sorts observations by time', () => {
    const ordered = observations([5, 'Stable'], [6, 'Stable'], [7, 'Stable']);
    expect(countRebalances([...ordered].reverse())).toBe(2);
  });
});

describe('isRebalancingState', () => {
  it('recognises every spelling of the rebalancing states', () => {
    for (const state of ['PreparingRebalance', 'PREPARING_REBALANCE', 'completing-rebalance', 'ASSIGNING', 'Reconciling', 'Rebalancing']) {
      expect(isRebalancingState(state)).toBe(true);
    }
    for (const state of ['Stable', 'Empty', 'Dead', 'Unknown']) {
      expect(isRebalancingState(state)).toBe(false);
    }
  });
});

describe('rebalanceScore', () => {
  it('is 100 for a stable group', () => {
    expect(rebalanceScore(observations([5, 'Stable'], [5, 'Stable'], [5, 'Stable']))).toBe(100);
  });

  it('is 100 - count / max * 100', () => {
    // 2 rebalances, default max 10: 100 - 2 / 10 * 100 = 80
    expect(rebalanceScore(observations([5, 'Stable'], [6, 'Stable'], [7, 'Stable']))).toBe(80);
    // 1 rebalance, max 4: 100 - 1 / 4 * 100 = 75
    expect(rebalanceScore(observations([5, 'Stable'], [6, 'Stable']), { maxRebalances: 4 })).toBe(75);
  });

  it('clamps to 0 beyond max rebalances', () => {
    // 12 generation changes, max 10: 100 - 120 = -20 -> 0
    const churn = Array.from({ length: 13 }, (_, index): [number, string] => [index, 'Stable']);
    expect(rebalanceScore(observations(...churn))).toBe(0);
  });

  it('is null with fewer than two observations', () => {
    expect(rebalanceScore(observations([5, 'Stable']))).toBeNull();
    expect(rebalanceScore([])).toBeNull();
  });

  it('rejects a non-positive max', () => {
    expect(() => rebalanceScore(observations([5, 'Stable'], [5, 'Stable']), { maxRebalances: 0 })).toThrow(RangeError);
  });
});
