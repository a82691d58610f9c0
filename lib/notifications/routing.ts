import type { AlertFacts } from './alert-facts';

/**
 * Whether a silence holds the alert back at `now`: nothing is sent while silencedUntil is in the
 * future. (Which channel receives which alert is decided in SQL: lib/notifications/claim-deliveries.ts.)
 */
export function isSilenced(alert: Pick<AlertFacts, 'silencedUntil'>, nowMs: number): boolean {
  return alert.silencedUntil !== null && alert.silencedUntil.getTime() > nowMs;
}
