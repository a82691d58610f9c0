import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { Principal } from '@/lib/auth/principal';
import { hasRole } from '@/lib/auth/roles';
import { visibleTeamScope } from '@/lib/teams/visibility';
import { isVisibleInScope } from '@/lib/teams/team-scope';
import type { AuditListResponse, AuditQuery } from './api-schemas';
import { auditEntryJson, readAuditEntries } from './audit-log';

// An operator's entries are filtered after the read; reading a few times the limit keeps a
// page full when other teams' entries are mixed in, without an unbounded scan.
const operatorScanFactor = 5;

/**
 * Admins see every entry. Operators see the entries about groups and streams they may see (their
 * teams' and unowned ones), as on the pages. Viewers get 403: the log names people and actions.
 */
export async function listAuditEntries(principal: Principal, query: AuditQuery): Promise<AuditListResponse> {
  if (!hasRole(principal.role, 'operator')) {
    throw new ApiError(403, 'forbidden', 'The audit log needs the operator role');
  }
  if (principal.role === 'admin') {
    const entries = (await readAuditEntries(query, query.limit)).map(auditEntryJson);
    return { entries, count: entries.length, limit: query.limit };
  }
  const scope = await visibleTeamScope(principal);
  const rows = await readAuditEntries(query, query.limit * operatorScanFactor);
  const visible = rows.filter((row) => row.source === 'redis'
    ? isVisibleInScope(scope, { kind: 'redis_stream', name: row.stream ?? '', clusterId: null })
    : isVisibleInScope(scope, { kind: 'kafka_group', name: row.groupId ?? '', clusterId: row.clusterId }));
  const entries = visible.slice(0, query.limit).map(auditEntryJson);
  return { entries, count: entries.length, limit: query.limit };
}
