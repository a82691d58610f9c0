/** Plain types shared by the alert rules, the evaluator and the API. No I/O here. */

export type AlertSeverity = 'info' | 'warning' | 'critical';
export type AlertState = 'pending' | 'firing' | 'resolved';
/** Unit of an alert's value, threshold and peak value (the Alert table's `unit`). */
export type AlertUnit = 'messages' | 'seconds' | 'ratio' | 'percent' | 'count';

export const alertSeverities = ['info', 'warning', 'critical'] as const;
export const alertStates = ['pending', 'firing', 'resolved'] as const;

/**
 * One rule violated right now on one resource. The evaluator turns conditions into incidents:
 * a new key opens one (pending, or firing at once when `forMs` is 0), a known key updates it.
 */
export interface AlertCondition {
  /** Stable identity: `<rule>|<source>|<resource>`, e.g. `kafka.slo_violation|kafka:local|group:orders`. */
  key: string;
  ruleId: string;
  severity: AlertSeverity;
  /** `kafka:<cluster id>` or `redis`. */
  source: string;
  clusterId: string | null;
  groupId: string | null;
  topic: string | null;
  stream: string | null;
  /** Owning teams, most specific first. */
  teamIds: string[];
  summary: string;
  value: number;
  threshold: number;
  unit: AlertUnit;
  /** How long the condition must hold before the alert fires. */
  forMs: number;
}

/** What a rule's settings resolve to for one resource (rule-settings.ts). */
export interface EffectiveRule {
  enabled: boolean;
  severity: AlertSeverity;
  threshold: number;
  forSeconds: number;
}
