import type { Metadata } from 'next';
import { AlertFilters } from '@/components/alerts/alert-filters';
import { AlertsTable } from '@/components/alerts/alerts-table';
import { PageRefresh } from '@/components/page-refresh';
import { alertListQuerySchema } from '@/lib/alerts/api-schemas';
import { loadAlertsPage } from '@/lib/alerts/alerts-page-data';
import { alertRules } from '@/lib/alerts/rule-catalog';
import { hasRole } from '@/lib/auth/roles';
import { requireSession } from '@/lib/auth/require-session';
import { refreshIntervalSecondsOf } from '@/lib/auth/user-preferences';
import { listKafkaClusters } from '@/lib/sources/kafka';

export const metadata: Metadata = { title: 'Alerts · Lagboard' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requireSession();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, value]) => typeof value === 'string' && value !== '')) as Record<string, string>;
  const parsed = alertListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : alertListQuerySchema.parse({});
  const [{ rows, counts, teams, renderedAtMs }, refreshSeconds] = await Promise.all([loadAlertsPage(principal, query), refreshIntervalSecondsOf(principal.userId)]);
  return (
    <>
      <h1>Alerts</h1>
      <p className="muted">
        {counts.firing} firing · {counts.pending} pending. Rules are judged after every history snapshot;
        a pending alert fires once its condition has held for the rule’s duration.
      </p>
      {parsed.success ? null : (
        <div className="banner" role="alert">Some filters in the address are not valid and were ignored: {parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}.</div>
      )}
      <AlertFilters
        query={query}
        teams={teams.map((team) => ({ value: team.id, label: team.name }))}
        clusters={listKafkaClusters().map((cluster) => cluster.id)}
        rules={alertRules.map((rule) => ({ value: rule.id, label: rule.title }))}
      />
      <AlertsTable rows={rows} canAct={hasRole(principal.role, 'operator')} />
      <PageRefresh intervalSeconds={refreshSeconds} renderedAt={new Date(renderedAtMs).toISOString()} />
    </>
  );
}
