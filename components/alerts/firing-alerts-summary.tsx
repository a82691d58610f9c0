import Link from 'next/link';
import { alertListQuerySchema } from '@/lib/alerts/api-schemas';
import { listAlerts } from '@/lib/alerts/list-alerts';
import { getDb } from '@/lib/db';
import type { TeamScope } from '@/lib/teams/team-scope';

/** The overview's line of open alerts in the viewer's (or the team view's) scope, linking to the Alerts page. */
export async function FiringAlertsSummary({ scope, teamId }: { scope: TeamScope; teamId: string | null }) {
  const { counts } = await listAlerts(await getDb(), alertListQuerySchema.parse({ limit: 1, ...(teamId ? { team: teamId } : {}) }), scope);
  const href = `/alerts?state=firing${teamId ? `&team=${encodeURIComponent(teamId)}` : ''}`;
  return (
    <p data-testid="overview-alerts">
      {counts.firing > 0
        ? <Link href={href} className="badge bad alert-badge" data-alert-badge={counts.firing}>{counts.firing} firing alert{counts.firing === 1 ? '' : 's'}</Link>
        : <span className="badge ok">no firing alerts</span>}
      {counts.pending > 0 ? <span className="muted"> · {counts.pending} pending</span> : null} · <Link href="/alerts">Alerts</Link>
    </p>
  );
}
