import { describe, expect, it } from 'vitest';
import { isGroupHealthy } from './group-attention';

const healthy = { slo_met: true, status: 'OK' as const, member_count: 2, total_lag: 40, data_loss_count: 0 };

describe('isGroupHealthy', () => {
  it('keeps a group that meets its SLO with OK status out of the worst lists, even with some lag', () => {
    expect(isGroupHealthy(healthy)).toBe(true);
    expect(isGroupHealthy({ ...healthy, status: null })).toBe(true);
  });

  it('counts a missed SLO, WARN/ERR, lag without members and data loss', () => {
    expect(isGroupHealthy({ ...healthy, slo_met: false })).toBe(false);
    expect(isGroupHealthy({ ...healthy, status: 'WARN' })).toBe(false);
    expect(isGroupHealthy({ ...healthy, status: 'ERR' })).toBe(false);
    expect(isGroupHealthy({ ...healthy, member_count: 0 })).toBe(false);
    expect(isGroupHealthy({ ...healthy, member_count: 0, total_lag: 0 })).toBe(true);
    expect(isGroupHealthy({ ...healthy, data_loss_count: 1 })).toBe(false);
  });
});
