import { describe, expect, it } from 'vitest';
import { estimateTimeLagSeconds, type LogEndOffsetPoint } from './time-lag';

/** [log-end offset, time in s] pairs. */
function curve(...entries: [number, number][]): LogEndOffsetPoint[] {
  return entries.map(([logEndOffset, timeSeconds]) => ({ logEndOffset, timestampMs: timeSeconds * 1000 }));
}

const steady = curve([100, 0], [200, 10], [300, 20]);

describe('estimateTimeLagSeconds', () => {
  it('interpolates where the committed offset sits on the log-end curve', () => {
    // 150 lies between (100, 0 s) and (200, 10 s): 0 + (150 - 100) * 10 s / 100 = 5 s
    // now 20 s: lag = 20 - 5 = 15 s
    expect(estimateTimeLagSeconds(steady, 150, 20_000)).toEqual({ lagSeconds: 15, method: 'interpolated' });
  });

  it('reads an offset that equals a point directly', () => {
    // log end was 200 at 10 s; now 20 s -> 10 s
    expect(estimateTimeLagSeconds(steady, 200, 20_000)).toEqual({ lagSeconds: 10, method: 'interpolated' });
  });

  it('is 0 when the consumer reached the newest log end', () => {
    expect(estimateTimeLagSeconds(steady, 300, 25_000)).toEqual({ lagSeconds: 0, method: 'caught_up' });
    expect(estimateTimeLagSeconds(steady, 301, 25_000)).toEqual({ lagSeconds: 0, method: 'caught_up' });
  });

  it('uses the latest time of a flat run, when the producer was idle', () => {
    // log end stayed 200 from 10 s to 40 s, then 300 at 50 s; committed 200 means the next record
    // (offset 200) was written after 40 s: lag = 50 - 40 = 10 s (the earliest time would say 40 s)
    const idleProducer = curve([100, 0], [200, 10], [200, 40], [300, 50]);
    expect(estimateTimeLagSeconds(idleProducer, 200, 50_000)).toEqual({ lagSeconds: 10, method: 'interpolated' });
    // 250 between (200, 40 s) and (300, 50 s): 40 + 50 * 10 / 100 = 45 s -> 50 - 45 = 5 s
    expect(estimateTimeLagSeconds(idleProducer, 250, 50_000)).toEqual({ lagSeconds: 5, method: 'interpolated' });
  });

  it('extrapolates below the oldest point along the whole trend', () => {
    // trend (100, 0 s) -> (300, 20 s): 20 s / 200 offsets = 0.1 s per offset
    // offset 50: 0 + (50 - 100) * 0.1 = -5 s; now 20 s: lag = 20 - (-5) = 25 s
    expect(estimateTimeLagSeconds(steady, 50, 20_000)).toEqual({ lagSeconds: 25, method: 'extrapolated' });
  });

  it('gives a flagged lower bound below a flat curve (no trend to follow)', () => {
    // log end 200 at both 0 s and 10 s; committed 150 already existed at 0 s: lag >= 30 - 0 = 30 s
    expect(estimateTimeLagSeconds(curve([200, 0], [200, 10]), 150, 30_000)).toEqual({ lagSeconds: 30, method: 'lower_bound' });
  });

  it('needs two points unless the consumer is caught up', () => {
    expect(estimateTimeLagSeconds([], 10, 0)).toBeNull();
    expect(estimateTimeLagSeconds(curve([300, 20]), 150, 30_000)).toBeNull();
    expect(estimateTimeLagSeconds(curve([300, 20]), 300, 30_000)).toEqual({ lagSeconds: 0, method: 'caught_up' });
  });

  it('sorts points and drops ones whose log end went backwards or repeat a time', () => {
    // (50, 15 s) goes back from 200 and is dropped; (250, 10 s) repeats 10 s and is dropped
    const messy = curve([300, 20], [100, 0], [50, 15], [200, 10], [250, 10]);
    expect(estimateTimeLagSeconds(messy, 150, 20_000)).toEqual({ lagSeconds: 15, method: 'interpolated' });
  });

  it('never goes negative when now is before the interpolated time', () => {
    // interpolated 5 s, now 2 s -> max(0, -3) = 0
    expect(estimateTimeLagSeconds(steady, 150, 2_000)?.lagSeconds).toBe(0);
  });
});
