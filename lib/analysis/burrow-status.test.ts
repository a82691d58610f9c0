import { describe, expect, it } from 'vitest';
import type { CommittedOffsetSample } from './burrow-rules';
import { evaluateGroupStatus, evaluatePartitionStatus, type PartitionWindowInput } from './burrow-status';

const seconds = (value: number) => value * 1000;

/** Commits every 100 s from t = 100 s: [offset, lag] pairs. */
function commits(...entries: [number, number | null][]): CommittedOffsetSample[] {
  return entries.map(([committedOffset, lag], index) => ({ timestampMs: seconds((index + 1) * 100), committedOffset, lag }));
}

function partition(offsets: CommittedOffsetSample[], currentLag: number, extra: Partial<PartitionWindowInput> = {}): PartitionWindowInput {
  const last = offsets[offsets.length - 1];
  return { topic: 'orders', partition: 0, offsets, currentLag, logEndOffset: (last?.committedOffset ?? 0) + currentLag, ...extra };
}

const statusAt = (input: PartitionWindowInput, nowSeconds: number, windowSize = 5) =>
  evaluatePartitionStatus(input, { nowMs: seconds(nowSeconds), windowSize }).status;

describe('evaluatePartitionStatus', () => {
  // Commits at 100..500 s: the window spans 400 s, so "stopped" needs now > 900 s.
  const caughtUpRecently = commits([1000, 0], [2000, 50], [3000, 100], [4000, 150], [5000, 200]);

  it('is OK when lag was zero inside the window, even though lag grows', () => {
    expect(statusAt(partition(caughtUpRecently, 200), 600)).toBe('OK');
    // 900 - 500 = 400 is not more than the 400 s span: still not stopped
    expect(statusAt(partition(caughtUpRecently, 200), 900)).toBe('OK');
  });

  it('is STOP once commits stop, even with a zero lag in an old window', () => {
    // 1000 - 500 = 500 s since the last commit > 400 s span
    expect(statusAt(partition(caughtUpRecently, 200), 1000)).toBe('STOP');
  });

  it('is OK while lag stays at zero', () => {
    const idle = commits([1000, 0], [1000, 0], [1000, 0]);
    expect(statusAt(partition(idle, 0), 250)).toBe('OK');
  });

  it('is OK whenever the current lag is zero, however old the commits', () => {
    const lagging = commits([1000, 50], [2000, 100], [3000, 150]);
    expect(statusAt(partition(lagging, 0), 100_000)).toBe('OK');
  });

  it('is REWIND when a committed offset goes backwards', () => {
    // 3000 -> 2000 rewinds; lag never zero; now 600 s is not stopped (100 s < 400 s)
    const rewinding = commits([1000, 100], [2000, 150], [3000, 200], [2000, 1250], [4000, 300]);
    expect(statusAt(partition(rewinding, 300), 600)).toBe('REWIND');
  });

  it('is STALL when the consumer keeps committing the same offset while lag grows', () => {
    const stalled = commits([1000, 100], [1000, 150], [1000, 200], [1000, 250], [1000, 300]);
    expect(statusAt(partition(stalled, 300), 600)).toBe('STALL');
  });

  it('is OK for the same stalled commits if lag was zero at the window start', () => {
    const stalledAfterCatchingUp = commits([1000, 0], [1000, 50], [1000, 100], [1000, 150], [1000, 200]);
    expect(statusAt(partition(stalledAfterCatchingUp, 200), 600)).toBe('OK');
  });

  it('is WARN when offsets advance but lag never decreases', () => {
    const slow = commits([1000, 100], [2000, 150], [3000, 200], [4000, 250], [5000, 300]);
    expect(statusAt(partition(slow, 300), 600)).toBe('WARN');
  });

  it('is OK when offsets advance and lag went down at some point', () => {
    const recovering = commits([1000, 300], [2000, 250], [3000, 280], [4000, 260], [5000, 240]);
    expect(statusAt(partition(recovering, 240), 600)).toBe('OK');
  });

  it('does not call a consumer stopped when a recent log-end offset shows it was caught up', () => {
    // commits 100..104 every 100 s, all with zero lag; then one new message (log end 105)
    const caughtUp = commits([100, 0], [101, 0], [102, 0], [103, 0], [104, 0]);
    // now 2000 s: 1500 s since the last commit > 400 s span -> stopped by timestamps alone
    expect(statusAt(partition(caughtUp, 1, { logEndOffset: 105 }), 2000)).toBe('STOP');
    // but the log end read a moment ago was 104 <= last commit 104: the producer was idle
    expect(statusAt(partition(caughtUp, 1, { logEndOffset: 105, recentLogEndOffsets: [104, 104] }), 2000)).toBe('OK');
  });

  it('handles a single commit in the window like Burrow', () => {
    const single = commits([1000, 50]); // committed at 100 s
    // at the commit instant: not stopped (0 > 0 is false); one offset is trivially "all the same" -> STALL
    expect(statusAt(partition(single, 50), 100, 10)).toBe('STALL');
    // 60 s later: 60 s > 0 s span -> STOP
    const evaluation = evaluatePartitionStatus(partition(single, 50), { nowMs: seconds(160) });
    expect(evaluation.status).toBe('STOP');
    expect(evaluation.complete).toBe(0.1); // 1 of the default 10 slots
    // Burrow's minimum-complete holds judgement until the window is half full
    expect(evaluatePartitionStatus(partition(single, 50), { nowMs: seconds(160), minimumComplete: 0.5 }).status).toBe('OK');
  });

  it('reports a window that is not full yet as complete < 1', () => {
    const five = commits([1000, 100], [2000, 150], [3000, 200], [4000, 250], [5000, 300]);
    const evaluation = evaluatePartitionStatus(partition(five, 300), { nowMs: seconds(600), windowSize: 10 });
    expect(evaluation.complete).toBe(0.5); // 5 / 10
    expect(evaluation.start?.committedOffset).toBe(1000);
    expect(evaluation.end?.committedOffset).toBe(5000);
  });

  it('keeps only the last windowSize commits, oldest dropped', () => {
    // a rewind (2000 -> 1000) in the two oldest commits falls out of a 5-commit window
    const offsets = commits([2000, 100], [1000, 150], [3000, 160], [4000, 170], [5000, 180], [6000, 190], [7000, 200]);
    const evaluation = evaluatePartitionStatus(partition(offsets, 200), { nowMs: seconds(800), windowSize: 5 });
    expect(evaluation.status).toBe('WARN');
    expect(evaluation.complete).toBe(1);
    expect(evaluation.start?.committedOffset).toBe(3000);
  });

  it('orders commits by time before judging them', () => {
    const slow = commits([1000, 100], [2000, 150], [3000, 200]);
    expect(statusAt(partition([...slow].reverse(), 200), 350, 3)).toBe('WARN');
  });

  it('rejects a window size that is not a positive integer', () => {
    expect(() => evaluatePartitionStatus(partition([], 0), { nowMs: 0, windowSize: 0 })).toThrow(RangeError);
  });

  it('is OK with complete 0 when nothing was committed yet', () => {
    expect(evaluatePartitionStatus(partition([], 500), { nowMs: 0 })).toMatchObject({ status: 'OK', complete: 0, start: null, end: null });
  });
});

