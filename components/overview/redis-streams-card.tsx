import { getRedisObservation } from '@/lib/sources/redis';
import { formatCount, formatDurationMs } from '@/components/format';
import { describeError } from '@/lib/log';
import { summarizeStreamHealth } from '@/lib/analysis';
import { getConfig } from '@/lib/config';
import { scopeStreams } from '@/lib/teams/scoped-views';
import type { TeamScope } from '@/lib/teams/team-scope';

/** The configured Redis streams and their consumer groups. */
export async function RedisStreamsCard({ scope }: { scope: TeamScope }) {
  let observation;
  try {
    observation = await getRedisObservation();
  } catch (error) {
    return (
      <section className="card">
        <h2>Redis streams</h2>
        <div className="banner" role="alert">Redis is unreachable: {describeError(error).replace(/^\w+: /, '')}</div>
      </section>
    );
  }
  const config = getConfig();
  const visibleStreams = scopeStreams(observation.streams, scope);
  const configuredGroupLags = visibleStreams.map((stream) => {
    const group = stream.groups.find((candidate) => candidate.name === config.eventTransport.consumerGroup);
    if (!stream.exists || !group) return 0;
    return group.lag ?? group.lagEstimate?.entries ?? null;
  });
  const health = summarizeStreamHealth(configuredGroupLags, { degraded: config.thresholds.streamLagDegraded, unhealthy: config.thresholds.streamLagUnhealthy });
  const tone = { healthy: 'ok', degraded: 'warn', unhealthy: 'bad' } as const;
  return (
    <section className="card" aria-labelledby="redis-streams">
      <h2 id="redis-streams">Redis streams</h2>
      <p data-testid="redis-health-summary">
        Group <span className="mono">{config.eventTransport.consumerGroup}</span>: <span className={`badge ${tone[health.status]}`}>{health.status}</span>{' '}
        {health.streams.healthy} healthy · {health.streams.degraded} degraded · {health.streams.unhealthy} unhealthy · max lag {formatCount(health.max_lag)} entries · total {formatCount(health.total_lag)} entries
      </p>
      <table className="data" data-testid="redis-streams">
        <thead>
          <tr>
            <th scope="col">Stream</th><th scope="col" className="number">Length (entries)</th><th scope="col">Group</th>
            <th scope="col" className="number">Lag (entries)</th><th scope="col" className="number">Pending (entries)</th>
            <th scope="col">Consumers</th><th scope="col" className="number">Oldest pending idle</th>
          </tr>
        </thead>
        <tbody>
          {visibleStreams.flatMap((stream) => {
            if (!stream.exists || stream.groups.length === 0) {
              return [
                <tr key={stream.name} data-stream={stream.name}>
                  <td className="mono">{stream.name}</td>
                  <td className="number">{stream.exists ? formatCount(stream.length) : '—'}</td>
                  <td colSpan={5} className="muted">{stream.error ?? (stream.exists ? 'no consumer groups' : 'stream does not exist')}</td>
                </tr>,
              ];
            }
            return stream.groups.map((group) => {
              const lag = group.lag ?? group.lagEstimate?.entries ?? null;
              const lagLabel = group.lag === null && group.lagEstimate ? `${group.lagEstimate.atLeast ? '≥ ' : '~'}${formatCount(lag)}` : formatCount(lag);
              return (
                <tr key={`${stream.name}/${group.name}`} data-stream={stream.name} data-group={group.name}>
                  <td className="mono">{stream.name}</td>
                  <td className="number">{formatCount(stream.length)}</td>
                  <td className="mono">{group.name}</td>
                  <td className="number" data-column="lag" title={group.lagSource === 'estimated' ? 'Redis did not report lag; estimated by counting entries' : undefined}>{lagLabel}</td>
                  <td className="number">{formatCount(group.pending)}</td>
                  <td className="mono">{group.consumers.map((consumer) => consumer.name).join(', ') || '—'}</td>
                  <td className="number">{formatDurationMs(group.pendingSummary?.oldestIdleMs ?? null)}</td>
                </tr>
              );
            });
          })}
        </tbody>
      </table>
      <p className="muted">Observed {new Date(observation.observedAtMs).toLocaleTimeString()} in {observation.roundTrips} round trips.</p>
    </section>
  );
}
