import type { AlertListQuery } from '@/lib/alerts/api-schemas';

interface Option { value: string; label: string }

/**
 * The server-side filters, as a plain GET form: the filters are the page's URL
 * (`/alerts?state=firing&severity=critical`), so any view can be bookmarked and shared.
 */
export function AlertFilters({ query, teams, clusters, rules }: { query: AlertListQuery; teams: Option[]; clusters: string[]; rules: Option[] }) {
  const select = (name: keyof AlertListQuery, label: string, options: Option[], allLabel: string | null) => (
    <label>
      {label}{' '}
      <select name={name} defaultValue={String(query[name] ?? '')}>
        {allLabel === null ? null : <option value="">{allLabel}</option>}
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </label>
  );
  return (
    <form method="get" action="/alerts" className="table-tools alert-filters" aria-label="Alert filters">
      {select('state', 'State', [
        { value: 'open', label: 'open (pending or firing)' }, { value: 'firing', label: 'firing' }, { value: 'pending', label: 'pending' },
        { value: 'resolved', label: 'resolved' }, { value: 'all', label: 'all' },
      ], null)}
      {select('severity', 'Severity', ['critical', 'warning', 'info'].map((value) => ({ value, label: value })), 'any')}
      {select('team', 'Team', teams, 'any')}
      {select('cluster_id', 'Cluster', clusters.map((value) => ({ value, label: value })), 'any')}
      {select('rule', 'Rule', rules, 'any')}
      {query.group ? <input type="hidden" name="group" value={query.group} /> : null}
      {query.stream ? <input type="hidden" name="stream" value={query.stream} /> : null}
      <button type="submit" className="small">Apply</button>
      {query.group || query.stream ? <span className="muted">Only {query.stream ?? ''}{query.stream && query.group ? ' / ' : ''}{query.group ?? ''} · <a href="/alerts">all resources</a></span> : null}
    </form>
  );
}
