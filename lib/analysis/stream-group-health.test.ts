import { describe, expect, it } from 'vitest';
import { classifyStreamGroup, describeDurationMs, summarizeStreamGroupClasses } from './stream-group-health';

const quiet = { lag: 0, pending: 0, oldestPendingAgeMs: null, deadConsumerCount: 0 };

describe('classifyStreamGroup', () => {
  it('is healthy with no lag, nothing pending and no dead consumer', () => {
    expect(classifyStreamGroup(quiet)).toEqual({ health: 'healthy', reasons: [] });
  });

  it('calls the demo ticket group unhealthy: lag 0 but 41 entries pending for 2.3 h and a dead consumer', () => {
    // 2.3 h = 8,280,000 ms >= 15 min -> unhealthy; 41 < 50 pending -> no pending-count reason
    const result = classifyStreamGroup({ lag: 0, pending: 41, oldestPendingAgeMs: 8_280_000, deadConsumerCount: 1 });
    expect(result.health).toBe('unhealthy');
    expect(result.reasons).toEqual([
      'the oldest pending entry has waited 2.3 h (over 15 min)',
      '1 consumer holds pending entries and stopped reading (dead-consumer candidate)',
    ]);
  });

  it('keeps the seed lag classes', () => {
    expect(classifyStreamGroup({ ...quiet, lag: 99 }).health).toBe('healthy');
    expect(classifyStreamGroup({ ...quiet, lag: 100 })).toEqual({ health: 'degraded', reasons: ['100 entries not yet read (degraded from 100)'] });
    expect(classifyStreamGroup({ ...quiet, lag: 1000 }).health).toBe('unhealthy');
  });

  it("uses seed 003's pending levels: 50 degrades, above 500 is unhealthy", () => {
    expect(classifyStreamGroup({ ...quiet, pending: 49, oldestPendingAgeMs: 1_000 }).health).toBe('healthy');
    expect(classifyStreamGroup({ ...quiet, pending: 50, oldestPendingAgeMs: 1_000 }).reasons).toEqual(['50 entries delivered but not acknowledged (50 or more)']);
    expect(classifyStreamGroup({ ...quiet, pending: 500, oldestPendingAgeMs: 1_000 }).health).toBe('degraded');
    expect(classifyStreamGroup({ ...quiet, pending: 501, oldestPendingAgeMs: 1_000 }).health).toBe('unhealthy');
  });

  it('degrades from a one-minute-old pending entry and is unhealthy from 15 minutes', () => {
    expect(classifyStreamGroup({ ...quiet, pending: 1, oldestPendingAgeMs: 59_999 }).health).toBe('healthy');
    expect(classifyStreamGroup({ ...quiet, pending: 1, oldestPendingAgeMs: 60_000 }).health).toBe('degraded');
    expect(classifyStreamGroup({ ...quiet, pending: 1, oldestPendingAgeMs: 900_000 }).health).toBe('unhealthy');
    // an age with nothing pending (a stale summary) is not a signal
    expect(classifyStreamGroup({ ...quiet, pending: 0, oldestPendingAgeMs: 900_000 }).health).toBe('healthy');
  });

  it('takes custom rules', () => {
    const rules = { lag: { degraded: 5, unhealthy: 10 }, pending: { warning: 2, critical: 3 }, pendingAgeDegradedMs: 10, pendingAgeUnhealthyMs: 20 };
    expect(classifyStreamGroup({ ...quiet, lag: 5 }, rules).health).toBe('degraded');
    expect(classifyStreamGroup({ ...quiet, pending: 4, oldestPendingAgeMs: 0 }, rules).health).toBe('unhealthy');
    expect(classifyStreamGroup({ ...quiet, pending: 1, oldestPendingAgeMs: 15 }, rules).health).toBe('degraded');
  });

  it('keeps an unknown lag unknown unless another signal is unhealthy', () => {
    expect(classifyStreamGroup({ ...quiet, lag: null, deadConsumerCount: 1 }).health).toBe('unknown');
    expect(classifyStreamGroup({ ...quiet, lag: null, pending: 600, oldestPendingAgeMs: 0 }).health).toBe('unhealthy');
  });
});

describe('summarizeStreamGroupClasses', () => {
  it('counts classes and reports the worst', () => {
    expect(summarizeStreamGroupClasses(['healthy', 'degraded', 'healthy'])).toEqual({ status: 'degraded', counts: { healthy: 2, degraded: 1, unknown: 0, unhealthy: 0 } });
    expect(summarizeStreamGroupClasses(['unknown', 'unhealthy']).status).toBe('unhealthy');
    expect(summarizeStreamGroupClasses([]).status).toBe('healthy');
  });
});

describe('describeDurationMs', () => {
  it('picks one unit', () => {
    expect([describeDurationMs(45_000), describeDurationMs(720_000), describeDurationMs(8_280_000), describeDurationMs(267_840_000)]).toEqual(['45 s', '12 min', '2.3 h', '3.1 d']);
  });
});
