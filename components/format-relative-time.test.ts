import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './format-relative-time';

describe('formatRelativeTime', () => {
  const nowMs = Date.UTC(2026, 11, 4, 21, 0, 0);
  it('uses one unit, rounded', () => {
    expect(formatRelativeTime(nowMs - 2_000, nowMs)).toBe('just now');
    expect(formatRelativeTime(nowMs - 42_000, nowMs)).toBe('42 s ago');
    expect(formatRelativeTime(nowMs - 12 * 60_000, nowMs)).toBe('12 min ago');
    expect(formatRelativeTime(nowMs - 8_280_000, nowMs)).toBe('2.3 h ago');
    expect(formatRelativeTime(nowMs - 3 * 86_400_000, nowMs)).toBe('3 d ago');
    expect(formatRelativeTime(nowMs + 30_000, nowMs)).toBe('in 30 s');
  });
});
