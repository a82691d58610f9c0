import { describe, expect, it } from 'vitest';
import { fittedStartMs, formatAxisValue, formatSecondsHuman, formatTooltipValue } from './chart-units';

describe('chart units', () => {
  it('writes lag in time in the unit that fits', () => {
    expect([formatSecondsHuman(42), formatSecondsHuman(720), formatSecondsHuman(6_480), formatSecondsHuman(190_080)]).toEqual(['42 s', '12 min', '1.8 h', '2.2 d']);
  });

  it('compacts counts on axes and keeps them exact in tooltips', () => {
    expect(formatAxisValue(8_200, 'messages')).toBe('8.2K');
    expect(formatAxisValue(6_480, 's')).toBe('1.8 h');
    expect(formatTooltipValue(8_213, 'messages')).toBe('8,213 messages');
    expect(formatTooltipValue(null, 'entries')).toBe('—');
  });

  it('fits the time axis to a history shorter than the range', () => {
    const toMs = 6 * 3_600_000;
    // data from 5 h in: 1 h of data, padded by max(60 s, 3 % of 1 h = 108 s) = 108 s
    expect(fittedStartMs(0, toMs, 5 * 3_600_000)).toBe(5 * 3_600_000 - 108_000);
    expect(fittedStartMs(0, toMs, 0)).toBe(0);
    expect(fittedStartMs(0, toMs, null)).toBe(0);
    // a single fresh point still gets five minutes of axis
    expect(fittedStartMs(0, toMs, toMs)).toBe(toMs - 300_000);
  });
});
