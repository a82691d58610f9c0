import { describe, expect, it } from 'vitest';
import { OffsetResetPlanError, planOffsetReset, type OffsetResetPartitionInput } from './offset-reset-plan';

// Partition 0: log 100..500, committed 300. Partition 1: log 0..50, never committed.
const partitions: OffsetResetPartitionInput[] = [
  { partition: 0, committedOffset: 300, logStartOffset: 100, logEndOffset: 500, offsetForTimestamp: 420 },
  { partition: 1, committedOffset: null, logStartOffset: 0, logEndOffset: 50, offsetForTimestamp: null },
];

describe('planOffsetReset', () => {
  it('earliest moves to the log start, giving the whole retained log as lag', () => {
    expect(planOffsetReset({ kind: 'earliest' }, partitions)).toEqual([
      { partition: 0, currentOffset: 300, newOffset: 100, logStartOffset: 100, logEndOffset: 500, lagBefore: 200, lagAfter: 400, clamped: false },
      { partition: 1, currentOffset: null, newOffset: 0, logStartOffset: 0, logEndOffset: 50, lagBefore: null, lagAfter: 50, clamped: false },
    ]);
  });

  it('latest moves to the log end: lag 0', () => {
    expect(planOffsetReset({ kind: 'latest' }, partitions).map((row) => [row.newOffset, row.lagAfter])).toEqual([[500, 0], [50, 0]]);
  });

  it('a timestamp takes the offset Kafka found, or the log end when no record is that recent', () => {
    const plan = planOffsetReset({ kind: 'timestamp', timestampMs: 1_700_000_000_000 }, partitions);
    expect(plan.map((row) => [row.newOffset, row.lagAfter, row.clamped])).toEqual([[420, 80, false], [50, 0, false]]);
  });

  it('an offset outside the log is clamped to the nearest end, as Kafka’s tool does', () => {
    expect(planOffsetReset({ kind: 'offset', offset: 40 }, partitions).map((row) => [row.newOffset, row.clamped])).toEqual([[100, true], [40, false]]);
    expect(planOffsetReset({ kind: 'offset', offset: 9_999 }, partitions).map((row) => [row.newOffset, row.lagAfter, row.clamped])).toEqual([[500, 0, true], [50, 0, true]]);
  });

  it('shift_by moves from the committed offset, clamped: 300 - 250 = 50 becomes the log start 100', () => {
    const committedOnly = partitions.slice(0, 1);
    expect(planOffsetReset({ kind: 'shift_by', shiftBy: -50 }, committedOnly)[0]).toMatchObject({ newOffset: 250, lagAfter: 250, clamped: false });
    expect(planOffsetReset({ kind: 'shift_by', shiftBy: -250 }, committedOnly)[0]).toMatchObject({ newOffset: 100, lagAfter: 400, clamped: true });
    expect(planOffsetReset({ kind: 'shift_by', shiftBy: 150 }, committedOnly)[0]).toMatchObject({ newOffset: 450, lagAfter: 50, clamped: false });
  });

  it('refuses to shift a partition without a committed offset', () => {
    expect(() => planOffsetReset({ kind: 'shift_by', shiftBy: 1 }, partitions)).toThrow(OffsetResetPlanError);
    expect(() => planOffsetReset({ kind: 'shift_by', shiftBy: 1 }, partitions)).toThrow('partition 1 has no committed offset');
  });
});
