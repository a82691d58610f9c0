import type { Metadata } from 'next';
import Link from 'next/link';
import { readObservation } from '@/lib/events/read-observation';
import { buildStreamsList } from '@/lib/events/streams-list';
import { classifyStreamLag } from '@/lib/analysis';
import { getConfig } from '@/lib/config';
import { formatCount, formatDurationMs } from '@/components/format';
import { LagLabel } from '@/components/streams/lag-label';
import { ApiError } from '@/lib/api/errors';
import { requireSession } from '@/lib/auth/require-session';
import { visibleTeamScope } from '@/lib/teams/visibility';
import { scopeStreams } from '@/lib/teams/scoped-views';

export const metadata: Metadata = { title: 'Redis streams · Lagboard' };
export const dynamic = 'force-dynamic';

const tone = { healthy: 'ok', degraded: 'warn', unhealthy: 'bad', unknown: 'warn' } as const;

export default async function StreamsPage() {
  const config = getConfig();
  let list;
  try {
    const [observation, scope] = await Promise.all([readObservation(), visibleTeamScope(await requireSession())]);
    list = buildStreamsList({ ...observation, streams: scopeStreams(observation.streams, scope) });
  } catch (error) {
    if (error instanceof ApiError) {
      return (<><h1>Redis streams</h1><div className="banner" role="alert">{error.message}. Check REDIS_URL and that Redis is running.</div></>);
    }
    throw error;
  }
  const thresholds = { degraded: config.thresholds.streamLagDegraded, unhealthy: config.thresholds.streamLagUnhealthy };
  return (
    <>
      <h1>Redis streams</h1>
      {list.server ? (
        <p className="muted">Redis {list.server.version} · {formatCount(Math.round(list.server.used_memory_bytes / 1024 / 1024))} MiB used
          {list.server.max_memory_bytes ? ` of ${formatCount(Math.round(list.server.max_memory_bytes / 1024 / 1024))} MiB` : ' (no limit)'} · {list.server.connected_clients} clients · {list.server.ops_per_second} ops/s</p>
      ) : null}
      {list.errors.map((problem) => <div className="banner" role="alert" key={problem.message}><strong>{problem.scope}</strong>: {problem.message}</div>)}
      {list.streams.length === 0 ? <p className="muted">No streams configured: set EVENT_STREAMS.</p> : (
        <table className="data" data-testid="streams-list">
          <thead>
            <tr>
              <th scope="col">Stream</th><th scope="col" className="number">Length (entries)</th><th scope="col" className="number">Newest entry age</th>
              <th scope="col">Group</th><th scope="col" className="number">Lag (entries)</th><th scope="col" className="number">Pending (entries)</th>
              <th scope="col" className="number">Consumers</th><th scope="col">Health</th>
            </tr>
          </thead>
          <tbody>
            {list.streams.flatMap((stream) => {
              const href = `/streams/${encodeURIComponent(stream.name)}`;
              if (!stream.exists || stream.consumer_groups.length === 0) {
                return [(
                  <tr key={stream.name} data-stream={stream.name}>
                    <td><Link className="mono" href={href}>{stream.name}</Link></td>
                    <td className="number">{stream.exists ? formatCount(stream.length) : '—'}</td>
                    <td className="number">{formatDurationMs(stream.last_entry_age_ms)}</td>
                    <td colSpan={5} className="muted">{stream.error ?? (stream.exists ? 'no consumer groups' : 'stream does not exist (yet)')}</td>
                  </tr>
                )];
              }
              return stream.consumer_groups.map((group) => {
                const lagClass = classifyStreamLag(group.lag < 0 ? null : group.lag, thresholds);
                return (
                  <tr key={`${stream.name}/${group.name}`} data-stream={stream.name} data-group={group.name}>
                    <td><Link className="mono" href={href}>{stream.name}</Link></td>
                    <td className="number">{formatCount(stream.length)}</td>
                    <td className="number">{formatDurationMs(stream.last_entry_age_ms)}</td>
                    <td className="mono">{group.name}</td>
                    <td className="number" data-column="lag"><LagLabel lag={group} /></td>
                    <td className="number">{formatCount(group.pending)}</td>
                    <td className="number">{group.consumers}</td>
                    <td><span className={`badge ${tone[lagClass]}`}>{lagClass}</span></td>
                  </tr>
                );
              });
            })}
          </tbody>
        </table>
      )}
      <p className="muted">Observed {new Date(list.observed_at).toLocaleTimeString()}. Healthy below {thresholds.degraded} entries, degraded below {thresholds.unhealthy}, unhealthy from {thresholds.unhealthy}.</p>
    </>
  );
}
