/**
 * What a notification needs to know about an alert and the event being delivered: plain data
 * read from the Alert and AlertEvent rows, so payload builders and routing stay pure.
 */
export type AlertSeverityName = 'info' | 'warning' | 'critical';
export type NotificationKind = 'firing' | 'resolved' | 'repeat' | 'test';

export interface AlertFacts {
  id: string;
  key: string;
  ruleId: string;
  severity: AlertSeverityName;
  state: 'pending' | 'firing' | 'resolved';
  source: string;
  clusterId: string | null;
  groupId: string | null;
  topic: string | null;
  stream: string | null;
  teamIds: string[];
  summary: string;
  value: number;
  threshold: number;
  peakValue: number;
  unit: string;
  firingSince: Date | null;
  resolvedAt: Date | null;
  acknowledgedAt: Date | null;
  silencedUntil: Date | null;
}

export interface NotificationFacts {
  kind: NotificationKind;
  /** The idempotency key: `event-<id>` for events, `repeat-<alert>-<n>` for repeats, `test-<id>`. */
  deliveryKey: string;
  eventId: number | null;
  /** When the event happened (or the repeat/test was made). */
  at: Date;
  /** The figure at that moment (the event's value, else the alert's current value). */
  value: number;
  alert: AlertFacts;
}
