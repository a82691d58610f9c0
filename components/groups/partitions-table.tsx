'use client';

import Link from 'next/link';
import type { Column } from '@/components/table/column';
import { DataTable, type TableFilter } from '@/components/table/data-table';
import { formatCount } from '@/components/format';
import type { PartitionJson } from '@/lib/consumers/json-shapes';
import { formatDurationMs } from '@/components/format';

export type PartitionRow = PartitionJson & { status: string | null; lag_seconds: number | null };

function columnsFor(clusterId: string): Column<PartitionRow>[] {
  return [
    { id: 'topic', header: 'Topic', value: (row) => row.topic,
      render: (row) => <Link className="mono" href={`/clusters/${encodeURIComponent(clusterId)}/topics/${encodeURIComponent(row.topic)}`}>{row.topic}</Link> },
    { id: 'partition', header: 'Partition', value: (row) => row.partition, align: 'right' },
    { id: 'committed', header: 'Committed', unit: 'offset', value: (row) => row.committed_offset, render: (row) => formatCount(row.committed_offset), align: 'right' },
    { id: 'log-end', header: 'Log end', unit: 'offset', value: (row) => row.log_end_offset, render: (row) => formatCount(row.log_end_offset), align: 'right' },
    { id: 'lag', header: 'Lag', unit: 'msgs', value: (row) => row.lag, render: (row) => formatCount(row.lag), align: 'right' },
    { id: 'lag-seconds', header: 'Lag in time', value: (row) => row.lag_seconds, render: (row) => formatDurationMs(row.lag_seconds === null ? null : row.lag_seconds * 1_000), align: 'right' },
    { id: 'status', header: 'Status', value: (row) => row.status,
      render: (row) => (row.status ? <span className={`badge ${row.status === 'OK' ? 'ok' : row.status === 'WARN' ? 'warn' : 'bad'}`}>{row.status}</span> : '—') },
    { id: 'owner', header: 'Owner', value: (row) => row.owner?.client_id ?? null,
      render: (row) => (row.owner ? <span className="mono" title={row.owner.member_id}>{row.owner.client_id} {row.owner.host}</span> : <span className="muted">unassigned</span>) },
    { id: 'flags', header: 'Flags', value: (row) => row.flags.join(' ') || null,
      render: (row) => (
        <>
          {row.flags.includes('never_committed') ? <span className="badge warn">never committed</span> : null}
          {row.data_loss ? <span className="badge bad" title={`committed ${row.data_loss.committed_offset} < log start ${row.data_loss.log_start_offset}`}>data loss: {formatCount(row.data_loss.lost_messages)} msgs</span> : null}
          {row.flags.includes('log_end_unknown') ? <span className="badge warn">log end unknown</span> : null}
        </>
      ) },
  ];
}

const filters: TableFilter<PartitionRow>[] = [
  { id: 'topic', label: 'topics', value: (row) => row.topic },
  { id: 'status', label: 'statuses', value: (row) => row.status ?? 'unknown' },
];

const columnCache = new Map<string, Column<PartitionRow>[]>();

export function PartitionsTable({ clusterId, rows }: { clusterId: string; rows: PartitionRow[] }) {
  if (!columnCache.has(clusterId)) columnCache.set(clusterId, columnsFor(clusterId));
  return (
    <DataTable
      tableId="partitions"
      caption="Partitions of the group"
      rows={rows}
      columns={columnCache.get(clusterId) ?? []}
      rowKey={(row) => `${row.topic}/${row.partition}`}
      searchText={(row) => `${row.topic} ${row.owner?.client_id ?? ''}`}
      filters={filters}
      defaultSort={{ columnId: 'lag', direction: 'desc' }}
      emptyMessage="The group has no committed offsets and no assigned partitions."
      csvFileName="partitions.csv"
      rowAttributes={(row) => ({ 'data-partition': `${row.topic}/${row.partition}` })}
    />
  );
}
