import { classifyPending, classifyStreamLag, type PendingThresholds, type StreamLagClass, type StreamLagThresholds } from './stream-health';

/**
 * The health class of one Redis consumer group from every signal that says work is waiting,
 * not from lag alone: a group can have read every entry (lag 0) while 41 of them sit pending
 * for hours with a consumer that stopped. The worst signal wins.
 *
 * - lag: seed 000's classes (degraded from 100 entries, unhealthy from 1000);
 * - pending count: seed 003's classes (warning from 50 → degraded, critical above 500 → unhealthy);
 * - oldest pending age (from the entry's ID): degraded from 1 minute, unhealthy from 15 minutes,
 *   because an entry unacknowledged that long is not being worked on;
 * - dead-consumer candidates (pending entries, idle beyond DEAD_CONSUMER_IDLE_MS): degraded,
 *   since their entries wait until another consumer claims them.
 *
 * An unknown lag stays `unknown` unless another signal is already `unhealthy`.
 */
export interface StreamGroupSignals {
  lag: number | null;
  pending: number | null;
  oldestPendingAgeMs: number | null;
  deadConsumerCount: number;
}

export interface StreamGroupHealthRules {
  lag?: StreamLagThresholds;
  pending?: PendingThresholds;
  pendingAgeDegradedMs?: number;
  pendingAgeUnhealthyMs?: number;
}

export interface StreamGroupHealth {
  health: StreamLagClass;
  /** Why the class is not healthy, in plain words with the numbers behind it; empty when healthy. */
  reasons: string[];
}

export const defaultPendingAgeDegradedMs = 60_000;
export const defaultPendingAgeUnhealthyMs = 15 * 60_000;

const severity: Record<StreamLagClass, number> = { healthy: 0, degraded: 1, unknown: 2, unhealthy: 3 };

function worse(left: StreamLagClass, right: StreamLagClass): StreamLagClass {
  return severity[right] > severity[left] ? right : left;
}

/** A short human duration for reasons: "45 s", "12 min", "2.3 h", "3.1 d". */
export function describeDurationMs(durationMs: number): string {
  const seconds = durationMs / 1000;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

const entries = (count: number) => `${count.toLocaleString('en-US')} ${count === 1 ? 'entry' : 'entries'}`;

export function classifyStreamGroup(signals: StreamGroupSignals, rules: StreamGroupHealthRules = {}): StreamGroupHealth {
  const lagThresholds = { degraded: rules.lag?.degraded ?? 100, unhealthy: rules.lag?.unhealthy ?? 1000 };
  const pendingThresholds = { warning: rules.pending?.warning ?? 50, critical: rules.pending?.critical ?? 500 };
  const ageDegradedMs = rules.pendingAgeDegradedMs ?? defaultPendingAgeDegradedMs;
  const ageUnhealthyMs = rules.pendingAgeUnhealthyMs ?? defaultPendingAgeUnhealthyMs;
  const reasons: string[] = [];

  let health = classifyStreamLag(signals.lag, lagThresholds);
  if (health === 'unknown') reasons.push('Redis could not report the lag');
  if (health === 'degraded' || health === 'unhealthy') {
    const limit = health === 'unhealthy' ? lagThresholds.unhealthy : lagThresholds.degraded;
    reasons.push(`${entries(signals.lag ?? 0)} not yet read (${health} from ${limit.toLocaleString('en-US')})`);
  }

  const pendingClass = classifyPending(signals.pending, pendingThresholds);
  if (pendingClass === 'warning' || pendingClass === 'critical') {
    health = worse(health, pendingClass === 'critical' ? 'unhealthy' : 'degraded');
    const rule = pendingClass === 'critical' ? `above ${pendingThresholds.critical}` : `${pendingThresholds.warning} or more`;
    reasons.push(`${entries(signals.pending ?? 0)} delivered but not acknowledged (${rule})`);
  }

  const age = signals.oldestPendingAgeMs;
  if ((signals.pending ?? 0) > 0 && age !== null && age >= ageDegradedMs) {
    health = worse(health, age >= ageUnhealthyMs ? 'unhealthy' : 'degraded');
    const limit = age >= ageUnhealthyMs ? ageUnhealthyMs : ageDegradedMs;
    reasons.push(`the oldest pending entry has waited ${describeDurationMs(age)} (over ${describeDurationMs(limit)})`);
  }

  if (signals.deadConsumerCount > 0) {
    health = worse(health, 'degraded');
    const who = signals.deadConsumerCount === 1 ? '1 consumer holds' : `${signals.deadConsumerCount} consumers hold`;
    reasons.push(`${who} pending entries and stopped reading (dead-consumer candidate)`);
  }
  return { health, reasons };
}

/** Counts of groups per class, and the worst class (healthy when there are none). */
export function summarizeStreamGroupClasses(classes: readonly StreamLagClass[]): { status: StreamLagClass; counts: Record<StreamLagClass, number> } {
  const counts: Record<StreamLagClass, number> = { healthy: 0, degraded: 0, unknown: 0, unhealthy: 0 };
  let status: StreamLagClass = 'healthy';
  for (const groupClass of classes) {
    counts[groupClass] += 1;
    status = worse(status, groupClass);
  }
  return { status, counts };
}
