import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';

describe('ManualClock', () => {
  it('runs due callbacks in time order, at their due time, and skips cancelled ones', () => {
    const clock = new ManualClock(1_000);
    const seen: string[] = [];
    clock.schedule(() => seen.push(`b@${clock.nowMs()}`), 200);
    clock.schedule(() => seen.push(`a@${clock.nowMs()}`), 100);
    const cancel = clock.schedule(() => seen.push('cancelled'), 150);
    cancel();
    clock.advance(150);
    expect(seen).toEqual(['a@1100']);
    expect(clock.nowMs()).toBe(1_150);
    clock.advance(100);
    expect(seen).toEqual(['a@1100', 'b@1200']);
    expect(clock.nowMs()).toBe(1_250);
    expect(clock.pendingCount).toBe(0);
  });

  it('runs callbacks scheduled by callbacks when they fall due within the same advance', () => {
    const clock = new ManualClock(0);
    const times: number[] = [];
    const tick = () => {
      times.push(clock.nowMs());
      clock.schedule(tick, 30);
    };
    clock.schedule(tick, 0);
    clock.advance(100);
    expect(times).toEqual([0, 30, 60, 90]);
  });
});
