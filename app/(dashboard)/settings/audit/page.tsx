import type { Metadata } from 'next';
import { ZodError } from 'zod';
import { requireSession } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/roles';
import { actionNames } from '@/lib/actions/action-names';
import { auditQuerySchema, type AuditQuery } from '@/lib/actions/api-schemas';
import { listAuditEntries } from '@/lib/actions/list-audit-entries';
import { AuditTable } from '@/components/actions/audit-table';

export const metadata: Metadata = { title: 'Audit log · Lagboard' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const textFilters = [['cluster', 'Cluster'], ['group', 'Group'], ['stream', 'Stream'], ['actor', 'User']] as const;

/** Filters live in the URL (a GET form), so a filtered view can be bookmarked and shared. */
function readFilters(raw: Record<string, string | string[] | undefined>): { query: AuditQuery | null; values: Record<string, string> } {
  const values = Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
  const forSchema = { ...values };
  // datetime-local inputs give local times without a zone; the server reads them as UTC.
  for (const name of ['from', 'to'] as const) {
    const text = forSchema[name];
    if (text && /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(text)) forSchema[name] = `${text}:00Z`;
    else if (text && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(text)) forSchema[name] = `${text}Z`;
  }
  try {
    return { query: auditQuerySchema.parse(forSchema), values };
  } catch (error) {
    if (error instanceof ZodError) return { query: null, values };
    throw error;
  }
}

export default async function AuditPage({ searchParams }: Props) {
  const principal = await requireSession();
  if (!hasRole(principal.role, 'admin')) {
    return (
      <>
        <h1>Audit log</h1>
        <p className="banner" role="alert">The audit log of every action is shown to admins. Operators see each group’s entries on its page and theirs through <code>GET /api/v1/audit</code>.</p>
      </>
    );
  }
  const { query, values } = readFilters(await searchParams);
  const result = query ? await listAuditEntries(principal, query) : null;
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">Every operator action and every refused attempt, newest first (times in UTC for the filters).</p>
      <form className="card table-tools" method="get" aria-label="Filter the audit log">
        {textFilters.map(([name, label]) => (
          <label key={name}>{label}{' '}<input name={name} defaultValue={values[name] ?? ''} /></label>
        ))}
        <label>Action{' '}
          <select name="action" defaultValue={values.action ?? ''}>
            <option value="">any</option>
            {actionNames.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </label>
        <label>Outcome{' '}
          <select name="outcome" defaultValue={values.outcome ?? ''}>
            <option value="">any</option>
            <option value="succeeded">succeeded</option>
            <option value="refused">refused</option>
            <option value="failed">failed</option>
          </select>
        </label>
        <label>From{' '}<input type="datetime-local" name="from" defaultValue={values.from ?? ''} /></label>
        <label>To{' '}<input type="datetime-local" name="to" defaultValue={values.to ?? ''} /></label>
        <button type="submit">Filter</button>
      </form>
      {result ? <AuditTable entries={result.entries} showTarget caption="Audit log" /> : <p className="banner" role="alert">A filter is not valid; clear it and try again.</p>}
    </>
  );
}