describe('evaluateGroupStatus', () => {
  const nowMs = seconds(600);
  const ok = { ...partition(commits([1000, 0], [2000, 10]), 10), partition: 0 };
  const warn = { ...partition(commits([1000, 100], [2000, 150]), 150), partition: 1 };
  const stall = { ...partition(commits([1000, 100], [1000, 900]), 900), partition: 2 };

  it('reports STOP/STALL/REWIND partitions as group ERR, with maxlag and total lag', () => {
    // commits at 100 and 200 s span 100 s; at 250 s only 50 s passed since the last: nobody stopped
    const group = evaluateGroupStatus([ok, warn, stall], { nowMs: seconds(250), windowSize: 2 });
    expect(group.partitions.map((entry) => entry.status)).toEqual(['OK', 'WARN', 'STALL']);
    expect(group.status).toBe('ERR');
    expect(group.maxlag?.partition).toBe(2); // lag 900 is the largest
    expect(group.total_lag).toBe(1060); // 10 + 150 + 900
    expect(group.partition_count).toBe(3);
    expect(group.complete).toBe(1); // each window holds 2 of 2
  });

  it('is WARN when the worst partition is WARN', () => {
    expect(evaluateGroupStatus([ok, warn], { nowMs: seconds(250), windowSize: 2 }).status).toBe('WARN');
  });

  it('counts the fraction of partitions with a full window', () => {
    // windows of 2 commits with windowSize 4: none full
    expect(evaluateGroupStatus([ok, warn], { nowMs, windowSize: 4 }).complete).toBe(0);
  });

  it('is OK with complete 0 and no maxlag for a group without partitions', () => {
    expect(evaluateGroupStatus([], { nowMs })).toEqual({ status: 'OK', complete: 0, partitions: [], maxlag: null, total_lag: 0, partition_count: 0 });
  });
});
