'use client';

import { useEffect, useState } from 'react';
import { formatCount } from '@/components/format';
import { StateBadge } from '@/components/state-badge';

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
  const [update, setUpdate] = useState<LiveUpdate>(initial);
  const [paused, setPaused] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (paused) return;
    const url = `/api/v1/consumers/groups/${encodeURIComponent(groupId)}/live?cluster_id=${encodeURIComponent(clusterId)}&interval=${intervalSeconds}`;
    const source = new EventSource(url);
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('update', (event) => {
      setUpdate(JSON.parse((event as MessageEvent<string>).data) as LiveUpdate);
      setProblem(null);
    });
    source.addEventListener('error', (event) => {
      const data = (event as MessageEvent<string>).data;
      setConnected(false);
      setProblem(data ? (JSON.parse(data) as { message: string }).message : 'Live connection lost; retrying…');
    });
    // Closing on unmount or pause ends the server's stream too (request aborted).
    return () => source.close();
  }, [clusterId, groupId, intervalSeconds, paused]);

  return (
    <section className="card" aria-labelledby="live-heading" data-testid="live-panel">
      <h2 id="live-heading">Live <span className={`badge ${paused ? 'warn' : connected ? 'ok' : 'warn'}`}>{paused ? 'paused' : connected ? `every ${intervalSeconds} s` : 'connecting'}</span></h2>
      <dl className="facts" aria-live="polite">
        <div><dt>Total lag</dt><dd data-testid="live-total-lag">{formatCount(update.lag_metrics.total_lag)} msgs</dd></div>
        <div><dt>Max partition lag</dt><dd>{formatCount(update.lag_metrics.lag_max)} msgs</dd></div>
        <div><dt>State</dt><dd><StateBadge state={update.state} /></dd></div>
        <div><dt>Members</dt><dd>{update.member_count}</dd></div>
        <div><dt>Updated</dt><dd data-testid="live-observed-at">{new Date(update.observed_at).toLocaleTimeString()}</dd></div>
      </dl>
      {problem ? <p className="muted" role="status">{problem}</p> : null}
      <button type="button" className="secondary" onClick={() => setPaused((value) => !value)}>{paused ? 'Resume live updates' : 'Pause live updates'}</button>
    </section>
  );
}
