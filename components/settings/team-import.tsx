'use client';

import { useState } from 'react';
import type { ImportReport } from '@/lib/teams/import-teams';
import { requestJson } from '@/lib/teams/api-request';
import { downloadBlob } from '@/components/share/chart-export';

function ReportSummary({ report }: { report: ImportReport }) {
  const changed = report.teams.filter((team) => team.action !== 'unchanged');
  return (
    <div className="banner info" role="status" data-testid="team-import-report">
      <p>
        {report.dry_run ? 'Would change' : 'Changed'}: {report.created} created, {report.updated} updated, {report.unchanged} unchanged,
        {' '}{report.deleted} deleted{report.deleted_teams.length ? ` (${report.deleted_teams.join(', ')})` : ''}.
      </p>
      <ul>
        {changed.map((team) => (
          <li key={team.name}>
            <strong>{team.name}</strong> {team.action}
            {team.members_added.length ? `; members +${team.members_added.join(', +')}` : ''}
            {team.members_removed.length ? `; members −${team.members_removed.join(', −')}` : ''}
            {team.patterns_added.length ? `; patterns +${team.patterns_added.map((rule) => rule.pattern).join(', +')}` : ''}
            {team.patterns_removed.length ? `; patterns −${team.patterns_removed.map((rule) => rule.pattern).join(', −')}` : ''}
            {team.thresholds_changed.length ? `; thresholds ${team.thresholds_changed.join(', ')}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Import is previewed first (dry run), then applied in one transaction; export downloads the same format. */
export function TeamImport({ onImported }: { onImported: () => Promise<void> }) {
  const [text, setText] = useState('');
  const [prune, setPrune] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function exportTeams() {
    setError(null);
    const result = await requestJson<unknown>('/api/v1/teams/export');
    if (result.ok) downloadBlob(new Blob([`${JSON.stringify(result.data, null, 2)}\n`], { type: 'application/json' }), 'lagboard-teams.json');
    else setError(result.message);
  }

  async function run(dryRun: boolean) {
    setError(null);
    setReport(null);
    let file: unknown;
    try {
      file = JSON.parse(text);
    } catch {
      setError('The file is not valid JSON.');
      return;
    }
    const result = await requestJson<ImportReport>(`/api/v1/teams/import?dry_run=${dryRun}&prune=${prune}`, { method: 'POST', body: file });
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setReport(result.data);
    if (!dryRun) await onImported();
  }

  return (
    <section className="card">
      <h2>Import and export</h2>
      <p className="muted">
        Format: <code>{'{ "teams": [{ "name", "members": [usernames], "patterns": [{ "kind", "pattern", "cluster_id" }], "thresholds": { … } }] }'}</code>.
        Each listed team ends up exactly as in the file; an export is a valid file.
      </p>
      <p><button type="button" className="secondary" onClick={exportTeams}>Export teams (JSON)</button></p>
      <div className="stack" style={{ maxWidth: '48rem' }}>
        <label>
          Team file
          <input type="file" accept="application/json,.json" onChange={(event) => event.target.files?.[0]?.text().then(setText)} />
        </label>
        <label>
          Or paste it
          <textarea value={text} onChange={(event) => setText(event.target.value)} rows={8} spellCheck={false} className="mono" />
        </label>
        <label style={{ flexDirection: 'row', fontWeight: 400 }}>
          <input type="checkbox" checked={prune} onChange={(event) => setPrune(event.target.checked)} /> Delete teams that are not in the file
        </label>
        <div className="table-tools">
          <button type="button" className="secondary" disabled={!text} onClick={() => run(true)}>Preview changes</button>
          <button type="button" disabled={!text} onClick={() => run(false)}>Import</button>
        </div>
      </div>
      {error ? <div className="banner" role="alert">{error}</div> : null}
      {report ? <ReportSummary report={report} /> : null}
    </section>
  );
}
