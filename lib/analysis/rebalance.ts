/** One snapshot of a group's coordination state. */
export interface RebalanceObservation {
  timestampMs: number;
  /** Classic groups: generation id. Consumer (KIP-848) groups: group epoch. null when unknown. */
  generationOrEpoch: number | null;
  state: string;
  /**
   * Members in the group at that moment, when known. Classic DescribeGroups does not report the
   * generation, so for classic groups a change in membership is the only trace of a rebalance that
   * started and finished between two snapshots (a join or a leave always rebalances a group).
   */
  memberCount?: number | null;
}

export interface RebalanceScoreOptions {
  /** Rebalances in the observed history that bring the score to 0. */
  maxRebalances?: number;
}

/**
 * 10 rebalances over the stored snapshots score 0. The seed names max_rebalances without a
 * value; 10 makes each rebalance cost 10 points, so the seed's minimum score of 70 tolerates
 * three rebalances in the history window.
 */
export const DEFAULT_MAX_REBALANCES = 10;

/** Matches "PreparingRebalance", "PREPARING_REBALANCE", "preparing-rebalance"… alike. */
function normalizeState(state: string): string {
  return state.toLowerCase().replace(/[^a-z]/g, '');
}

const rebalancingStates = new Set([
  // Classic protocol.
  'preparingrebalance',
  'completingrebalance',
  // Consumer protocol (KIP-848).
  'assigning',
  'reconciling',
  // Seed 004's coarse state name, which some clients report for both classic phases.
  'rebalancing',
]);

export function isRebalancingState(state: string): boolean {
  return rebalancingStates.has(normalizeState(state));
}

/**
 * Rebalances seen between consecutive observations (sorted by time). A rebalance starts when
 *   - the state enters a rebalancing state from a non-rebalancing one, or
 *   - the generation/epoch or the member count changes while the previous observation was not
 *     rebalancing (the whole rebalance happened between two snapshots).
 * A generation change while already rebalancing is the same rebalance finishing (classic groups
 * bump the generation on the way from PreparingRebalance to CompletingRebalance), so each
 * rebalance counts once even when its state and its epoch change are both observed. A first
 * observation that is already rebalancing is not counted: it began before the history did.
 */
export function countRebalances(observations: readonly RebalanceObservation[]): number {
  const ordered = [...observations].sort((left, right) => left.timestampMs - right.timestampMs);
  let count = 0;
  for (let index = 1; index < ordered.length; index += 1) {
    const previous = ordered[index - 1] as RebalanceObservation;
    const current = ordered[index] as RebalanceObservation;
    const previousRebalancing = isRebalancingState(previous.state);
    const enteredRebalancing = !previousRebalancing && isRebalancingState(current.state);
    const epochChanged =
      previous.generationOrEpoch !== null &&
      current.generationOrEpoch !== null &&
      previous.generationOrEpoch !== current.generationOrEpoch;
    const membershipChanged =
      typeof previous.memberCount === 'number' &&
      typeof current.memberCount === 'number' &&
      previous.memberCount !== current.memberCount;
    if (enteredRebalancing || ((epochChanged || membershipChanged) && !previousRebalancing)) {
      count += 1;
    }
  }
  return count;
}

/**
 * Seed 004: score = 100 - rebalance_count / max_rebalances * 100, clamped to 0..100
 * (100 = stable). null with fewer than two observations: no transition can be seen yet.
 */
export function rebalanceScore(observations: readonly RebalanceObservation[], options: RebalanceScoreOptions = {}): number | null {
  const maxRebalances = options.maxRebalances ?? DEFAULT_MAX_REBALANCES;
  if (!(Number.isFinite(maxRebalances) && maxRebalances > 0)) {
    throw new RangeError(`maxRebalances must be a positive number, got ${maxRebalances}`);
  }
  if (observations.length < 2) {
    return null;
  }
  const score = 100 - (countRebalances(observations) / maxRebalances) * 100;
  return Math.min(100, Math.max(0, score));
}
