import { describe, expect, it } from 'vitest';
import { fittingChartRange } from './fitting-range';

describe('fittingChartRange', () => {
  it('opens on the smallest range holding the history, never longer than 6 h', () => {
    expect(fittingChartRange(40 * 60_000)).toBe('1h');
    expect(fittingChartRange(3_600_000)).toBe('1h');
    expect(fittingChartRange(3_600_001)).toBe('6h');
    expect(fittingChartRange(3 * 86_400_000)).toBe('6h');
    expect(fittingChartRange(null)).toBe('6h');
  });
});
