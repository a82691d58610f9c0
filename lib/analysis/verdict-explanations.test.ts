import { describe, expect, it } from 'vitest';
import { explainBurrowStatus, explainStuckPartitions, type BurrowPartitionFacts } from './verdict-explanations';

const partition = (overrides: Partial<BurrowPartitionFacts>): BurrowPartitionFacts => ({
  topic: 'orders', partition: 0, status: 'OK', complete: 1, current_lag: 0, start: null, end: null, ...overrides,
});

describe('explainBurrowStatus', () => {
  it('says a slow group is falling behind, not stopped, with its lag change and span', () => {
    const slow = partition({
      partition: 3, status: 'WARN', current_lag: 480,
      start: { offset: 1_000, timestamp: '2026-12-04T20:00:00.000Z', lag: 120 },
      end: { offset: 1_300, timestamp: '2026-12-04T20:05:00.000Z', lag: 480 },
    });
    expect(explainBurrowStatus({ status: 'WARN', complete: 1, partitions: [partition({}), slow] })).toEqual([
      'Falling behind: on 1 partition lag grew at every commit in the window while offsets still move, so the consumer is slower than the producers, not stopped; e.g. orders-3: lag 120 → 480 messages over 5 min.',
    ]);
  });

  it('names the worst stopped and stalled partitions', () => {
    const sentences = explainBurrowStatus({ status: 'ERR', complete: 1, partitions: [
      partition({ partition: 1, status: 'STOP', current_lag: 50, end: { offset: 10, timestamp: '2026-12-04T19:00:00.000Z', lag: 40 } }),
      partition({ partition: 2, status: 'STOP', current_lag: 900, end: { offset: 77, timestamp: '2026-12-04T19:01:02.000Z', lag: 800 } }),
      partition({ partition: 4, status: 'STALL', current_lag: 12, end: { offset: 5_000, timestamp: '2026-12-04T19:00:00.000Z', lag: 12 } }),
    ] });
    expect(sentences).toEqual([
      'Stopped: 2 partitions had no commit for longer than the window while messages wait, e.g. orders-2 with 900 messages (last commit at offset 77, 19:01:02 UTC).',
      'Stalled: on 1 partition the consumer keeps committing the same offset while lag is not zero, e.g. orders-4 at offset 5,000 with 12 messages behind.',
    ]);
  });

  it('explains OK, and OK with a window not yet full', () => {
    expect(explainBurrowStatus({ status: 'OK', complete: 1, partitions: [partition({})] })[0]).toMatch(/^OK: on every partition/);
    expect(explainBurrowStatus({ status: 'OK', complete: 0.167, partitions: [partition({ complete: 0.2 })] })).toEqual([
      'OK so far: 17 % of partitions have a full window of commits; the verdict firms up as snapshots arrive.',
    ]);
    expect(explainBurrowStatus({ status: 'OK', complete: 0, partitions: [] })).toEqual(['No committed partitions to judge yet.']);
  });
});

describe('explainStuckPartitions', () => {
  it('says none in words with the window, or the partition with its numbers', () => {
    expect(explainStuckPartitions([], 300)).toBe('None: no partition kept the same committed offset for 5 min while its lag rose.');
    expect(explainStuckPartitions([
      { topic: 'orders', partition: 2, committed_offset: 1_234, lag_at_start: 10, lag_at_end: 95, since: '2026-12-04T20:00:00.000Z', until: '2026-12-04T20:05:00.000Z' },
      { topic: 'orders', partition: 5, committed_offset: 9, lag_at_start: 1, lag_at_end: 2, since: '2026-12-04T20:00:00.000Z', until: '2026-12-04T20:05:00.000Z' },
    ], 300)).toBe('orders-2 stayed at offset 1,234 while lag rose 10 → 95 messages since 20:00:00 UTC and 1 more partition.');
  });
});
