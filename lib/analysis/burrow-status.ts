import {
  isLagAlwaysNotZero,
  lagNotDecreasing,
  offsetsRewound,
  offsetsStalled,
  offsetsStopped,
  recentLagZero,
  type CommittedOffsetSample,
} from './burrow-rules';
import type { TopicPartition } from './topic-partition';

/**
 * Partition and group status with LinkedIn Burrow's consumer lag evaluation rules (wiki
 * "Consumer Lag Evaluation Rules"; code: core/internal/evaluator/caching.go,
 * evaluatePartitionStatus / calculatePartitionStatus). Burrow judges behaviour over a sliding
 * window of the last `windowSize` commits (its storage `intervals`, default 10) instead of a fixed
 * lag threshold. For one partition, in Burrow's order:
 *
 *   0. current lag 0                                  -> OK (never an error when caught up)
 *   1. stopped (now - last commit > window span)
 *      and no recent log-end offset <= last commit    -> STOP  (checked before the zero-lag rule:
 *                                                        an old zero in the window must not hide
 *                                                        a consumer that went away)
 *   2. lag was zero somewhere in the window           -> OK   (wiki rule 1; skips 3-5)
 *   3. a committed offset went backwards              -> REWIND
 *   4. all commits in the window are the same offset  -> STALL (lag is non-zero here, see 2)
 *   5. lag never decreased across the window          -> WARN
 *   otherwise                                         -> OK
 *
 * `complete` is the filled fraction of the window. Below `minimumComplete` (Burrow default 0)
 * the partition stays OK. The group status is the worst partition status, with STOP, STALL and
 * REWIND reported as ERR at group level (Burrow does the same); the group's `complete` is the
 * fraction of partitions with a full window, and `maxlag` the partition with the largest
 * current lag (the first one on ties).
 */

/** Burrow's ERR exists only at group level; a partition is never plain ERR. */
export type BurrowPartitionStatus = 'OK' | 'WARN' | 'STOP' | 'STALL' | 'REWIND';
export type BurrowGroupStatus = 'OK' | 'WARN' | 'ERR';

/** Burrow's severity order (its StatusConstant values), used to pick the worst partition. */
const severity: Record<BurrowPartitionStatus, number> = { OK: 0, WARN: 1, STOP: 2, STALL: 3, REWIND: 4 };

export const DEFAULT_BURROW_WINDOW_SIZE = 10;

export interface PartitionWindowInput extends TopicPartition {
  /** Recent commits, oldest first. Only the last `windowSize` are used. */
  offsets: readonly CommittedOffsetSample[];
  /** Log-end offset now; also counts as a recent log-end offset for the STOP guard. */
  logEndOffset: number;
  currentLag: number;
  /** Log-end offsets read recently (Burrow keeps one per broker-offset refresh). */
  recentLogEndOffsets?: readonly number[];
}

export interface BurrowOptions {
  nowMs: number;
  windowSize?: number;
  minimumComplete?: number;
}

export interface PartitionStatusEvaluation extends TopicPartition {
  status: BurrowPartitionStatus;
  /** Filled fraction of the window, 0..1. */
  complete: number;
  currentLag: number;
  start: CommittedOffsetSample | null;
  end: CommittedOffsetSample | null;
}

export interface GroupStatusEvaluation {
  status: BurrowGroupStatus;
  complete: number;
  partitions: PartitionStatusEvaluation[];
  maxlag: PartitionStatusEvaluation | null;
  total_lag: number;
  partition_count: number;
}

function classifyWindow(window: readonly CommittedOffsetSample[], input: PartitionWindowInput, nowMs: number): BurrowPartitionStatus {
  if (input.currentLag <= 0) {
    return 'OK';
  }
  const recentLogEndOffsets = [...(input.recentLogEndOffsets ?? []), input.logEndOffset];
  if (offsetsStopped(window, nowMs) && !recentLagZero(window, recentLogEndOffsets)) {
    return 'STOP';
  }
  if (!isLagAlwaysNotZero(window)) {
    return 'OK';
  }
  if (offsetsRewound(window)) {
    return 'REWIND';
  }
  if (offsetsStalled(window)) {
    return 'STALL';
  }
  return lagNotDecreasing(window) ? 'WARN' : 'OK';
}

export function evaluatePartitionStatus(input: PartitionWindowInput, options: BurrowOptions): PartitionStatusEvaluation {
  const windowSize = options.windowSize ?? DEFAULT_BURROW_WINDOW_SIZE;
  if (!(Number.isInteger(windowSize) && windowSize > 0)) {
    throw new RangeError(`windowSize must be a positive integer, got ${windowSize}`);
  }
  // Sorting by time keeps commit order even if the history store returns rows unordered.
  const window = [...input.offsets].sort((left, right) => left.timestampMs - right.timestampMs).slice(-windowSize);
  const base = { topic: input.topic, partition: input.partition, currentLag: input.currentLag };
  if (window.length === 0) {
    return { ...base, status: 'OK', complete: 0, start: null, end: null };
  }
  const complete = window.length / windowSize;
  const status = complete >= (options.minimumComplete ?? 0) ? classifyWindow(window, input, options.nowMs) : 'OK';
  return { ...base, status, complete, start: window[0] ?? null, end: window[window.length - 1] ?? null };
}

function groupLevel(status: BurrowPartitionStatus): BurrowGroupStatus {
  return status === 'OK' || status === 'WARN' ? status : 'ERR';
}

export function evaluateGroupStatus(partitions: readonly PartitionWindowInput[], options: BurrowOptions): GroupStatusEvaluation {
  const evaluations = partitions.map((partition) => evaluatePartitionStatus(partition, options));
  let worst: BurrowPartitionStatus = 'OK';
  let maxlag: PartitionStatusEvaluation | null = null;
  for (const evaluation of evaluations) {
    if (severity[evaluation.status] > severity[worst]) {
      worst = evaluation.status;
    }
    if (maxlag === null || evaluation.currentLag > maxlag.currentLag) {
      maxlag = evaluation;
    }
  }
  const completeCount = evaluations.filter((evaluation) => evaluation.complete === 1).length;
  return {
    status: groupLevel(worst),
    // Burrow reports 0 for a group with no partitions: there is no window to be complete.
    complete: evaluations.length === 0 ? 0 : completeCount / evaluations.length,
    partitions: evaluations,
    maxlag,
    total_lag: evaluations.reduce((sum, evaluation) => sum + Math.max(0, evaluation.currentLag), 0),
    partition_count: evaluations.length,
  };
}
