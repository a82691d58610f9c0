'use client';

import Link from 'next/link';
import type { Column } from '@/components/table/column';
import { DataTable, type TableFilter } from '@/components/table/data-table';
import { StateBadge } from '@/components/state-badge';
import { formatCount } from '@/components/format';
import type { GroupListWithTimeLagJson as GroupListJson } from '@/lib/consumers/merge-time-lags';
import { formatDurationMs } from '@/components/format';

type GroupListItemJson = GroupListJson['groups'][number];
import { useConsumerGroups } from '@/lib/swr/use-consumer-groups';

export const groupHref = (clusterId: string, groupId: string) =>
  `/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(groupId)}`;

function columnsFor(clusterId: string): Column<GroupListItemJson>[] {
  return [
    { id: 'group', header: 'Group', value: (row) => row.group_id, render: (row) => <Link className="mono" href={groupHref(clusterId, row.group_id)}>{row.group_id}</Link> },
    { id: 'type', header: 'Type', value: (row) => row.type },
    { id: 'state', header: 'State', value: (row) => row.state, render: (row) => <StateBadge state={row.state} /> },
    { id: 'members', header: 'Members', value: (row) => row.member_count, align: 'right' },
    { id: 'topics', header: 'Topics', value: (row) => row.topics.join(' '), render: (row) => <span className="mono">{row.topics.join(', ') || '—'}</span> },
    { id: 'p50', header: 'Lag P50', unit: 'msgs', value: (row) => row.lag_p50, render: (row) => formatCount(row.lag_p50), align: 'right' },
    { id: 'p95', header: 'Lag P95', unit: 'msgs', value: (row) => row.lag_p95, render: (row) => formatCount(row.lag_p95), align: 'right' },
    { id: 'max', header: 'Lag max', unit: 'msgs', value: (row) => row.lag_max, render: (row) => formatCount(row.lag_max), align: 'right' },
    { id: 'total', header: 'Total lag', unit: 'msgs', value: (row) => row.total_lag, render: (row) => <span data-column="total-lag">{formatCount(row.total_lag)}</span>, align: 'right' },
    { id: 'lag-seconds', header: 'Lag in time', value: (row) => row.lag_seconds_max, render: (row) => formatDurationMs(row.lag_seconds_max === null ? null : row.lag_seconds_max * 1_000), align: 'right' },
    { id: 'flags', header: 'Flags', value: (row) => [row.never_committed_count ? `${row.never_committed_count} never committed` : '', row.data_loss_count ? `${row.data_loss_count} data loss` : ''].filter(Boolean).join('; ') || null,
      render: (row) => (
        <>
          {row.never_committed_count ? <span className="badge warn">{row.never_committed_count} never committed</span> : null}{' '}
          {row.data_loss_count ? <span className="badge bad">{row.data_loss_count} data loss</span> : null}
        </>
      ) },
  ];
}

const filters: TableFilter<GroupListItemJson>[] = [
  { id: 'state', label: 'states', value: (row) => row.state },
  { id: 'type', label: 'types', value: (row) => row.type },
];

// Built once per cluster id, not on every render.
const columnCache = new Map<string, Column<GroupListItemJson>[]>();

export function GroupsTable({ initial, refreshIntervalSeconds }: { initial: GroupListJson; refreshIntervalSeconds: number }) {
  const { data, error, isValidating } = useConsumerGroups(initial.cluster_id, initial, refreshIntervalSeconds);
  const list = data ?? initial;
  if (!columnCache.has(list.cluster_id)) columnCache.set(list.cluster_id, columnsFor(list.cluster_id));
  return (
    <>
      {error ? <div className="banner" role="alert">Refresh failed: {error.message}. Showing data from {new Date(list.observed_at).toLocaleTimeString()}.</div> : null}
      {list.errors.map((problem) => <div className="banner" role="alert" key={`${problem.scope}${problem.message}`}><strong>{problem.scope}</strong>: {problem.message}</div>)}
      <p className="muted" aria-live="polite">
        Observed {new Date(list.observed_at).toLocaleTimeString()} · refreshes every {refreshIntervalSeconds} s{isValidating ? ' · refreshing…' : ''}
      </p>
      <DataTable
        tableId="groups"
        caption={`Consumer groups of cluster ${list.cluster_id}`}
        rows={list.groups}
        columns={columnCache.get(list.cluster_id) ?? []}
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
