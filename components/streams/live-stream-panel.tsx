'use client';

import { useState } from 'react';
import { formatCount, formatDurationMs } from '@/components/format';
import { formatClockTime } from '@/components/format-clock-time';
import { LagLabel } from '@/components/streams/lag-label';
import type { StreamLiveUpdateJson } from '@/lib/events/stream-live-update';
import { useLiveUpdates, type LiveConnection } from '@/lib/live/use-live-updates';
import styles from './live-stream-panel.module.css';
import { ScrollRegion } from '@/components/table/scroll-region';

const lagTone = { healthy: 'ok', degraded: 'warn', unhealthy: 'bad', unknown: 'warn' } as const;
const connectionLabel: Record<LiveConnection, string> = { connecting: 'connecting', open: 'live', retrying: 'reconnecting' };

/** The stream's groups refreshed over Server-Sent Events every `refreshIntervalSeconds`, with a pause control. */
export function LiveStreamPanel({ streamName, refreshIntervalSeconds, initial }: {
  streamName: string;
  refreshIntervalSeconds: number;
  initial: StreamLiveUpdateJson;
}) {
  const [paused, setPaused] = useState(false);
  const url = paused ? null : `/api/v1/events/streams/${encodeURIComponent(streamName)}/live?interval=${refreshIntervalSeconds}`;
  const { latest, connection, problem } = useLiveUpdates<StreamLiveUpdateJson>(url, refreshIntervalSeconds * 1_000);
  const update = latest ?? initial;

  return (
    <section className="card" aria-labelledby="live-heading" data-testid="live-stream-panel">
      <div className={styles.heading}>
        <h2 id="live-heading">Live consumer groups</h2>
        <span className={`badge ${paused ? 'warn' : connection === 'open' ? 'ok' : 'warn'}`} data-testid="live-state">{paused ? 'paused' : connectionLabel[connection]}</span>
        <button type="button" className="secondary" aria-pressed={paused} onClick={() => setPaused((value) => !value)}>
          {paused ? 'Resume live updates' : 'Pause live updates'}
        </button>
      </div>
      <p className="muted">
        Every {refreshIntervalSeconds} s · updated{' '}
        <time dateTime={update.observed_at} data-testid="live-updated-at" suppressHydrationWarning>{formatClockTime(update.observed_at)}</time>
        {' '}· length <span data-testid="live-stream-length">{formatCount(update.length)}</span> entries
      </p>
      {problem && !paused ? <p className="banner" role="status">{problem}</p> : null}
      {update.error ? <p className="banner" role="status">{update.error}</p> : null}
      {update.groups.length === 0 ? <p className="muted">{update.exists ? 'No consumer groups read this stream.' : 'The stream does not exist (yet).'}</p> : (
        <ScrollRegion label="Live group figures"><table className="data" data-testid="live-stream-groups">
          <caption className="visually-hidden">Consumer groups of {update.stream}, updated live</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="number">Lag <span className="unit">(entries)</span></th>
              <th scope="col" className="number">Pending <span className="unit">(entries)</span></th>
              <th scope="col" className="number">Oldest pending age</th>
              <th scope="col">Consumers <span className="unit">(pending entries, idle)</span></th>
            </tr>
          </thead>
          <tbody>
            {update.groups.map((group) => (
              <tr key={group.name} data-group={group.name}>
                <td className="mono">{group.name}{group.error ? <div className="muted">{group.error}</div> : null}</td>
                <td className="number"><span data-column="lag"><LagLabel lag={group} /></span> <span className={`badge ${lagTone[group.lag_class]}`}>{group.lag_class}</span></td>
                <td className="number" data-column="pending">{formatCount(group.pending)}</td>
                <td className="number">{formatDurationMs(group.oldest_pending_age_ms)}</td>
                <td>
                  {group.consumers.length === 0 ? <span className="muted">none</span> : (
                    <ul className={styles.consumers}>
                      {group.consumers.map((consumer) => (
                        <li key={consumer.name}><span className="mono">{consumer.name}</span>: {formatCount(consumer.pending)} pending, idle {formatDurationMs(consumer.idle_ms)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table></ScrollRegion>
      )}
    </section>
  );
}
