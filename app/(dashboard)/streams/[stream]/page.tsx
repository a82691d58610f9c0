import type { Metadata } from 'next';
import Link from 'next/link';
import { readStreamDetail } from '@/lib/events/read-stream-detail';
import { requireSession } from '@/lib/auth/require-session';
import { assertCanView } from '@/lib/teams/visibility';
import { loadOrNotFound } from '@/lib/api/page-data';
import { formatCount, formatDurationMs } from '@/components/format';
import { LagLabel } from '@/components/streams/lag-label';
import { TrendSection, parseChartRange } from '@/components/trend/trend-section';
import { hasRole } from '@/lib/auth/roles';
import { refreshIntervalSecondsOf } from '@/lib/auth/user-preferences';
import { buildStreamLiveUpdate } from '@/lib/events/stream-live-update';
import { LiveStreamPanel } from '@/components/streams/live-stream-panel';
import { StreamGroupActions } from '@/components/actions/stream-group-actions';
import { StreamScaling } from '@/components/actions/stream-scaling';
import { AuditTable } from '@/components/actions/audit-table';
import { listAuditEntries } from '@/lib/actions/list-audit-entries';
import { scalingInputOfDetail, streamGroupScaling } from '@/lib/events/stream-group-scaling';

import { decodePathSegment } from '@/lib/decode-path-segment';
import { countFiringAlerts, firingAlertsHref } from '@/lib/alerts/firing-counts';
import { AlertBadge } from '@/components/alerts/alert-badge';
import { RelativeTime } from '@/components/relative-time';
import { EntryId } from '@/components/streams/entry-id';
import { ScrollRegion } from '@/components/table/scroll-region';
import { readFittingChartRange } from '@/lib/history/trend/history-span';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ stream: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const tone = { healthy: 'ok', degraded: 'warn', unhealthy: 'bad', unknown: 'warn', good: 'ok', warning: 'warn', critical: 'bad' } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodePathSegment((await params).stream)} · Redis streams · Lagboard` };
}

export default async function StreamPage({ params, searchParams }: Props) {
  const streamName = decodePathSegment((await params).stream);
  const principal = await requireSession();
  const detail = await loadOrNotFound(async () => {
    await assertCanView(principal, 'redis_stream', streamName, null);
    return readStreamDetail(streamName);
  });
  const range = parseChartRange((await searchParams).range, await readFittingChartRange());
  const firingCount = await countFiringAlerts({ stream: streamName });
  const canAct = hasRole(principal.role, 'operator');
  const nowMs = Date.parse(detail.observed_at);
  const scalings = await Promise.all(detail.consumer_groups.map((group) => streamGroupScaling(scalingInputOfDetail(detail.name, group, nowMs))));
  const audit = canAct ? await listAuditEntries(principal, { stream: detail.name, limit: 20 }) : null;
  return (
    <>
      <p className="muted"><Link href="/streams">Redis streams</Link> ›</p>
      <h1 className="mono">{detail.name}</h1>
      {firingCount > 0 ? <p><AlertBadge count={firingCount} href={firingAlertsHref({ stream: streamName })} /></p> : null}
      <section className="card">
        <dl className="facts">
          <div><dt>Length</dt><dd>{formatCount(detail.length)} entries</dd></div>
          <div><dt>Entries added (ever)</dt><dd>{formatCount(detail.entries_added)}</dd></div>
          <div><dt>Newest entry</dt><dd><EntryId id={detail.last_entry_id} /></dd></div>
          <div><dt>Oldest entry</dt><dd><EntryId id={detail.first_entry_id} /></dd></div>
          <div><dt>Consumer groups</dt><dd>{detail.groups}</dd></div>
        </dl>
        {detail.error ? <div className="banner" role="alert">{detail.error}</div> : null}
      </section>
      <LiveStreamPanel streamName={detail.name} initial={buildStreamLiveUpdate(detail)}
        refreshIntervalSeconds={await refreshIntervalSecondsOf(principal.userId)} />
      {detail.consumer_groups.length === 0 ? <p className="muted">No consumer groups read this stream.</p> : null}
      {detail.consumer_groups.map((group, groupIndex) => (
        <section className="card" key={group.name} data-group={group.name} aria-labelledby={`group-${group.name}`}>
          <h2 id={`group-${group.name}`} className="mono">{group.name}</h2>
          {group.error ? <div className="banner" role="alert">{group.error}</div> : null}
          <p data-testid="stream-group-health">Health <span className={`badge ${tone[group.health]}`}>{group.health}</span>
            {group.health_reasons.length > 0 ? <span className="muted"> — {group.health_reasons.join('; ')}</span> : null}</p>
          <dl className="facts">
            <div><dt>Lag</dt><dd data-testid="stream-group-lag"><LagLabel lag={group} /> entries <span className={`badge ${tone[group.lag_class]}`}>{group.lag_class}</span></dd></div>
            <div><dt>Pending (delivered, not acknowledged)</dt><dd>{formatCount(group.pending)} entries <span className={`badge ${tone[group.pending_class]}`}>{group.pending_class}</span></dd></div>
            <div><dt>Oldest pending</dt><dd>{group.oldest_pending_id ? <><EntryId id={group.oldest_pending_id} />, idle {formatDurationMs(group.oldest_pending_idle_ms)}</> : 'none'}</dd></div>
            <div><dt>Last delivered</dt><dd>{group.last_delivered_id === '0-0' ? <span className="mono">0-0</span> : <EntryId id={group.last_delivered_id} />}</dd></div>
            <div><dt>Entries read</dt><dd>{formatCount(group.entries_read)}</dd></div>
          </dl>
          <TrendSection binding={{ kind: 'redis_stream_group', cluster_id: null, name: detail.name, group: group.name, range }}
            basePath={`/streams/${encodeURIComponent(detail.name)}`} canShare={hasRole(principal.role, 'operator')} />
          {group.dead_consumer_candidates.length > 0 ? (
            <div className="banner" role="alert" data-testid="dead-consumers">
              Dead-consumer candidates (idle over {formatDurationMs(detail.dead_consumer_idle_ms)} while holding pending entries): <span className="mono">{group.dead_consumer_candidates.join(', ')}</span>.
              Claim or acknowledge their entries below, or restart them.
            </div>
          ) : null}
          <ScrollRegion label="Consumers"><table className="data">
            <thead><tr><th scope="col">Consumer</th><th scope="col" className="number">Pending (entries)</th><th scope="col" className="number">Idle</th><th scope="col" className="number">Inactive</th><th scope="col">Dead?</th></tr></thead>
            <tbody>
              {group.consumers.length === 0 ? <tr><td colSpan={5} className="muted">No consumers in this group.</td></tr> : group.consumers.map((consumer) => (
                <tr key={consumer.name}>
                  <td className="mono">{consumer.name}</td>
                  <td className="number">{formatCount(consumer.pending)}</td>
                  <td className="number">{formatDurationMs(consumer.idle_ms)}</td>
                  <td className="number">{consumer.inactive_ms === null ? <span className="muted" title="Redis 7.2+ only">—</span> : formatDurationMs(consumer.inactive_ms)}</td>
                  <td>{consumer.dead_candidate ? <span className="badge bad">candidate</span> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table></ScrollRegion>
          {scalings[groupIndex] ? <StreamScaling scaling={scalings[groupIndex]} /> : null}
          {canAct ? (
            <StreamGroupActions stream={detail.name} group={group.name} defaultConsumer={group.dead_consumer_candidates[0] ?? null}
              consumers={group.consumers.map((consumer) => ({ name: consumer.name, pending: consumer.pending }))} />
          ) : null}
        </section>
      ))}
      {audit ? (
        <section className="card" aria-labelledby="stream-audit-heading">
          <h2 id="stream-audit-heading">Audit log of this stream</h2>
          <AuditTable entries={audit.entries} showTarget caption={`Actions on ${detail.name}`} />
        </section>
      ) : null}
      <p className="muted">Observed {new Date(detail.observed_at).toLocaleTimeString()}.</p>
      <p className="muted">Observed <RelativeTime time={detail.observed_at} />.</p>
    </>
  );
}
