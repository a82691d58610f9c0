/** The overview's state buckets: Kafka's own states, with both rebalancing families together. */
export type StateBucket = 'Stable' | 'Rebalancing' | 'Empty' | 'Dead' | 'Other';

const rebalancingStates = new Set(['PreparingRebalance', 'CompletingRebalance', 'Assigning', 'Reconciling']);

export function stateBucket(state: string): StateBucket {
  if (state === 'Stable' || state === 'Empty' || state === 'Dead') return state;
  return rebalancingStates.has(state) ? 'Rebalancing' : 'Other';
}

export function countGroupsByState(states: readonly string[]): Record<StateBucket, number> {
  const counts: Record<StateBucket, number> = { Stable: 0, Rebalancing: 0, Empty: 0, Dead: 0, Other: 0 };
  for (const state of states) counts[stateBucket(state)] += 1;
  return counts;
}

/** The `count` items with the largest value, largest first; unknown values (null) never rank. */
export function worstBy<Item>(items: readonly Item[], valueOf: (item: Item) => number | null, count: number): Item[] {
  return items
    .filter((item) => (valueOf(item) ?? 0) > 0)
    .sort((left, right) => (valueOf(right) ?? 0) - (valueOf(left) ?? 0))
    .slice(0, count);
}
