import { describe, expect, it } from 'vitest';
import { lagStatistics, nearestRankPercentile } from './percentiles';

describe('lagStatistics', () => {
  it('uses nearest rank on 1..10', () => {
    // n = 10: p50 rank ceil(0.50 * 10) = 5 -> 5; p95 rank ceil(0.95 * 10) = ceil(9.5) = 10 -> 10
    // total = 10 * 11 / 2 = 55
    expect(lagStatistics([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({
      lag_p50: 5,
      lag_p95: 10,
      lag_max: 10,
      total_lag: 55,
      partition_count: 10,
    });
  });

  it('gives the single value for every percentile of one partition', () => {
    // n = 1: every rank is ceil(p/100 * 1) = 1
    expect(lagStatistics([42])).toEqual({ lag_p50: 42, lag_p95: 42, lag_max: 42, total_lag: 42, partition_count: 1 });
  });

  it('sorts unsorted input first and leaves the input alone', () => {
    const lags = [300, 0, 100, 200];
    // sorted 0, 100, 200, 300: p50 rank ceil(2) = 2 -> 100; p95 rank ceil(3.8) = 4 -> 300; total 600
    expect(lagStatistics(lags)).toEqual({ lag_p50: 100, lag_p95: 300, lag_max: 300, total_lag: 600, partition_count: 4 });
    expect(lags).toEqual([300, 0, 100, 200]);
  });

  it('handles ties', () => {
    // sorted 7, 7, 7, 9, 9: p50 rank ceil(2.5) = 3 -> 7; p95 rank ceil(4.75) = 5 -> 9; total 39
    expect(lagStatistics([9, 7, 7, 9, 7])).toEqual({ lag_p50: 7, lag_p95: 9, lag_max: 9, total_lag: 39, partition_count: 5 });
  });

  it('keeps p95 exact where floating point would tip the rank over (n = 20)', () => {
    const lags = Array.from({ length: 20 }, (_, index) => index + 1);
    // rank = 95 * 20 / 100 = 19 exactly -> 19 (0.95 * 20 must not become rank 20)
    expect(lagStatistics(lags).lag_p95).toBe(19);
  });

  it('gives zeros for no partitions', () => {
    expect(lagStatistics([])).toEqual({ lag_p50: 0, lag_p95: 0, lag_max: 0, total_lag: 0, partition_count: 0 });
  });
});

describe('nearestRankPercentile', () => {
  it('uses rank 1 for the 0th percentile', () => {
    expect(nearestRankPercentile([3, 5, 8], 0)).toBe(3);
  });

  it('rejects an empty list and percentiles outside 0..100', () => {
    expect(() => nearestRankPercentile([], 50)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], 101)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], Number.NaN)).toThrow(RangeError);
  });
});
