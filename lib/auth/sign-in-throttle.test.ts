import { describe, expect, it } from 'vitest';
import { clientAddressFrom, SignInThrottle } from './sign-in-throttle';

function throttleAt(startMs = 1_000_000, overrides: Partial<ConstructorParameters<typeof SignInThrottle>[0]> = {}) {
  const clock = { nowMs: startMs };
  const throttle = new SignInThrottle({ freeAttemptsPerUser: 3, freeAttemptsPerAddress: 10, maxLockMs: 60_000, maxEntries: 100, ...overrides }, () => clock.nowMs);
  return { throttle, clock };
}

describe('SignInThrottle', () => {
  it('allows the free attempts, then locks the user for a doubling time', () => {
    const { throttle, clock } = throttleAt();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(throttle.check('alice', '10.0.0.1').allowed).toBe(true);
      throttle.recordFailure('alice', '10.0.0.1');
    }
    // Three failures are free; the fourth locks for 1 s, the fifth for 2 s, the sixth for 4 s.
    expect(throttle.check('alice', '10.0.0.1')).toEqual({ allowed: true, retryAfterMs: 0 });
    throttle.recordFailure('alice', '10.0.0.1');
    expect(throttle.check('alice', '10.0.0.2')).toEqual({ allowed: false, retryAfterMs: 1_000 });
    clock.nowMs += 1_000;
    throttle.recordFailure('alice', '10.0.0.2');
    expect(throttle.check('ALICE', '10.0.0.3')).toEqual({ allowed: false, retryAfterMs: 2_000 });
    clock.nowMs += 2_000;
    throttle.recordFailure('alice', '10.0.0.3');
    expect(throttle.check('alice', '10.0.0.4').retryAfterMs).toBe(4_000);
    // Another user from the same address is not locked by alice's failures.
    expect(throttle.check('bob', '10.0.0.1').allowed).toBe(true);
  });

  it('caps the lock at maxLockMs', () => {
    const { throttle, clock } = throttleAt();
    for (let attempt = 0; attempt < 30; attempt += 1) {
      throttle.recordFailure('alice', `10.0.0.${attempt}`);
      clock.nowMs += 1;
    }
    expect(throttle.check('alice', '10.9.9.9').retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(throttle.check('alice', '10.9.9.9').retryAfterMs).toBeGreaterThan(59_000);
  });

  it('locks an address that tries many user names', () => {
    const { throttle } = throttleAt();
    for (let attempt = 0; attempt < 11; attempt += 1) throttle.recordFailure(`user-${attempt}`, '10.0.0.9');
    expect(throttle.check('someone-new', '10.0.0.9')).toEqual({ allowed: false, retryAfterMs: 1_000 });
    expect(throttle.check('someone-new', '10.0.0.8').allowed).toBe(true);
  });

  it('forgets a user\'s failures after a success, and every key after a quiet period', () => {
    const { throttle, clock } = throttleAt();
    for (let attempt = 0; attempt < 4; attempt += 1) throttle.recordFailure('alice', '10.0.0.1');
    throttle.recordSuccess('alice');
    expect(throttle.check('alice', '10.0.0.2').allowed).toBe(true);
    for (let attempt = 0; attempt < 4; attempt += 1) throttle.recordFailure('carol', '10.0.0.3');
    clock.nowMs += 120_001;
    expect(throttle.check('carol', '10.0.0.3').allowed).toBe(true);
    throttle.recordFailure('carol', '10.0.0.3');
    expect(throttle.check('carol', '10.0.0.3').allowed).toBe(true);
  });

  it('holds at most maxEntries keys', () => {
    const { throttle } = throttleAt(0, { maxEntries: 50 });
    for (let attempt = 0; attempt < 10_000; attempt += 1) throttle.recordFailure(`user-${attempt}`, `address-${attempt}`);
    expect(throttle.size).toBe(50);
  });
});

describe('clientAddressFrom', () => {
  it('takes the nearest proxy\'s entry, then X-Real-IP', () => {
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '1.1.1.1, 10.0.0.5' }))).toBe('10.0.0.5');
    expect(clientAddressFrom(new Headers({ 'x-real-ip': '10.0.0.6' }))).toBe('10.0.0.6');
    expect(clientAddressFrom(new Headers())).toBe('unknown');
  });
});
