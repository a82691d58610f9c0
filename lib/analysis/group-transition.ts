import { countRebalances, type RebalanceObservation } from './rebalance';

export interface GroupTransition {
  stateChanged: boolean;
  /** Counted exactly as rebalanceScore counts it (countRebalances over the two observations). */
  rebalance: boolean;
}

/**
 * What happened to a group between two consecutive snapshots, for the markers of a trend chart;
 * null when nothing worth a marker did. Using countRebalances keeps the markers and the rebalance
 * score in agreement: every rebalance the score counts has a marker.
 */
export function groupTransition(previous: RebalanceObservation, current: RebalanceObservation): GroupTransition | null {
  const stateChanged = previous.state !== current.state;
  const rebalance = countRebalances([previous, current]) > 0;
  return stateChanged || rebalance ? { stateChanged, rebalance } : null;
}
