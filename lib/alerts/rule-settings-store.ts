import type { DatabaseClient } from '@/lib/db/create-client';
import type { RuleOverride, OverrideScope } from './rule-settings';

/** Every stored rule setting (a few per rule and scope: read whole for each evaluation). */
export async function loadRuleOverrides(db: DatabaseClient): Promise<RuleOverride[]> {
  const rows = await db.alertRuleSetting.findMany({ orderBy: [{ ruleId: 'asc' }, { scope: 'asc' }, { target: 'asc' }] });
  return rows.map((row) => ({
    ruleId: row.ruleId,
    scope: row.scope as OverrideScope,
    target: row.target,
    enabled: row.enabled,
    severity: row.severity,
    threshold: row.threshold,
    forSeconds: row.forSeconds,
  }));
}

export interface RuleSettingChange {
  ruleId: string;
  scope: OverrideScope;
  target: string;
  enabled: boolean | null;
  severity: RuleOverride['severity'];
  threshold: number | null;
  forSeconds: number | null;
}

/** Creates or replaces one setting row; a row whose fields are all null is removed (it would change nothing). */
export async function saveRuleSetting(db: DatabaseClient, change: RuleSettingChange, actor: string): Promise<RuleOverride | null> {
  const where = { ruleId_scope_target: { ruleId: change.ruleId, scope: change.scope, target: change.target } };
  const fields = { enabled: change.enabled, severity: change.severity, threshold: change.threshold, forSeconds: change.forSeconds };
  if (Object.values(fields).every((value) => value === null)) {
    await db.alertRuleSetting.deleteMany({ where: { ruleId: change.ruleId, scope: change.scope, target: change.target } });
    return null;
  }
  await db.alertRuleSetting.upsert({ where, create: { ...where.ruleId_scope_target, ...fields, updatedBy: actor }, update: { ...fields, updatedBy: actor } });
  return { ...where.ruleId_scope_target, ...fields };
}

export async function deleteRuleSetting(db: DatabaseClient, ruleId: string, scope: OverrideScope, target: string): Promise<boolean> {
  const deleted = await db.alertRuleSetting.deleteMany({ where: { ruleId, scope, target } });
  return deleted.count > 0;
}
