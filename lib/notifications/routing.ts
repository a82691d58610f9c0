import { severityAtLeast, type AlertFacts, type AlertSeverityName } from './alert-facts';

/** The parts of a channel that decide which alerts it receives. */
export interface ChannelRoute {
  enabled: boolean;
  /** Null: every alert, whatever team owns it. */
  teamId: string | null;
  minSeverity: AlertSeverityName;
  /** Empty: every rule. */
  ruleIds: string[];
}

/** Whether a channel receives notifications about this alert. */
export function channelReceives(channel: ChannelRoute, alert: Pick<AlertFacts, 'teamIds' | 'severity' | 'ruleId'>): boolean {
  if (!channel.enabled) return false;
  if (channel.teamId !== null && !alert.teamIds.includes(channel.teamId)) return false;
  if (!severityAtLeast(alert.severity, channel.minSeverity)) return false;
  return channel.ruleIds.length === 0 || channel.ruleIds.includes(alert.ruleId);
}

/**
 * Whether a silence or an acknowledgement holds the alert back at `now`: nothing is sent while
 * silencedUntil is in the future; repeats also stop once someone acknowledged it.
 */
export function isSilenced(alert: Pick<AlertFacts, 'silencedUntil'>, nowMs: number): boolean {
  return alert.silencedUntil !== null && alert.silencedUntil.getTime() > nowMs;
}

/**
 * The repeat due now for a still-firing alert, numbered from its firing time (1 = one interval
 * after firing). Numbering by time rather than by count makes every dispatcher agree on it, so
 * the per-channel claim of `repeat:<alert>:<n>` stops a second one sending the same repeat.
 * Null when nothing is due: not firing, acknowledged, silenced, or no repeat interval.
 */
export function dueRepeatNumber(
  alert: Pick<AlertFacts, 'state' | 'firingSince' | 'acknowledgedAt' | 'silencedUntil'>,
  repeatIntervalSeconds: number | null,
  nowMs: number,
): number | null {
  if (repeatIntervalSeconds === null || repeatIntervalSeconds <= 0) return null;
  if (alert.state !== 'firing' || alert.firingSince === null || alert.acknowledgedAt !== null || isSilenced(alert, nowMs)) return null;
  const repeatNumber = Math.floor((nowMs - alert.firingSince.getTime()) / (repeatIntervalSeconds * 1000));
  return repeatNumber >= 1 ? repeatNumber : null;
}
