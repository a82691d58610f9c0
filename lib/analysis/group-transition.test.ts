import { describe, expect, it } from 'vitest';
import { groupTransition } from './group-transition';

const at = (timestampMs: number, state: string, generationOrEpoch: number | null, memberCount?: number) => ({ timestampMs, state, generationOrEpoch, memberCount });

describe('groupTransition', () => {
  it('is null when state, epoch and members stay the same', () => {
    expect(groupTransition(at(0, 'Stable', 4, 2), at(30_000, 'Stable', 4, 2))).toBeNull();
  });

  it('marks a state change that is not a rebalance', () => {
    expect(groupTransition(at(0, 'Stable', null, 0), at(30_000, 'Empty', null, 0))).toEqual({ stateChanged: true, rebalance: false });
  });

  it('marks entering a rebalancing state as both', () => {
    expect(groupTransition(at(0, 'Stable', 4), at(30_000, 'PreparingRebalance', 4))).toEqual({ stateChanged: true, rebalance: true });
  });

  it('marks an epoch change between two Stable snapshots as a rebalance only', () => {
    expect(groupTransition(at(0, 'Stable', 4), at(30_000, 'Stable', 5))).toEqual({ stateChanged: false, rebalance: true });
  });

  it('does not count the end of a rebalance that was already seen', () => {
    expect(groupTransition(at(0, 'Reconciling', 5), at(30_000, 'Stable', 6))).toEqual({ stateChanged: true, rebalance: false });
  });
});
