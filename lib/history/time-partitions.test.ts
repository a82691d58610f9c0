import { describe, expect, it } from 'vitest';
import { groupRollupTable, groupSampleTable, partitionName, partitionStartMs } from './time-partitions';

describe('time partition names', () => {
  it('names hours and days in UTC and reads the start back', () => {
    const hourStart = Date.UTC(2026, 11, 4, 7);
    expect(partitionName(groupSampleTable, hourStart + 59 * 60_000)).toBe('HistoryGroupSample_h2026120407');
    expect(partitionStartMs(groupSampleTable, 'HistoryGroupSample_h2026120407')).toBe(hourStart);
    expect(partitionName(groupRollupTable, Date.UTC(2026, 0, 9, 23, 59))).toBe('HistoryGroupRollup_d20260109');
    expect(partitionStartMs(groupRollupTable, 'HistoryGroupRollup_d20260109')).toBe(Date.UTC(2026, 0, 9));
  });

  it('ignores names it did not give', () => {
    expect(partitionStartMs(groupSampleTable, 'HistoryGroupSample_old')).toBeNull();
    expect(partitionStartMs(groupSampleTable, 'HistoryGroupRollup_d20260109')).toBeNull();
  });
});
