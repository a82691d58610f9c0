'use client';

import Link from 'next/link';
import type { Column } from '@/components/table/column';
import { DataTable, type TableFilter } from '@/components/table/data-table';
import { StateBadge } from '@/components/state-badge';
import { formatCount } from '@/components/format';
import type { GroupListWithTimeLagJson as GroupListJson } from '@/lib/consumers/merge-time-lags';
import { formatDurationMs } from '@/components/format';
import { LagSparkline, sparklineChange } from './lag-sparkline';
import { AlertBadge } from '@/components/alerts/alert-badge';

type GroupListItemJson = GroupListJson['groups'][number];
import { useConsumerGroups } from '@/lib/swr/use-consumer-groups';
import { RelativeTime } from '@/components/relative-time';

export const groupHref = (clusterId: string, groupId: string) =>
  `/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(groupId)}`;

const statusTone = { OK: 'ok', WARN: 'warn', ERR: 'bad' } as const;
// Burrow's verdicts in plain words; the group page explains each with its numbers.
const statusMeaning = {
  OK: 'Keeping up: lag went down or reached zero in the recent commits',
  WARN: 'Falling behind: lag grew at every recent commit while offsets still move',
  ERR: 'Stopped, stalled or rewound: a partition has no progress while messages wait (see the group page)',
} as const;
const formatPercent = (ratio: number) => `${(ratio * 100).toFixed(ratio === 1 ? 0 : 1)} %`;
// The snapshots' sparkline ends at the live total, so the line reaches "now".
const sparklineOf = (row: GroupListItemJson) => (row.lag_sparkline.length > 0 ? [...row.lag_sparkline, row.total_lag] : []);

function columnsFor(clusterId: string, spanLabel: string, alertCounts: Readonly<Record<string, number>>): Column<GroupListItemJson>[] {
  return [
    { id: 'group', header: 'Group', value: (row) => row.group_id, render: (row) => (
      <>
        <Link className="mono" href={groupHref(clusterId, row.group_id)}>{row.group_id}</Link>
        <AlertBadge count={alertCounts[row.group_id] ?? 0} href={`/alerts?state=firing&cluster_id=${encodeURIComponent(clusterId)}&group=${encodeURIComponent(row.group_id)}`} />
      </>
    ) },
    { id: 'type', header: 'Type', value: (row) => row.type },
    { id: 'state', header: 'State', value: (row) => row.state, render: (row) => <StateBadge state={row.state} /> },
    { id: 'members', header: 'Members', value: (row) => row.member_count, align: 'right' },
    { id: 'topics', header: 'Topics', value: (row) => row.topics.join(' '), render: (row) => <span className="mono clipped" title={row.topics.join(', ')}>{row.topics.join(', ') || '—'}</span> },
    { id: 'p50', header: 'Lag P50', unit: 'msgs', value: (row) => row.lag_p50, render: (row) => formatCount(row.lag_p50), align: 'right' },
    { id: 'p95', header: 'Lag P95', unit: 'msgs', value: (row) => row.lag_p95, render: (row) => formatCount(row.lag_p95), align: 'right' },
    { id: 'max', header: 'Lag max', unit: 'msgs', value: (row) => row.lag_max, render: (row) => formatCount(row.lag_max), align: 'right' },
    { id: 'total', header: 'Total lag', unit: 'msgs', value: (row) => row.total_lag, render: (row) => <span data-testid="total-lag">{formatCount(row.total_lag)}</span>, align: 'right' },
    { id: 'lag-seconds', header: 'Lag in time', value: (row) => row.lag_seconds_max, render: (row) => formatDurationMs(row.lag_seconds_max === null ? null : row.lag_seconds_max * 1_000), align: 'right' },
    { id: 'status', header: 'Status', value: (row) => row.status,
      render: (row) => (row.status === null ? <span className="muted" title="Needs collector snapshots">—</span> : <span className={`badge ${statusTone[row.status]}`} title={statusMeaning[row.status]}>{row.status}</span>) },
    { id: 'slo', header: 'SLO', unit: '%', value: (row) => row.slo_compliance, align: 'right',
      render: (row) => <span className={row.slo_met ? undefined : 'badge bad'} title={row.slo_met ? 'SLO met' : 'SLO missed'}>{formatPercent(row.slo_compliance)}</span> },
    { id: 'fairness', header: 'Fairness', unit: 'Gini', value: (row) => row.fairness_gini, align: 'right',
      render: (row) => (row.fairness_gini === null
        ? <span className="muted" title="No members">—</span>
        : <span className={row.fairness_ok ? undefined : 'badge warn'} title={row.fairness_ok ? 'Partitions shared fairly' : 'Unfair assignment'}>{row.fairness_gini.toFixed(2)}</span>) },
    { id: 'trend', header: 'Lag trend', unit: 'msgs change', value: (row) => sparklineChange(sparklineOf(row)),
      render: (row) => <LagSparkline values={sparklineOf(row)} spanLabel={spanLabel} /> },
    { id: 'teams', header: 'Teams', value: (row) => row.teams.join(', ') || null },
    { id: 'flags', header: 'Flags', value: (row) => [row.never_committed_count ? `${row.never_committed_count} never committed` : '', row.data_loss_count ? `${row.data_loss_count} data loss` : ''].filter(Boolean).join('; ') || null,
      render: (row) => (
        <>
          {row.never_committed_count ? <span className="badge warn">{row.never_committed_count} never committed</span> : null}{' '}
          {row.data_loss_count ? <span className="badge bad">{row.data_loss_count} data loss</span> : null}
        </>
      ) },
  ];
}

