/** Seed 004's LagMetrics, plus the number of partitions the figures cover. */
export interface LagStatistics {
  lag_p50: number;
  lag_p95: number;
  lag_max: number;
  total_lag: number;
  partition_count: number;
}

/**
 * Nearest-rank percentile: the value at rank ceil(p/100 * n) of the ascending list (rank 1 for p = 0).
 *
 * Chosen over interpolation because the answer is always a lag that some partition really has,
 * so integers stay integers and "P95 = 10" can be traced to a partition. `sortedValues` must be
 * ascending and non-empty.
 */
export function nearestRankPercentile(sortedValues: readonly number[], percentile: number): number {
  if (sortedValues.length === 0) {
    throw new RangeError('nearestRankPercentile needs at least one value');
  }
  if (!(percentile >= 0 && percentile <= 100)) {
    throw new RangeError(`percentile must be within 0..100, got ${percentile}`);
  }
  // percentile * n is an integer for integer percentiles, so dividing by 100 last keeps ceil exact
  // (0.95 * 20 in floating point would risk landing just above 19).
  const rank = Math.max(1, Math.ceil((percentile * sortedValues.length) / 100));
  return sortedValues[rank - 1] as number;
}

/** P50, P95, max and total of per-partition lags; an empty list gives zeros and partition_count 0. */
export function lagStatistics(lags: readonly number[]): LagStatistics {
  if (lags.length === 0) {
    return { lag_p50: 0, lag_p95: 0, lag_max: 0, total_lag: 0, partition_count: 0 };
  }
  const sortedLags = [...lags].sort((left, right) => left - right);
  return {
    lag_p50: nearestRankPercentile(sortedLags, 50),
    lag_p95: nearestRankPercentile(sortedLags, 95),
    lag_max: sortedLags[sortedLags.length - 1] as number,
    total_lag: sortedLags.reduce((sum, lag) => sum + lag, 0),
    partition_count: sortedLags.length,
  };
}
