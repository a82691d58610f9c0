'use client';

import Link from 'next/link';
import type { Column } from '@/components/table/column';
import { DataTable, type TableFilter } from '@/components/table/data-table';
import { formatCount, formatDurationMs } from '@/components/format';
import { LagLabel } from '@/components/streams/lag-label';
import type { StreamLagThresholds } from '@/lib/analysis/stream-health';
import type { StreamsListJson } from '@/lib/events/streams-list';
import { useRedisStreams } from '@/lib/swr/use-redis-streams';
import { AlertBadge } from '@/components/alerts/alert-badge';
import { buildStreamListRows, knownLag, type StreamListHealth, type StreamListRow } from './stream-list-rows';
import { RelativeTime } from '@/components/relative-time';

const healthTone: Record<StreamListHealth, string> = { healthy: 'ok', degraded: 'warn', unhealthy: 'bad', unknown: 'warn', 'no groups': '', 'no stream': '' };
const streamHref = (stream: string) => `/streams/${encodeURIComponent(stream)}`;
const ageLabel = (ageMs: number | null, observedAtMs: number) => (ageMs === null ? '—' : <RelativeTime time={observedAtMs - ageMs} />);

// Built once per set of alert counts, not per render: the table's memoised sorting keys on these references.
const columnCache = new Map<string, Column<StreamListRow>[]>();
const columnsFor = (alertCounts: Readonly<Record<string, number>>): Column<StreamListRow>[] => [
  { id: 'stream', header: 'Stream', value: (row) => row.stream, render: (row) => (
    <>
      <Link className="mono" href={streamHref(row.stream)}>{row.stream}</Link>
      {row.group === null ? null : <AlertBadge count={alertCounts[`${row.stream}\u0000${row.group}`] ?? 0}
        href={`/alerts?state=firing&stream=${encodeURIComponent(row.stream)}&group=${encodeURIComponent(row.group)}`} />}
    </>
  ) },
  { id: 'length', header: 'Length', unit: 'entries', value: (row) => row.length, render: (row) => formatCount(row.length), align: 'right' },
  // Stream ids carry their time; shown as an age ("12 s ago") with the exact time on hover.
  { id: 'newest-age', header: 'Newest entry', value: (row) => row.newestEntryAgeMs, render: (row) => ageLabel(row.newestEntryAgeMs, row.observedAtMs), align: 'right' },
  { id: 'group', header: 'Group', value: (row) => row.group,
    render: (row) => (row.group === null ? <span className="muted">{row.note}</span> : <span className="mono">{row.group}</span>) },
  { id: 'lag', header: 'Lag', unit: 'entries', value: (row) => knownLag(row.lag), align: 'right',
    render: (row) => (row.lag === null ? '—' : <LagLabel lag={row.lag} />) },
  { id: 'pending', header: 'Pending', unit: 'entries', value: (row) => row.pending, render: (row) => formatCount(row.pending), align: 'right' },
  { id: 'oldest-pending', header: 'Oldest pending', value: (row) => row.oldestPendingAgeMs, render: (row) => formatDurationMs(row.oldestPendingAgeMs), align: 'right' },
  { id: 'consumers', header: 'Consumers', value: (row) => row.consumers, render: (row) => formatCount(row.consumers), align: 'right' },
  { id: 'dead', header: 'Dead consumers', value: (row) => row.deadConsumers.length,
    render: (row) => (row.deadConsumers.length === 0 ? (row.group === null ? '—' : '0') : <span className="badge bad" title="Idle beyond DEAD_CONSUMER_IDLE_MS while holding pending entries">{row.deadConsumers.join(', ')}</span>) },
  { id: 'health', header: 'Health', value: (row) => row.health,
    render: (row) => (
      <>
        <span className={`badge ${healthTone[row.health]}`}>{row.health}</span>
        {row.reasons.length > 0 ? <ul className="reasons">{row.reasons.map((reason) => <li key={reason}>{reason}</li>)}</ul> : null}
        {row.group !== null && row.note ? <div className="muted">{row.note}</div> : null}
      </>
    ) },
];

const filters: TableFilter<StreamListRow>[] = [{ id: 'health', label: 'health classes', value: (row) => row.health }];
const searchText = (row: StreamListRow) => `${row.stream} ${row.group ?? ''}`;
const rowAttributes = (row: StreamListRow): Record<string, string> =>
  (row.group === null ? { 'data-stream': row.stream } : { 'data-stream': row.stream, 'data-group': row.group });

/** The streams list, refreshed with SWR every `refreshIntervalSeconds`; table state in the URL. */
export function StreamsTable({ initial, thresholds, refreshIntervalSeconds, alertCounts = {} }: {
  initial: StreamsListJson;
  thresholds: Required<StreamLagThresholds>;
  refreshIntervalSeconds: number;
  /** Firing alerts per stream and group (`stream\u0000group`) when the page was rendered. */
  alertCounts?: Readonly<Record<string, number>>;
}) {
  const columnKey = JSON.stringify(alertCounts);
  if (columnCache.size > 20) columnCache.clear();
  if (!columnCache.has(columnKey)) columnCache.set(columnKey, columnsFor(alertCounts));
  const columns = columnCache.get(columnKey) ?? [];
  const { data, error, isValidating } = useRedisStreams(initial, refreshIntervalSeconds);
  const list = data ?? initial;
  const rows = buildStreamListRows(list);
  return (
    <>
      {error ? <div className="banner" role="alert">Refresh failed: {error.message}. Showing data from <RelativeTime time={list.observed_at} />.</div> : null}
      {list.errors.map((problem) => <div className="banner" role="alert" key={`${problem.scope}${problem.message}`}><strong>{problem.scope}</strong>: {problem.message}</div>)}
      <p className="muted">
        Observed <RelativeTime time={list.observed_at} /> · refreshes every {refreshIntervalSeconds} s{isValidating ? ' · refreshing…' : ''}
      </p>
      <DataTable
        tableId="streams-list"
        caption="Redis streams and their consumer groups"
        rows={rows}
        columns={columns}
        rowKey={(row) => row.key}
        searchText={searchText}
        filters={filters}
        defaultSort={{ columnId: 'lag', direction: 'desc' }}
        emptyMessage="No streams observed: set EVENT_STREAMS or EVENT_STREAM_DISCOVERY_PATTERN."
        csvFileName="redis-streams.csv"
        rowAttributes={rowAttributes}
      />
      <p className="muted">Health counts every signal that work is waiting, and the worst wins: lag (degraded from {formatCount(thresholds.degraded)} entries, unhealthy from {formatCount(thresholds.unhealthy)}), pending entries (seed 003: degraded from 50, unhealthy above 500), the oldest pending entry’s age (degraded from 1 min, unhealthy from 15 min) and dead-consumer candidates (degraded).</p>
    </>
  );
}
