import type { Prisma } from '@/lib/generated/prisma/client';
import type { DatabaseClient } from '@/lib/db/create-client';
import type { TeamScope } from '@/lib/teams/team-scope';
import { toAlertJson } from './alert-json';
import { isAlertVisible } from './alert-visibility';
import { alertListResponseSchema, type AlertListQuery } from './api-schemas';

/** Rows read before the team scope is applied: a bound, so a huge history cannot exhaust memory. */
const scanLimit = 5_000;

function whereOf(query: AlertListQuery): Prisma.AlertWhereInput {
  return {
    ...(query.state === 'all' ? {} : { state: query.state === 'open' ? { in: ['pending', 'firing'] } : query.state }),
    ...(query.severity ? { severity: query.severity } : {}),
    ...(query.team ? { teamIds: { has: query.team } } : {}),
    ...(query.cluster_id ? { clusterId: query.cluster_id } : {}),
    ...(query.rule ? { ruleId: query.rule } : {}),
    ...(query.group ? { groupId: query.group } : {}),
    ...(query.stream ? { stream: query.stream } : {}),
  };
}

/** The alerts a principal may see, newest first, with the open counts of what the filters match. */
export async function listAlerts(db: DatabaseClient, query: AlertListQuery, scope: TeamScope) {
  const rows = await db.alert.findMany({ where: whereOf(query), orderBy: [{ pendingSince: 'desc' }, { id: 'asc' }], take: scanLimit });
  const visible = rows.filter((row) => isAlertVisible(scope, row));
  const alerts = visible.slice(0, query.limit).map(toAlertJson);
  return alertListResponseSchema.parse({
    alerts,
    alert_count: alerts.length,
    counts: {
      pending: visible.filter((row) => row.state === 'pending').length,
      firing: visible.filter((row) => row.state === 'firing').length,
    },
  });
}
