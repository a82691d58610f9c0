'use client';

import { useState } from 'react';
import { useLiveUpdates } from '@/lib/live/use-live-updates';
import { formatCount } from '@/components/format';
import { StateBadge } from '@/components/state-badge';
import { RelativeTime } from '@/components/relative-time';

interface LiveUpdate {
  state: string;
  member_count: number;
  lag_metrics: { total_lag: number; lag_max: number; lag_p95: number };
  observed_at: string;
}

/** Live lag, state and members over Server-Sent Events, with a pause control. */
export function LiveGroupPanel({ clusterId, groupId, intervalSeconds, initial }: {
  clusterId: string;
  groupId: string;
  intervalSeconds: number;
  initial: LiveUpdate;
}) {
  const [paused, setPaused] = useState(false);
  const url = paused ? null : `/api/v1/consumers/groups/${encodeURIComponent(groupId)}/live?cluster_id=${encodeURIComponent(clusterId)}&interval=${intervalSeconds}`;
  const { latest, connection, problem } = useLiveUpdates<LiveUpdate>(url, intervalSeconds * 1_000);
  const update = latest ?? initial;
  const connected = connection === 'open';

  return (
    <section className="card" aria-labelledby="live-heading" data-testid="live-panel">
      <h2 id="live-heading">Live <span className={`badge ${paused ? 'warn' : connected ? 'ok' : 'warn'}`}>{paused ? 'paused' : connected ? `every ${intervalSeconds} s` : 'connecting'}</span></h2>
      <dl className="facts" aria-live="polite">
        <div><dt>Total lag</dt><dd data-testid="live-total-lag">{formatCount(update.lag_metrics.total_lag)} msgs</dd></div>
        <div><dt>Max partition lag</dt><dd>{formatCount(update.lag_metrics.lag_max)} msgs</dd></div>
        <div><dt>State</dt><dd><StateBadge state={update.state} /></dd></div>
        <div><dt>Members</dt><dd>{update.member_count}</dd></div>
        <div><dt>Updated</dt><dd><RelativeTime time={update.observed_at} testId="live-observed-at" /></dd></div>
      </dl>
      {problem ? <p className="muted" role="status">{problem}</p> : null}
      <button type="button" className="secondary" onClick={() => setPaused((value) => !value)}>{paused ? 'Resume live updates' : 'Pause live updates'}</button>
    </section>
  );
}
