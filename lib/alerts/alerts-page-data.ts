import 'server-only';
import type { Principal } from '@/lib/auth/principal';
import { getDb } from '@/lib/db';
import { visibleTeamScope } from '@/lib/teams/visibility';
import type { AlertJson, AlertListQuery } from './api-schemas';
import { listAlerts } from './list-alerts';

/** What the Alerts page renders: the principal's alerts with team names, and the moment they were read. */
export async function loadAlertsPage(principal: Principal, query: AlertListQuery) {
  const db = await getDb();
  const [list, teams] = await Promise.all([
    visibleTeamScope(principal).then((scope) => listAlerts(db, query, scope)),
    db.team.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  const renderedAtMs = Date.now();
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const rows = list.alerts.map((alert: AlertJson) => ({ ...alert, teamNames: alert.team_ids.map((id) => teamNames.get(id) ?? id), renderedAtMs }));
  return { rows, counts: list.counts, teams, renderedAtMs };
}
