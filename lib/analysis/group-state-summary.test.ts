import { describe, expect, it } from 'vitest';
import { countGroupsByState, stateBucket, worstBy } from './group-state-summary';

describe('overview summaries', () => {
  it('puts both protocols\' rebalancing states in one bucket and never calls a Kafka state unknown', () => {
    expect(['PreparingRebalance', 'CompletingRebalance', 'Assigning', 'Reconciling'].map(stateBucket)).toEqual(Array(4).fill('Rebalancing'));
    expect(countGroupsByState(['Stable', 'Stable', 'Empty', 'Reconciling', 'Dead', 'Unknown'])).toEqual({ Stable: 2, Rebalancing: 1, Empty: 1, Dead: 1, Other: 1 });
  });

  it('ranks the worst items, leaving out zero and unknown values', () => {
    const items = [{ id: 'a', lag: 5 }, { id: 'b', lag: null }, { id: 'c', lag: 50 }, { id: 'd', lag: 0 }, { id: 'e', lag: 7 }];
    expect(worstBy(items, (item) => item.lag, 2).map((item) => item.id)).toEqual(['c', 'e']);
  });
});
