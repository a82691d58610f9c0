import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { Principal } from '@/lib/auth/principal';
import { hasRole } from '@/lib/auth/roles';
import { describeError, log } from '@/lib/log';
import type { ActionName } from './action-names';
import { writeAuditEntry, type AuditTarget } from './audit-log';

export interface AuditedOutcome<Result> {
  result: Result;
  before?: unknown;
  after?: unknown;
}

export interface AuditedAction<Result> extends AuditTarget {
  principal: Principal;
  action: ActionName;
  parameters: unknown;
  /** Filled by the action as it learns them, so a refusal or failure is logged with what was known. */
  context?: { before?: unknown };
  run(context: { before?: unknown }): Promise<AuditedOutcome<Result>>;
}

/** Previews are not audited, but they show offsets and members to change: operators only. */
export function requireOperator(principal: Principal): void {
  if (!hasRole(principal.role, 'operator')) {
    throw new ApiError(403, 'forbidden', 'Operator actions need the operator role');
  }
}

/**
 * Runs a state-changing action and writes its audit entry whatever happens: `succeeded`,
 * `refused` (a 4xx: role, live members, pending entries, bad target) or `failed` (the source
 * answered an error or could not be reached). The role check is here, not only in the route
 * wrapper, so a viewer's attempt is logged too. Errors are re-thrown for the route to map.
 */
export async function runAudited<Result extends object>(action: AuditedAction<Result>): Promise<Result & { audit_id: string }> {
  const context: { before?: unknown } = {};
  const base = {
    principal: action.principal,
    action: action.action,
    source: action.source,
    clusterId: action.clusterId ?? null,
    groupId: action.groupId ?? null,
    topic: action.topic ?? null,
    stream: action.stream ?? null,
    parameters: action.parameters,
  };
  let outcome: AuditedOutcome<Result>;
  try {
    requireOperator(action.principal);
    outcome = await action.run(context);
  } catch (error) {
    const status = error instanceof ApiError ? error.status : 500;
    const message = error instanceof ApiError ? error.message : 'Internal error';
    try {
      await writeAuditEntry({ ...base, outcome: status < 500 ? 'refused' : 'failed', status, message, before: context.before });
    } catch (auditError) {
      log.error('actions.audit_write_failed', { action: action.action, error: describeError(auditError) });
    }
    throw error;
  }
  const auditId = await writeAuditEntry({ ...base, outcome: 'succeeded', status: 200, before: outcome.before, after: outcome.after });
  return { ...outcome.result, audit_id: auditId };
}
