import { describe, expect, it } from 'vitest';
import { findStuckPartitions, type PartitionLagSample } from './stuck';

const seconds = (value: number) => value * 1000;

/** [time in s, lag, committed offset] triples. */
function samples(...entries: [number, number | null, number | null][]): PartitionLagSample[] {
  return entries.map(([timeSeconds, lag, committedOffset]) => ({ timestampMs: seconds(timeSeconds), lag, committedOffset }));
}

// now 1000 s with the default 300 s window: the window starts at 700 s.
const options = { nowMs: seconds(1000) };
const orders = (partitionSamples: PartitionLagSample[]) => [{ topic: 'orders', partition: 3, samples: partitionSamples }];

describe('findStuckPartitions', () => {
  it('finds a partition whose lag rose while its offset stayed put across the window', () => {
    // anchor = newest sample at or before 700 s: 660 s (lag 100); then 720..960 s
    // lags 100 <= 150 <= 150 <= 200 <= 260 <= 300, net +200; offset 5000 throughout
    const history = orders(samples([600, 90, 4990], [660, 100, 5000], [720, 150, 5000], [780, 150, 5000], [840, 200, 5000], [900, 260, 5000], [960, 300, 5000]));
    expect(findStuckPartitions(history, options)).toEqual([
      { topic: 'orders', partition: 3, committedOffset: 5000, lagAtStart: 100, lagAtEnd: 300, startTimestampMs: seconds(660), endTimestampMs: seconds(960) },
    ]);
  });

  it('ignores what happened before the sample that anchors the window', () => {
    // the offset moved 4990 -> 5000 at 600..660 s, before the anchor (660 s): still stuck
    const history = orders(samples([600, 90, 4990], [660, 100, 5000], [960, 300, 5000]));
    expect(findStuckPartitions(history, options)).toHaveLength(1);
  });

  it('is not stuck when the committed offset advanced inside the window', () => {
    const history = orders(samples([660, 100, 5000], [800, 200, 5001], [960, 300, 5001]));
    expect(findStuckPartitions(history, options)).toEqual([]);
  });

  it('is not stuck when the lag fell at some point', () => {
    const history = orders(samples([660, 100, 5000], [800, 90, 5000], [960, 300, 5000]));
    expect(findStuckPartitions(history, options)).toEqual([]);
  });

  it('is not stuck when the lag did not rise overall (idle topic)', () => {
    const history = orders(samples([660, 100, 5000], [800, 100, 5000], [960, 100, 5000]));
    expect(findStuckPartitions(history, options)).toEqual([]);
  });

  it('needs history reaching back to the window start', () => {
    // first sample at 720 s > 700 s: the window is not covered yet
    const history = orders(samples([720, 100, 5000], [960, 300, 5000]));
    expect(findStuckPartitions(history, options)).toEqual([]);
  });

  it('needs at least two samples', () => {
    expect(findStuckPartitions(orders(samples([650, 100, 5000])), options)).toEqual([]);
  });

  it('does not judge a window with unknown lag or offset', () => {
    expect(findStuckPartitions(orders(samples([660, 100, 5000], [800, null, 5000], [960, 300, 5000])), options)).toEqual([]);
    expect(findStuckPartitions(orders(samples([660, null, null], [960, null, null])), options)).toEqual([]);
  });

  it('honours a custom window, unordered samples, and ignores samples after now', () => {
    // 60 s window from 940 s: anchor 900 s; the 1100 s sample is in the future and ignored
    const history = orders(samples([1100, 0, 9999], [960, 300, 5000], [900, 260, 5000]));
    expect(findStuckPartitions(history, { nowMs: seconds(1000), windowMs: seconds(60) })).toMatchObject([
      { lagAtStart: 260, lagAtEnd: 300, startTimestampMs: seconds(900), endTimestampMs: seconds(960) },
    ]);
  });
});
