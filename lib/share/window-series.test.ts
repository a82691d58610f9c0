import { describe, expect, it } from 'vitest';
import type { GroupWindowPoint } from '@/lib/history/group-window';
import { thinPoints } from './chart-points';
import { groupWindowSeries } from './window-series';

const point = (observedAtMs: number, memberCount: number, partitions: GroupWindowPoint['partitions']): GroupWindowPoint => ({
  observedAtMs, state: 'Stable', generationOrEpoch: 1, memberCount, partitions,
});

describe('groupWindowSeries', () => {
  it('sums and maximises known lags, and reads lag in time off the log-end offsets seen so far', () => {
    const series = groupWindowSeries([
      point(0, 2, [
        { topic: 't', partition: 0, committedOffset: 100, logEndOffset: 100, lag: 0 },
        { topic: 't', partition: 1, committedOffset: null, logEndOffset: 50, lag: null },
      ]),
      point(10_000, 2, [
        { topic: 't', partition: 0, committedOffset: 100, logEndOffset: 200, lag: 100 },
        { topic: 't', partition: 1, committedOffset: 40, logEndOffset: 60, lag: 20 },
      ]),
    ]);
    expect(series[0]).toEqual({ atMs: 0, total_lag: 0, max_lag: 0, lag_seconds: 0, members: 2 });
    // Partition 0: the log end was at 100 at t=0, so the consumer is 10 s behind; partition 1 is
    // below its oldest point (50 at t=0) on a curve rising 1 per second, so 20 s.
    expect(series[1]).toEqual({ atMs: 10_000, total_lag: 120, max_lag: 100, lag_seconds: 20, members: 2 });
  });

  it('leaves lag unknown when no partition lag is known', () => {
    const [only] = groupWindowSeries([point(5, 0, [{ topic: 't', partition: 0, committedOffset: null, logEndOffset: null, lag: null }])]);
    expect(only).toEqual({ atMs: 5, total_lag: null, max_lag: null, lag_seconds: null, members: 0 });
  });
});

describe('thinPoints', () => {
  it('keeps short lists and thins long ones evenly, keeping the newest', () => {
    expect(thinPoints([1, 2, 3], 5)).toEqual([1, 2, 3]);
    const thinned = thinPoints(Array.from({ length: 100 }, (_, index) => index), 10);
    expect(thinned).toHaveLength(10);
    expect(thinned[0]).toBe(0);
    expect(thinned[9]).toBe(99);
  });
});
