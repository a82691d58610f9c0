/**
 * The five checks of LinkedIn Burrow's consumer evaluator, one function each, over a window of
 * committed offsets (oldest first, at least one entry). They mirror the predicates of Burrow's
 * core/internal/evaluator/caching.go (isLagAlwaysNotZero, checkIfOffsetsRewind,
 * checkIfOffsetsStopped, checkIfOffsetsStalled, checkIfLagNotDecreasing, checkIfRecentLagZero);
 * burrow-status.ts combines them in Burrow's order.
 */

/** One offset commit as Burrow stores it: when, which offset, and the lag when it was seen. */
export interface CommittedOffsetSample {
  timestampMs: number;
  committedOffset: number;
  /** null when no log-end offset was known at that moment; such samples never prove zero lag. */
  lag: number | null;
}

/** Rule 1: lag was zero at some point in the window, so the consumer caught up recently. */
export function isLagAlwaysNotZero(window: readonly CommittedOffsetSample[]): boolean {
  return !window.some((sample) => sample.lag === 0);
}

/** Rule 2: a committed offset lower than the one before it (a reset or replay). */
export function offsetsRewound(window: readonly CommittedOffsetSample[]): boolean {
  return window.some((sample, index) => index > 0 && sample.committedOffset < (window[index - 1] as CommittedOffsetSample).committedOffset);
}

/**
 * Rule 3: the time since the last commit is longer than the time the window spans, so the
 * consumer stopped committing. Strictly longer: equal spans are not yet stopped. With a single
 * commit the span is 0, so any time after it counts as stopped (Burrow behaves the same).
 */
export function offsetsStopped(window: readonly CommittedOffsetSample[], nowMs: number): boolean {
  const firstTimestampMs = (window[0] as CommittedOffsetSample).timestampMs;
  const lastTimestampMs = (window[window.length - 1] as CommittedOffsetSample).timestampMs;
  return nowMs - lastTimestampMs > lastTimestampMs - firstTimestampMs;
}

/** Rule 4: every commit in the window is the same offset; the consumer commits but does not move. */
export function offsetsStalled(window: readonly CommittedOffsetSample[]): boolean {
  const firstOffset = (window[0] as CommittedOffsetSample).committedOffset;
  return window.every((sample) => sample.committedOffset === firstOffset);
}

/** Rule 5: lag never went down between consecutive known samples; the consumer is too slow. */
export function lagNotDecreasing(window: readonly CommittedOffsetSample[]): boolean {
  let previousLag: number | null = null;
  for (const { lag } of window) {
    if (lag === null) {
      continue;
    }
    if (previousLag !== null && lag < previousLag) {
      return false;
    }
    previousLag = lag;
  }
  return true;
}

/**
 * Burrow's guard against a false STOP: if any recently read log-end offset is at or below the
 * last committed offset, the consumer was caught up moments ago, and the producer, not the
 * consumer, was idle.
 */
export function recentLagZero(window: readonly CommittedOffsetSample[], recentLogEndOffsets: readonly number[]): boolean {
  const lastCommittedOffset = (window[window.length - 1] as CommittedOffsetSample).committedOffset;
  return recentLogEndOffsets.some((logEndOffset) => logEndOffset <= lastCommittedOffset);
}
