import type { AlertCondition, AlertState } from './types';

/** An incident still open (pending or firing), as the planner needs it. */
export interface OpenAlert {
  id: string;
  key: string;
  ruleId: string;
  state: Exclude<AlertState, 'resolved'>;
  pendingSinceMs: number;
  peakValue: number;
  unit: string;
}

export interface TransitionPlan {
  /** New incidents: pending, or firing at once when the rule has no duration. */
  open: Array<{ condition: AlertCondition; state: 'pending' | 'firing' }>;
  /** Still breached: new figures; `fire` when a pending alert has now held for its duration. */
  update: Array<{ id: string; condition: AlertCondition; peakValue: number; fire: boolean }>;
  /** Cleared after firing: resolved, with a `resolved` event. */
  resolve: Array<{ id: string; value: number | null }>;
  /** Cleared while pending: it never fired, so it is removed without any event. */
  discard: string[];
}

/** The worse of two figures in the rule's direction, for the peak value. */
function worse(condition: AlertCondition, left: number, right: number): number {
  // A rule whose value alerts when low (SLO compliance, rebalance score) peaks at its minimum.
  return condition.value < condition.threshold ? Math.min(left, right) : Math.max(left, right);
}

/**
 * pending → firing → resolved, for one source at `nowMs`. Pure: the persistence layer applies
 * the plan (and re-checks each state in SQL, so two evaluators cannot both apply it).
 */
export function planTransitions(
  open: readonly OpenAlert[],
  conditions: readonly AlertCondition[],
  judgedRuleIds: ReadonlySet<string>,
  nowMs: number,
  figures: ReadonlyMap<string, number> = new Map(),
): TransitionPlan {
  const plan: TransitionPlan = { open: [], update: [], resolve: [], discard: [] };
  const openByKey = new Map(open.map((alert) => [alert.key, alert]));
  const seen = new Set<string>();
  for (const condition of conditions) {
    if (seen.has(condition.key)) continue;
    seen.add(condition.key);
    const existing = openByKey.get(condition.key);
    if (!existing) {
      plan.open.push({ condition, state: condition.forMs <= 0 ? 'firing' : 'pending' });
      continue;
    }
    const fire = existing.state === 'pending' && nowMs - existing.pendingSinceMs >= condition.forMs;
    plan.update.push({ id: existing.id, condition, peakValue: worse(condition, existing.peakValue, condition.value), fire });
  }
  for (const alert of open) {
    if (seen.has(alert.key) || !judgedRuleIds.has(alert.ruleId)) continue;
    if (alert.state === 'pending') plan.discard.push(alert.id);
    else plan.resolve.push({ id: alert.id, value: figures.get(alert.key) ?? null });
  }
  return plan;
}
