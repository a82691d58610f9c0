import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { clientAddressFrom, SignInThrottle, type ThrottleDecision } from './sign-in-throttle';

/** The process's one sign-in throttle (on globalThis: Next's dev server re-runs modules). */
const holder = globalThis as typeof globalThis & { lagboardSignInThrottle?: SignInThrottle };

function throttle(): SignInThrottle {
  holder.lagboardSignInThrottle ??= new SignInThrottle(getConfig().security.signInThrottle);
  return holder.lagboardSignInThrottle;
}

type HeaderSource = { get(name: string): string | null };

export function checkSignIn(username: string, headers: HeaderSource): ThrottleDecision {
  return throttle().check(username, clientAddressFrom(headers));
}

export function recordSignInOutcome(username: string, headers: HeaderSource, succeeded: boolean): void {
  const address = clientAddressFrom(headers);
  if (succeeded) {
    throttle().recordSuccess(username);
    return;
  }
  throttle().recordFailure(username, address);
  log.info('auth.sign_in_failed', { username: username.slice(0, 64), address });
}

/** next-auth hands authorize() the request headers as a plain object. */
export function headersFromRecord(record: Record<string, unknown> | undefined): HeaderSource {
  return {
    get(name: string) {
      const value = record?.[name] ?? record?.[name.toLowerCase()];
      if (Array.isArray(value)) return value.map(String).join(', ');
      return typeof value === 'string' ? value : null;
    },
  };
}
