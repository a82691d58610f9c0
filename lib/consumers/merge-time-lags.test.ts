import { describe, expect, it } from 'vitest';
import type { GroupDetailJson } from './group-detail-view';
import type { GroupListJson } from './group-list-view';
import { withDetailTimeLags, withListTimeLags } from './merge-time-lags';

const timeLags = {
  clusterId: 'local',
  takenAtMs: Date.UTC(2026, 0, 1),
  groups: [{ groupId: 'billing', lagSecondsMax: 15, partitions: [{ topic: 'orders', partition: 0, lagSeconds: 15 }] }],
  topics: [{ topic: 'orders', lagSecondsMax: 15 }],
};

describe('time lag joined onto the views', () => {
  it('adds each group its max lag seconds, null for groups no snapshot knows', () => {
    const list = { cluster_id: 'local', observed_at: '', group_count: 2, errors: [], groups: [{ group_id: 'billing' }, { group_id: 'new' }] } as unknown as GroupListJson;
    const merged = withListTimeLags(list, timeLags);
    expect(merged.groups.map((group) => group.lag_seconds_max)).toEqual([15, null]);
    expect(merged.time_lag_taken_at).toBe('2026-01-01T00:00:00.000Z');
    expect(withListTimeLags(list, null).groups.every((group) => group.lag_seconds_max === null)).toBe(true);
  });

  it('adds each partition its lag seconds', () => {
    const detail = { group_id: 'billing', partitions: [{ topic: 'orders', partition: 0 }, { topic: 'orders', partition: 1 }] } as unknown as GroupDetailJson;
    const merged = withDetailTimeLags(detail, timeLags);
    expect(merged.lag_seconds_max).toBe(15);
    expect(merged.partitions.map((partition) => partition.lag_seconds)).toEqual([15, null]);
  });
});
