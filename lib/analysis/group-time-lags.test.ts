import { describe, expect, it } from 'vitest';
import { groupTimeLags, type TimeLagSourcePoint } from './group-time-lags';

/** One partition per topic entry: [topic, partition, committed, logEnd]. */
function point(seconds: number, ...partitions: [string, number, number | null, number | null][]): TimeLagSourcePoint {
  return {
    observedAtMs: seconds * 1000,
    partitions: partitions.map(([topic, partition, committedOffset, logEndOffset]) => ({ topic, partition, committedOffset, logEndOffset })),
  };
}

describe('groupTimeLags', () => {
  it('gives the issue vector: log end 100 @0 s, 200 @10 s, 300 @20 s, committed 150 at 20 s -> 15 s', () => {
    const lags = groupTimeLags([point(0, ['orders', 0, 0, 100]), point(10, ['orders', 0, 50, 200]), point(20, ['orders', 0, 150, 300])], 20_000);
    expect(lags.partitions).toEqual([{ topic: 'orders', partition: 0, lagSeconds: 15, method: 'interpolated' }]);
    expect(lags.maxLagSeconds).toBe(15);
    expect(lags.maxLagSecondsByTopic).toEqual(new Map([['orders', 15]]));
  });

  it('takes the max per group and per topic, and leaves unknown partitions out of both', () => {
    const lags = groupTimeLags([
      point(0, ['a', 0, 0, 100], ['a', 1, 0, 100], ['b', 0, null, 10]),
      point(10, ['a', 0, 100, 200], ['a', 1, 0, 200], ['b', 0, null, 20]),
    ], 10_000);
    // a-0: committed 100 = log end at 0 s -> 10 s; a-1: committed 0, below the curve: extrapolated
    // along 100 offsets / 10 s -> time -10 s -> 20 s; b-0 never committed -> unknown.
    expect(lags.partitions.map((partition) => partition.lagSeconds)).toEqual([10, 20, null]);
    expect(lags.maxLagSeconds).toBe(20);
    expect(lags.maxLagSecondsByTopic).toEqual(new Map([['a', 20]]));
  });

  it('is 0 when caught up and unknown with a single point behind', () => {
    expect(groupTimeLags([point(5, ['t', 0, 300, 300])], 5_000).partitions[0]?.lagSeconds).toBe(0);
    expect(groupTimeLags([point(5, ['t', 0, 200, 300])], 5_000).partitions[0]?.lagSeconds).toBeNull();
    expect(groupTimeLags([], 0)).toEqual({ partitions: [], maxLagSeconds: null, maxLagSecondsByTopic: new Map() });
  });

  it('skips points whose log end was unknown', () => {
    const lags = groupTimeLags([point(0, ['t', 0, 0, 100]), point(10, ['t', 0, 0, null]), point(20, ['t', 0, 150, 300])], 20_000);
    // curve (100, 0 s), (300, 20 s): 150 at 5 s -> 15 s
    expect(lags.partitions[0]?.lagSeconds).toBe(15);
  });
});
