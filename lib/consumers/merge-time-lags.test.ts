import { describe, expect, it } from 'vitest';
import type { GroupDetailJson } from './group-detail-view';
import type { GroupListJson } from './group-list-view';
import { withDetailTimeLags, withListHistory } from './merge-time-lags';

const timeLags = {
  clusterId: 'local',
  takenAtMs: Date.UTC(2026, 0, 1),
  groups: [{ groupId: 'billing', lagSecondsMax: 15, partitions: [{ topic: 'orders', partition: 0, lagSeconds: 15 }] }],
  topics: [{ topic: 'orders', lagSecondsMax: 15 }],
};

describe('time lag joined onto the views', () => {
  it('adds each group its max lag seconds, status and sparkline; nulls for groups no snapshot knows', () => {
    const list = { cluster_id: 'local', observed_at: '', group_count: 2, errors: [], groups: [{ group_id: 'billing' }, { group_id: 'new' }] } as unknown as GroupListJson;
    const history = {
      clusterId: 'local', takenAtMs: Date.UTC(2026, 0, 1), spanMs: 3_600_000, bucketMs: 120_000,
      groups: [{ groupId: 'billing', status: 'WARN' as const, lagSecondsMax: 15, totalLagSparkline: [3, 9, 12] }],
    };
    const merged = withListHistory(list, history);
    expect(merged.groups.map((group) => group.lag_seconds_max)).toEqual([15, null]);
    expect(merged.groups.map((group) => group.status)).toEqual(['WARN', null]);
    expect(merged.groups.map((group) => group.lag_sparkline)).toEqual([[3, 9, 12], []]);
    expect(merged.time_lag_taken_at).toBe('2026-01-01T00:00:00.000Z');
    expect(merged.sparkline_span_seconds).toBe(3_600);
    const withoutHistory = withListHistory(list, null);
    expect(withoutHistory.groups.every((group) => group.lag_seconds_max === null && group.status === null)).toBe(true);
    expect(withoutHistory.time_lag_taken_at).toBeNull();
  });

  it('adds each partition its lag seconds', () => {
    const detail = { group_id: 'billing', partitions: [{ topic: 'orders', partition: 0 }, { topic: 'orders', partition: 1 }] } as unknown as GroupDetailJson;
    const merged = withDetailTimeLags(detail, timeLags);
    expect(merged.lag_seconds_max).toBe(15);
    expect(merged.partitions.map((partition) => partition.lag_seconds)).toEqual([15, null]);
  });
});
