import { describe, expect, it } from 'vitest';
import { channelReceives, dueRepeatNumber } from './routing';

const alert = { teamIds: ['team-a'], severity: 'warning' as const, ruleId: 'kafka.slo_violation' };
const everything = { enabled: true, teamId: null, minSeverity: 'info' as const, ruleIds: [] };

describe('channelReceives', () => {
  it('a channel without a team receives every alert; a team channel only its team\'s', () => {
    expect(channelReceives(everything, alert)).toBe(true);
    expect(channelReceives(everything, { ...alert, teamIds: [] })).toBe(true);
    expect(channelReceives({ ...everything, teamId: 'team-a' }, alert)).toBe(true);
    expect(channelReceives({ ...everything, teamId: 'team-b' }, alert)).toBe(false);
    expect(channelReceives({ ...everything, teamId: 'team-a' }, { ...alert, teamIds: [] })).toBe(false);
  });

  it('filters by minimum severity and by rule ids, and a disabled channel receives nothing', () => {
    expect(channelReceives({ ...everything, minSeverity: 'warning' }, alert)).toBe(true);
    expect(channelReceives({ ...everything, minSeverity: 'critical' }, alert)).toBe(false);
    expect(channelReceives({ ...everything, minSeverity: 'critical' }, { ...alert, severity: 'critical' })).toBe(true);
    expect(channelReceives({ ...everything, ruleIds: ['kafka.slo_violation', 'redis.pending_high'] }, alert)).toBe(true);
    expect(channelReceives({ ...everything, ruleIds: ['redis.pending_high'] }, alert)).toBe(false);
    expect(channelReceives({ ...everything, enabled: false }, alert)).toBe(false);
  });
});

describe('dueRepeatNumber', () => {
  const firingSince = new Date(1_000_000);
  const firing = { state: 'firing' as const, firingSince, acknowledgedAt: null, silencedUntil: null };

  it('numbers repeats by whole intervals since firing', () => {
    expect(dueRepeatNumber(firing, 300, 1_000_000 + 299_999)).toBeNull();
    expect(dueRepeatNumber(firing, 300, 1_000_000 + 300_000)).toBe(1);
    expect(dueRepeatNumber(firing, 300, 1_000_000 + 899_999)).toBe(2);
  });

  it('never repeats without an interval, once acknowledged, while silenced or after resolving', () => {
    const later = 1_000_000 + 3_600_000;
    expect(dueRepeatNumber(firing, null, later)).toBeNull();
    expect(dueRepeatNumber({ ...firing, acknowledgedAt: new Date(1_500_000) }, 300, later)).toBeNull();
    expect(dueRepeatNumber({ ...firing, silencedUntil: new Date(later + 1) }, 300, later)).toBeNull();
    expect(dueRepeatNumber({ ...firing, silencedUntil: new Date(later) }, 300, later)).toBe(12);
    expect(dueRepeatNumber({ ...firing, state: 'resolved' }, 300, later)).toBeNull();
  });
});
