'use client';

import Link from 'next/link';
import type { Column } from '@/components/table/column';
import { DataTable, type TableFilter } from '@/components/table/data-table';
import type { AlertJson } from '@/lib/alerts/api-schemas';
import { AlertActions } from './alert-actions';
import { RelativeTime } from './relative-time';

export interface AlertRow extends AlertJson {
  teamNames: string[];
  /** When the page was rendered: "since" and "silenced" are judged at that moment. */
  renderedAtMs: number;
}

const severityTone: Record<AlertJson['severity'], string> = { critical: 'bad', warning: 'warn', info: '' };
const severityRank: Record<AlertJson['severity'], number> = { critical: 3, warning: 2, info: 1 };

function resourceLabel(alert: AlertJson): string {
  if (alert.stream !== null) return alert.group_id === null ? alert.stream : `${alert.stream} / ${alert.group_id}`;
  if (alert.group_id !== null) return `${alert.cluster_id ?? ''} / ${alert.group_id}`;
  return alert.source;
}

const since = (alert: AlertJson) => alert.resolved_at ?? alert.firing_since ?? alert.pending_since;

function columnsFor(canAct: boolean): Column<AlertRow>[] {
  const columns: Column<AlertRow>[] = [
    { id: 'severity', header: 'Severity', value: (row) => severityRank[row.severity],
      render: (row) => <span className={`badge ${severityTone[row.severity]}`}>{row.severity}</span> },
    { id: 'state', header: 'State', value: (row) => row.state,
      render: (row) => (
        <>
          <span className={`badge ${row.state === 'firing' ? 'bad' : row.state === 'pending' ? 'warn' : 'ok'}`}>{row.state}</span>
          {row.acknowledged_by ? <span className="badge" title={`by ${row.acknowledged_by}`}>acknowledged</span> : null}
          {row.silenced_until && Date.parse(row.silenced_until) > row.renderedAtMs
            ? <span className="badge" title={`by ${row.silenced_by ?? ''} until ${row.silenced_until}`}>silenced</span> : null}
        </>
      ) },
    { id: 'rule', header: 'Rule', value: (row) => row.rule_title },
    { id: 'resource', header: 'Resource', value: resourceLabel,
      render: (row) => (row.link ? <Link className="mono" href={row.link}>{resourceLabel(row)}</Link> : <span className="mono">{resourceLabel(row)}</span>) },
    { id: 'summary', header: 'Summary', value: (row) => row.summary },
    { id: 'since', header: 'Since', value: (row) => Date.parse(since(row)), render: (row) => <RelativeTime iso={since(row)} nowMs={row.renderedAtMs} /> },
    { id: 'teams', header: 'Teams', value: (row) => row.teamNames.join(', '), render: (row) => row.teamNames.join(', ') || <span className="muted">—</span> },
  ];
  if (canAct) {
    columns.push({ id: 'actions', header: 'Actions', sortable: false, value: () => null,
      render: (row) => (row.state === 'resolved' ? null : <AlertActions alertId={row.id} acknowledged={row.acknowledged_by !== null} />) });
  }
  return columns;
}

// Built once per role: the table's memoised sorting keys on these references.
const operatorColumns = columnsFor(true);
const viewerColumns = columnsFor(false);
const filters: TableFilter<AlertRow>[] = [];
const searchText = (row: AlertRow) => `${row.summary} ${resourceLabel(row)} ${row.rule_id}`;
const rowKey = (row: AlertRow) => row.id;
const rowAttributes = (row: AlertRow): Record<string, string> => ({ 'data-rule': row.rule_id, 'data-state': row.state, 'data-group': row.group_id ?? '', 'data-stream': row.stream ?? '' });

export function AlertsTable({ rows, canAct }: { rows: AlertRow[]; canAct: boolean }) {
  return (
    <DataTable
      tableId="alerts"
      caption="Alerts"
      rows={rows}
      columns={canAct ? operatorColumns : viewerColumns}
      rowKey={rowKey}
      searchText={searchText}
      filters={filters}
      defaultSort={{ columnId: 'since', direction: 'desc' }}
      emptyMessage="No alerts match these filters."
      csvFileName="alerts.csv"
      rowAttributes={rowAttributes}
    />
  );
}
