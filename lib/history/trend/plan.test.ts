import { describe, expect, it } from 'vitest';
import { planSeries } from './plan';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
// A Monday, 00:00 UTC: aligned to every step used below.
const now = Date.UTC(2026, 10, 23);

describe('planSeries', () => {
  it('reads a short recent range from raw points at the requested step', () => {
    const plan = planSeries({ fromMs: now - hour, toMs: now, requestedStepMs: 30_000, rolledUntilMs: now - 5 * minute, oldestRawMs: now - 2 * day });
    expect(plan).toEqual({ stepMs: 30_000, alignedFromMs: now - hour, alignedToMs: now, rollup: null, raw: { fromMs: now - hour, toMs: now } });
  });

  it('grows the step so a long range stays within 1,000 points, and reads rollups up to the watermark', () => {
    const plan = planSeries({ fromMs: now - 7 * day, toMs: now, requestedStepMs: null, rolledUntilMs: now - 5 * minute, oldestRawMs: now - 2 * day });
    // 7 d / 998 = 606 s -> the next readable step: 15 min (672 points)
    expect(plan.stepMs).toBe(15 * minute);
    expect((plan.alignedToMs - plan.alignedFromMs) / plan.stepMs).toBeLessThanOrEqual(1_000);
    expect(plan.rollup).toEqual({ fromMs: now - 7 * day, toMs: now - 15 * minute });
    expect(plan.raw).toEqual({ fromMs: now - 15 * minute, toMs: now });
  });

  it('switches to 5-minute multiples when a short step reaches back beyond the raw points', () => {
    const plan = planSeries({ fromMs: now - 3 * day, toMs: now - 2 * day, requestedStepMs: 60_000, rolledUntilMs: now - 5 * minute, oldestRawMs: now - 2 * day });
    expect(plan.stepMs).toBe(5 * minute);
    expect(plan.rollup).toEqual({ fromMs: now - 3 * day, toMs: now - 2 * day });
    expect(plan.raw).toBeNull();
  });

  it('aligns unaligned ends outward to whole buckets', () => {
    const plan = planSeries({ fromMs: now - hour + 7_000, toMs: now - 3_000, requestedStepMs: 60_000, rolledUntilMs: null, oldestRawMs: now - day });
    expect(plan.alignedFromMs).toBe(now - hour);
    expect(plan.alignedToMs).toBe(now);
  });

  it('reads only raw points when there are no rollups yet', () => {
    const plan = planSeries({ fromMs: now - 7 * day, toMs: now, requestedStepMs: null, rolledUntilMs: null, oldestRawMs: null });
    expect(plan.rollup).toBeNull();
    expect(plan.raw).toEqual({ fromMs: plan.alignedFromMs, toMs: plan.alignedToMs });
  });

  it('picks readable steps, and keeps a requested step that is large enough', () => {
    expect(planSeries({ fromMs: now - 3 * day, toMs: now, requestedStepMs: null, rolledUntilMs: null, oldestRawMs: null }).stepMs).toBe(5 * minute);
    expect(planSeries({ fromMs: now - 30 * day, toMs: now, requestedStepMs: null, rolledUntilMs: null, oldestRawMs: null }).stepMs).toBe(hour);
    expect(planSeries({ fromMs: now - hour, toMs: now, requestedStepMs: 7_000, rolledUntilMs: null, oldestRawMs: null }).stepMs).toBe(7_000);
    expect(planSeries({ fromMs: now - 900 * day, toMs: now, requestedStepMs: null, rolledUntilMs: null, oldestRawMs: null, maxPoints: 10 }).stepMs).toBe(113 * day);
  });

  it('never returns a step below one second or more than maxPoints buckets', () => {
    expect(planSeries({ fromMs: now - 10_000, toMs: now, requestedStepMs: 1, rolledUntilMs: null, oldestRawMs: null }).stepMs).toBe(1_000);
    for (const rangeMs of [minute, hour, day, 30 * day, 400 * day]) {
      const plan = planSeries({ fromMs: now - rangeMs + 1_234, toMs: now - 567, requestedStepMs: null, rolledUntilMs: now, oldestRawMs: now - 2 * day });
      expect((plan.alignedToMs - plan.alignedFromMs) / plan.stepMs).toBeLessThanOrEqual(1_000);
    }
  });
});
