import { describe, expect, it } from 'vitest';
import { groupTrendPoints, streamGroupTrendPoints } from './history-series';

const stats = (avg: number | null) => ({ min: avg, avg, max: avg });

describe('trend buckets as chart points', () => {
  it('takes the bucket averages of a group trend and keeps unknown values null', () => {
    expect(groupTrendPoints([{
      time: '2026-11-25T12:00:00.000Z', source: 'raw', samples: 3,
      total_lag: stats(120), max_lag: stats(80), lag_seconds: stats(null), member_count: stats(2),
    }])).toEqual([{ atMs: Date.parse('2026-11-25T12:00:00Z'), total_lag: 120, max_lag: 80, lag_seconds: null, members: 2 }]);
  });

  it('maps a stream group trend to lag, pending and consumers', () => {
    expect(streamGroupTrendPoints([{
      time: '2026-11-25T12:05:00.000Z', source: 'rollup', samples: 10, lag: stats(7), lag_unknown_samples: 0,
      lag_estimated: null, pending: stats(3), length: stats(100), consumer_count: stats(4),
    }])).toEqual([{ atMs: Date.parse('2026-11-25T12:05:00Z'), lag: 7, pending: 3, consumers: 4 }]);
  });
});
