import { describe, expect, it } from 'vitest';
import { classifyPending, classifyStreamLag, summarizeStreamHealth } from './stream-health';

describe('classifyStreamLag', () => {
  it('uses seed 000 boundaries: < 100 healthy, 100..999 degraded, >= 1000 unhealthy', () => {
    expect(classifyStreamLag(0)).toBe('healthy');
    expect(classifyStreamLag(99)).toBe('healthy');
    expect(classifyStreamLag(100)).toBe('degraded');
    expect(classifyStreamLag(999)).toBe('degraded');
    expect(classifyStreamLag(1000)).toBe('unhealthy');
  });

  it('says unknown for nil lag and the -1 error marker', () => {
    expect(classifyStreamLag(null)).toBe('unknown');
    expect(classifyStreamLag(-1)).toBe('unknown');
  });

  it('takes custom thresholds', () => {
    expect(classifyStreamLag(10, { degraded: 10, unhealthy: 20 })).toBe('degraded');
    expect(classifyStreamLag(20, { degraded: 10, unhealthy: 20 })).toBe('unhealthy');
  });
});

describe('summarizeStreamHealth', () => {
  it("aggregates like seed 000's health endpoint", () => {
    // seed 001's example lags 123, 45, 0. Its sample response says "healthy", but by the seed's
    // code 123 >= 100 is degraded: healthy 2, degraded 1 -> degraded; max 123; total 123 + 45 + 0 = 168
    expect(summarizeStreamHealth([123, 45, 0])).toEqual({
      status: 'degraded',
      streams: { healthy: 2, degraded: 1, unhealthy: 0 },
      max_lag: 123,
      total_lag: 168,
    });
  });

  it('counts a stream that could not be read as unhealthy, outside the sums', () => {
    // 45 healthy, null unhealthy, 1200 unhealthy -> unhealthy; max 1200; total 45 + 1200 = 1245
    expect(summarizeStreamHealth([45, null, 1200])).toEqual({
      status: 'unhealthy',
      streams: { healthy: 1, degraded: 0, unhealthy: 2 },
      max_lag: 1200,
      total_lag: 1245,
    });
    expect(summarizeStreamHealth([-1]).streams.unhealthy).toBe(1);
  });

  it('is healthy with zeros for no streams', () => {
    expect(summarizeStreamHealth([])).toEqual({ status: 'healthy', streams: { healthy: 0, degraded: 0, unhealthy: 0 }, max_lag: 0, total_lag: 0 });
  });
});

describe('classifyPending', () => {
  it('uses seed 003 levels: < 50 good, 50..500 warning, > 500 critical', () => {
    expect(classifyPending(49)).toBe('good');
    expect(classifyPending(50)).toBe('warning');
    expect(classifyPending(500)).toBe('warning');
    expect(classifyPending(501)).toBe('critical');
    expect(classifyPending(null)).toBe('unknown');
    expect(classifyPending(5, { warning: 5, critical: 10 })).toBe('warning');
  });
});
