import { describe, expect, it } from 'vitest';
import {
  isLagAlwaysNotZero,
  lagNotDecreasing,
  offsetsRewound,
  offsetsStalled,
  offsetsStopped,
  recentLagZero,
  type CommittedOffsetSample,
} from './burrow-rules';

/** Commits every 100 s from t = 100 s: [offset, lag] pairs. */
function commits(...entries: [number, number | null][]): CommittedOffsetSample[] {
  return entries.map(([committedOffset, lag], index) => ({ timestampMs: (index + 1) * 100_000, committedOffset, lag }));
}

describe('Burrow rules', () => {
  const advancing = commits([1000, 50], [2000, 100], [3000, 150], [4000, 200], [5000, 250]);

  it('rule 1: lag always non-zero unless some sample is exactly 0 (unknown lag is not 0)', () => {
    expect(isLagAlwaysNotZero(advancing)).toBe(true);
    expect(isLagAlwaysNotZero(commits([1000, 0], [2000, 50]))).toBe(false);
    expect(isLagAlwaysNotZero(commits([1000, null], [2000, 50]))).toBe(true);
  });

  it('rule 2: rewind when any offset is below the one before', () => {
    expect(offsetsRewound(advancing)).toBe(false);
    expect(offsetsRewound(commits([1000, 1], [3000, 1], [2000, 1]))).toBe(true);
  });

  it('rule 3: stopped when now - last commit > last - first commit, strictly', () => {
    // last commit 500 s, first 100 s: span 400 s
    expect(offsetsStopped(advancing, 900_000)).toBe(false); // 900 - 500 = 400, not > 400
    expect(offsetsStopped(advancing, 900_001)).toBe(true); // 400.001 s > 400 s
    // a single commit spans 0 s: any later moment is "stopped"
    expect(offsetsStopped(commits([1000, 5]), 100_000)).toBe(false);
    expect(offsetsStopped(commits([1000, 5]), 100_001)).toBe(true);
  });

  it('rule 4: stalled when every commit is the same offset', () => {
    expect(offsetsStalled(commits([1000, 100], [1000, 150], [1000, 200]))).toBe(true);
    expect(offsetsStalled(advancing)).toBe(false);
  });

  it('rule 5: lag not decreasing, skipping unknown lags', () => {
    expect(lagNotDecreasing(advancing)).toBe(true);
    expect(lagNotDecreasing(commits([1000, 100], [2000, 100]))).toBe(true); // flat counts as not decreasing
    expect(lagNotDecreasing(commits([1000, 100], [2000, null], [3000, 90]))).toBe(false); // 90 < 100 across the gap
  });

  it('recent lag zero when a recent log-end offset is at or below the last commit', () => {
    expect(recentLagZero(advancing, [5300, 5000])).toBe(true); // 5000 <= 5000
    expect(recentLagZero(advancing, [5300, 5001])).toBe(false);
  });
});
