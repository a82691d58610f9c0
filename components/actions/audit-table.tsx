import type { AuditEntryJson } from '@/lib/actions/api-schemas';

const outcomeTone = { succeeded: 'ok', refused: 'warn', failed: 'bad' } as const;

function summary(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** Audit entries, newest first: who, when, what, parameters, before/after and the outcome. */
export function AuditTable({ entries, showTarget, caption }: { entries: AuditEntryJson[]; showTarget: boolean; caption: string }) {
  if (entries.length === 0) return <p className="muted" data-testid="audit-empty">No actions recorded.</p>;
  return (
    <div className="table-block" role="region" aria-label={caption} tabIndex={0}>
      <table className="data" data-testid="audit-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th>
            {showTarget ? <th scope="col">Target</th> : null}
            <th scope="col">Outcome</th><th scope="col">Parameters</th><th scope="col">Before</th><th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{new Date(entry.created_at).toLocaleString()}</td>
              <td>{entry.actor.username} <span className="muted">({entry.actor.role}, {entry.actor.via})</span></td>
              <td className="mono">{entry.action}</td>
              {showTarget ? (
                <td className="mono">{entry.source === 'kafka' ? `${entry.cluster_id ?? ''} / ${entry.group_id ?? ''}${entry.topic ? ` / ${entry.topic}` : ''}` : `${entry.stream ?? ''} / ${entry.group_id ?? ''}`}</td>
              ) : null}
              <td><span className={`badge ${outcomeTone[entry.outcome]}`}>{entry.outcome}</span> <span className="muted">HTTP {entry.status}</span>{entry.message ? <div className="muted">{entry.message}</div> : null}</td>
              <td className="mono"><span className="clipped" title={summary(entry.parameters)}>{summary(entry.parameters)}</span></td>
              <td className="mono"><span className="clipped" title={summary(entry.before)}>{summary(entry.before)}</span></td>
              <td className="mono"><span className="clipped" title={summary(entry.after)}>{summary(entry.after)}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
