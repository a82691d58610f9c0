import type { Metadata } from 'next';
import Link from 'next/link';
import { getGroupDetail, getGroupHealth } from '@/lib/consumers/get-consumer-views';
import { requireSession } from '@/lib/auth/require-session';
import { assertCanView } from '@/lib/teams/visibility';
import { loadOrNotFound } from '@/lib/api/page-data';
import { StateBadge } from '@/components/state-badge';
import { formatCount, formatDurationMs } from '@/components/format';
import { HealthCard } from '@/components/groups/health-card';
import { MembersTable } from '@/components/groups/members-table';
import { PartitionsTable, type PartitionRow } from '@/components/groups/partitions-table';
import { LiveGroupPanel } from '@/components/groups/live-group-panel';
import { TrendSection, parseChartRange } from '@/components/trend/trend-section';
import { loadGroupMarkers } from '@/lib/history/trend/group-markers';
import { loadAlertMarkers } from '@/lib/alerts/alert-markers';
import { countFiringAlerts, firingAlertsHref } from '@/lib/alerts/firing-counts';
import { AlertBadge } from '@/components/alerts/alert-badge';
import { chartRanges } from '@/lib/share/chart-binding';
import { hasRole } from '@/lib/auth/roles';
import { refreshIntervalSecondsOf } from '@/lib/auth/user-preferences';
import { PageRefresh } from '@/components/page-refresh';
import { ScalingCard } from '@/components/actions/scaling-card';
import { GroupActionsPanel } from '@/components/actions/group-actions-panel';
import { AuditTable } from '@/components/actions/audit-table';
import { listAuditEntries } from '@/lib/actions/list-audit-entries';

import { decodePathSegment } from '@/lib/decode-path-segment';
import { RelativeTime } from '@/components/relative-time';
import { readFittingChartRange } from '@/lib/history/trend/history-span';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ cluster_id: string; group_id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodePathSegment((await params).group_id)} · Lagboard` };
}

export default async function GroupPage({ params, searchParams }: Props) {
  const { cluster_id: clusterSegment, group_id: groupSegment } = await params;
  // Next.js hands page params over still percent-encoded.
  const clusterId = decodePathSegment(clusterSegment);
  const groupId = decodePathSegment(groupSegment);
  const principal = await requireSession();
  const [detail, health] = await loadOrNotFound(async () => {
    await assertCanView(principal, 'kafka_group', groupId, clusterId);
    return Promise.all([getGroupDetail(clusterId, groupId), getGroupHealth(clusterId, groupId)]);
  });
  const statusByPartition = new Map(health.burrow.partitions.map((partition) => [`${partition.topic}/${partition.partition}`, partition.status]));
  const rows: PartitionRow[] = detail.partitions.map((partition) => ({ ...partition, status: statusByPartition.get(`${partition.topic}/${partition.partition}`) ?? null }));
  const metrics = detail.lag_metrics;
  const range = parseChartRange((await searchParams).range, await readFittingChartRange());
  const nowMs = Date.parse(detail.observed_at);
  const markerRange = { fromMs: nowMs - chartRanges[range], toMs: nowMs };
  const [groupMarkers, alertMarkers, firingCount] = await Promise.all([
    loadGroupMarkers(clusterId, groupId, markerRange), loadAlertMarkers(clusterId, groupId, markerRange), countFiringAlerts({ clusterId, groupId }),
  ]);
  const markers = [...groupMarkers, ...alertMarkers];
  const refreshIntervalSeconds = await refreshIntervalSecondsOf(principal.userId);
  const basePath = `/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(groupId)}`;
  const canAct = hasRole(principal.role, 'operator');
  const actionTopics = detail.topics.map((name) => ({
    name,
    partitions: detail.partitions.filter((partition) => partition.topic === name).map((partition) => partition.partition),
  }));
  const audit = canAct ? await listAuditEntries(principal, { cluster: clusterId, group: groupId, limit: 20 }) : null;
  return (
    <>
      <p className="muted"><Link href={`/clusters/${encodeURIComponent(clusterId)}/groups`}>Consumer groups of {clusterId}</Link> ›</p>
      <h1 className="mono">{detail.group_id}</h1>
      {firingCount > 0 ? <p><AlertBadge count={firingCount} href={firingAlertsHref({ clusterId, groupId })} /></p> : null}
      <PageRefresh intervalSeconds={refreshIntervalSeconds} renderedAt={detail.observed_at} />
      <section className="card">
        <dl className="facts">
          <div><dt>State</dt><dd><StateBadge state={detail.state} /></dd></div>
          <div><dt>Type</dt><dd>{detail.type}{detail.type === 'consumer' ? ' (KIP-848)' : ''}</dd></div>
          <div><dt>Assignor</dt><dd>{detail.partition_assignor ?? '—'}</dd></div>
          <div><dt>{detail.type === 'consumer' ? 'Group epoch / assignment epoch' : 'Generation'}</dt>
            <dd>{detail.generation_or_epoch ?? '—'}{detail.type === 'consumer' ? ` / ${detail.assignment_epoch ?? '—'}` : ''}</dd></div>
          <div><dt>Members</dt><dd>{detail.member_count}</dd></div>
          <div><dt>Topics</dt><dd>{detail.topics.map((topic) => (
            <Link key={topic} className="mono" href={`/clusters/${encodeURIComponent(clusterId)}/topics/${encodeURIComponent(topic)}`} style={{ marginRight: '0.5rem' }}>{topic}</Link>
          ))}</dd></div>
          <div><dt>Total lag</dt><dd data-testid="group-total-lag">{formatCount(metrics.total_lag)} msgs</dd></div>
          <div><dt>Lag in time (max)</dt><dd>{detail.lag_seconds_max === null ? '— (needs two snapshots)' : formatDurationMs(detail.lag_seconds_max * 1_000)}</dd></div>
          <div><dt>Lag P50 / P95 / max</dt><dd>{formatCount(metrics.lag_p50)} / {formatCount(metrics.lag_p95)} / {formatCount(metrics.lag_max)} msgs</dd></div>
        </dl>
        <p className="muted">Observed <RelativeTime time={detail.observed_at} />.</p>
      </section>
      {detail.errors.map((problem) => <div className="banner" role="alert" key={`${problem.scope}${problem.message}`}><strong>{problem.scope}</strong>: {problem.message}</div>)}
      <LiveGroupPanel clusterId={clusterId} groupId={groupId} intervalSeconds={refreshIntervalSeconds}
        initial={{ state: detail.state, member_count: detail.member_count, lag_metrics: metrics, observed_at: detail.observed_at }} />
      <HealthCard health={health} />
      <ScalingCard scaling={health.scaling} />
      <TrendSection binding={{ kind: 'kafka_group', cluster_id: clusterId, name: groupId, group: null, range }} basePath={basePath}
        markers={markers} canShare={hasRole(principal.role, 'operator')} />
      <h2>Members</h2>
      <MembersTable members={detail.members} groupType={detail.type} />
      <h2>Partitions</h2>
      <PartitionsTable clusterId={clusterId} rows={rows} />
      {canAct ? <GroupActionsPanel clusterId={clusterId} groupId={groupId} topics={actionTopics} memberCount={detail.member_count} /> : null}
      {audit ? (
        <section className="card" aria-labelledby="audit-heading">
          <h2 id="audit-heading">Audit log of this group</h2>
          <AuditTable entries={audit.entries} showTarget={false} caption={`Actions on ${groupId}`} />
        </section>
      ) : null}
    </>
  );
}