const noTeam = '(no team)';
const filters: TableFilter<GroupListItemJson>[] = [
  { id: 'state', label: 'states', value: (row) => row.state },
  { id: 'type', label: 'types', value: (row) => row.type },
  { id: 'status', label: 'statuses', value: (row) => row.status ?? 'unknown' },
  { id: 'team', label: 'teams', value: (row) => (row.teams.length > 0 ? row.teams : [noTeam]) },
  { id: 'topic', label: 'topics', value: (row) => row.topics },
];

// Built once per cluster id, not on every render.
const columnCache = new Map<string, Column<GroupListItemJson>[]>();

export function GroupsTable({ initial, refreshIntervalSeconds, alertCounts = {} }: {
  initial: GroupListJson;
  refreshIntervalSeconds: number;
  /** Firing alerts per group when the page was rendered. */
  alertCounts?: Readonly<Record<string, number>>;
}) {
  const { data, error, isValidating } = useConsumerGroups(initial.cluster_id, initial, refreshIntervalSeconds);
  const list = data ?? initial;
  const spanLabel = `${Math.round((list.sparkline_span_seconds ?? 3_600) / 60)} min`;
  const columnKey = `${list.cluster_id}\u0000${spanLabel}\u0000${JSON.stringify(alertCounts)}`;
  // Alert counts change the key; a long-open tab must not keep every combination it ever saw.
  if (columnCache.size > 20) columnCache.clear();
  if (!columnCache.has(columnKey)) columnCache.set(columnKey, columnsFor(list.cluster_id, spanLabel, alertCounts));
  return (
    <>
      {error ? <div className="banner" role="alert">Refresh failed: {error.message}. Showing data from <RelativeTime time={list.observed_at} />.</div> : null}
      {list.errors.map((problem) => <div className="banner" role="alert" key={`${problem.scope}${problem.message}`}><strong>{problem.scope}</strong>: {problem.message}</div>)}
      <p className="muted">
        Observed <RelativeTime time={list.observed_at} /> · refreshes every {refreshIntervalSeconds} s{isValidating ? ' · refreshing…' : ''}
        {' · '}{list.time_lag_taken_at
          ? <>status, lag in time and trend from the snapshot of <RelativeTime time={list.time_lag_taken_at} /></>
          : 'status, lag in time and trend appear once the collector has written snapshots'}
      </p>
      <DataTable
        tableId="groups"
        caption={`Consumer groups of cluster ${list.cluster_id}`}
        rows={list.groups}
        columns={columnCache.get(columnKey) ?? []}
        rowKey={(row) => row.group_id}
        searchText={(row) => `${row.group_id} ${row.topics.join(' ')}`}
        filters={filters}
        defaultSort={{ columnId: 'total', direction: 'desc' }}
        emptyMessage="No consumer groups on this cluster yet: groups appear once a consumer joins or commits an offset."
        csvFileName={`consumer-groups-${list.cluster_id}.csv`}
        rowAttributes={(row) => ({ 'data-group-id': row.group_id })}
      />
    </>
  );
}
