import type { Metadata } from 'next';
import Link from 'next/link';
import { getTopicDetail } from '@/lib/consumers/get-consumer-views';
import { requireSession } from '@/lib/auth/require-session';
import { assertCanView, visibleTeamScope } from '@/lib/teams/visibility';
import { scopeTopicDetail } from '@/lib/teams/scoped-views';
import { loadOrNotFound } from '@/lib/api/page-data';
import { formatCount } from '@/components/format';
import { formatRetentionBytes, formatRetentionMs } from '@/components/format-retention';
import { StateBadge } from '@/components/state-badge';
import { PageRefresh } from '@/components/page-refresh';
import { refreshIntervalSecondsOf } from '@/lib/auth/user-preferences';

import { decodePathSegment } from '@/lib/decode-path-segment';
import { countFiringAlerts } from '@/lib/alerts/firing-counts';
import { AlertBadge } from '@/components/alerts/alert-badge';
import { ScrollRegion } from '@/components/table/scroll-region';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ cluster_id: string; topic_name: string }> };

const tone = { healthy: 'ok', warning: 'warn', critical: 'bad', unconsumed: 'warn' } as const;
const severityTone = { info: 'ok', warning: 'warn', critical: 'bad' } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Topic ${decodePathSegment((await params).topic_name)} · Lagboard` };
}

/** Seed 004's "Topic Detail with Consumer Health": topic facts, coverage, groups, alerts, insight. */
export default async function TopicPage({ params }: Props) {
  const { cluster_id: clusterSegment, topic_name: topicSegment } = await params;
  const clusterId = decodePathSegment(clusterSegment);
  const topicName = decodePathSegment(topicSegment);
  const principal = await requireSession();
  const [fullDetail, scope, refreshIntervalSeconds] = await loadOrNotFound(async () => {
    await assertCanView(principal, 'kafka_topic', topicName, clusterId);
    return Promise.all([getTopicDetail(clusterId, topicName), visibleTeamScope(principal), refreshIntervalSecondsOf(principal.userId)]);
  });
  const detail = scopeTopicDetail(fullDetail, scope);
  const { topic, coverage, insight_summary: insight } = detail;
  // The topic's consumers' firing alerts (the visible ones): group rules are judged per group.
  const firingCount = await countFiringAlerts({ clusterId, groupIds: detail.consumer_health.map((group) => group.group_id) });
  return (
    <>
      <p className="muted"><Link href={`/clusters/${encodeURIComponent(clusterId)}/groups`}>Consumer groups of {clusterId}</Link> › topic</p>
      <h1 className="mono">{topic.name}</h1>
      {firingCount > 0 ? <p><AlertBadge count={firingCount} href={`/alerts?state=firing&cluster_id=${encodeURIComponent(clusterId)}`} /></p> : null}
      <PageRefresh intervalSeconds={refreshIntervalSeconds} renderedAt={detail.observed_at} />
      <section className="card" aria-labelledby="insight">
        <h2 id="insight">Governance insight <span className={`badge ${tone[insight.overall_status]}`}>{insight.overall_status}</span></h2>
        <p data-testid="insight-summary">{insight.summary}</p>
        <dl className="facts">
          <div><dt>Coverage</dt><dd>{coverage.consumed_partitions} of {coverage.total_partitions} partitions consumed{coverage.ratio === null ? '' : ` (${(coverage.ratio * 100).toFixed(0)} %)`}</dd></div>
          <div><dt>Consumer groups</dt><dd>{insight.group_count} ({insight.healthy_groups} healthy, {insight.warning_groups} warning, {insight.critical_groups} critical)</dd></div>
          <div><dt>Average SLO compliance</dt><dd>{insight.average_slo_compliance === null ? '—' : `${(insight.average_slo_compliance * 100).toFixed(1)} %`}</dd></div>
          <div><dt>Stuck partitions</dt><dd>{insight.total_stuck_partitions}</dd></div>
          <div><dt>Total lag on this topic</dt><dd>{formatCount(insight.total_lag)} msgs</dd></div>
        </dl>
      </section>
      <section className="card" aria-labelledby="alerts">
        <h2 id="alerts">Governance alerts</h2>
        {detail.governance_alerts.length === 0 ? <p className="muted">No alerts.</p> : (
          <ul data-testid="governance-alerts">
            {detail.governance_alerts.map((alert) => (
              <li key={`${alert.type}/${alert.group_id}`}>
                <span className={`badge ${severityTone[alert.severity] ?? 'warn'}`}>{alert.severity}</span>{' '}
                <Link className="mono" href={`/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(alert.group_id)}`}>{alert.group_id}</Link>: {alert.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <h2>Consumer groups reading this topic</h2>
      {detail.consumer_health.length === 0 ? <p className="muted">No consumer group has committed to or is assigned this topic.</p> : (
        <ScrollRegion label="Consuming groups"><table className="data" data-testid="topic-consumers">
          <thead>
            <tr>
              <th scope="col">Group</th><th scope="col">State</th><th scope="col">Health</th><th scope="col" className="number">Members</th>
              <th scope="col" className="number">Lag on topic (msgs)</th><th scope="col" className="number">SLO</th>
              <th scope="col" className="number">Gini</th><th scope="col" className="number">Stuck</th><th scope="col">Recommendation</th>
            </tr>
          </thead>
          <tbody>
            {detail.consumer_health.map((group) => (
              <tr key={group.group_id} data-group-id={group.group_id}>
                <td><Link className="mono" href={`/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(group.group_id)}`}>{group.group_id}</Link></td>
                <td><StateBadge state={group.state} /></td>
                <td><span className={`badge ${tone[group.health]}`}>{group.health}</span></td>
                <td className="number">{group.member_count}</td>
                <td className="number">{formatCount(group.topic_lag.total_lag)}</td>
                <td className="number">{(group.slo_compliance * 100).toFixed(1)} %</td>
                <td className="number">{group.fairness_gini === null ? '—' : group.fairness_gini.toFixed(2)}</td>
                <td className="number">{group.stuck_count}</td>
                <td>{group.recommendation ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table></ScrollRegion>
      )}
      <h2>Topic</h2>
      <section className="card">
        <dl className="facts">
          <div><dt>Partitions</dt><dd>{topic.partition_count}</dd></div>
          <div><dt>Replication factor</dt><dd>{topic.replication_factor}</dd></div>
          <div><dt>Retention</dt><dd>{formatRetentionMs(topic.retention_ms)} / {formatRetentionBytes(topic.retention_bytes)}</dd></div>
          <div><dt>Cleanup policy</dt><dd>{topic.cleanup_policy ?? 'unknown'}</dd></div>
        </dl>
        <ScrollRegion label="Partitions"><table className="data">
          <thead><tr><th scope="col" className="number">Partition</th><th scope="col" className="number">Leader</th><th scope="col">Replicas</th><th scope="col">ISR</th><th scope="col" className="number">Log start (offset)</th><th scope="col" className="number">Log end (offset)</th></tr></thead>
          <tbody>
            {topic.partitions.map((partition) => (
              <tr key={partition.partition}>
                <td className="number">{partition.partition}</td>
                <td className="number">{partition.leader_id < 0 ? <span className="badge bad">none</span> : partition.leader_id}</td>
                <td>{partition.replica_ids.join(', ')}</td>
                <td>{partition.isr_ids.length < partition.replica_ids.length ? <span className="badge warn">{partition.isr_ids.join(', ')}</span> : partition.isr_ids.join(', ')}</td>
                <td className="number">{formatCount(partition.log_start_offset)}</td>
                <td className="number">{formatCount(partition.log_end_offset)}</td>
              </tr>
            ))}
          </tbody>
        </table></ScrollRegion>
      </section>
    </>
  );
}
