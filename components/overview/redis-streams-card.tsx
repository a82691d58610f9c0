import { getRedisObservation } from '@/lib/sources/redis';
import { formatCount, formatDurationMs } from '@/components/format';
import { describeError } from '@/lib/log';
import { summarizeStreamGroupClasses } from '@/lib/analysis';
import Link from 'next/link';
import { LagLabel } from '@/components/streams/lag-label';
import { detailOptionsFromConfig } from '@/lib/events/read-observation';
import { streamSummaryJson } from '@/lib/events/streams-list';

const healthTone = { healthy: 'ok', degraded: 'warn', unknown: 'warn', unhealthy: 'bad' } as const;
import { getConfig } from '@/lib/config';
import { scopeStreams } from '@/lib/teams/scoped-views';
import type { TeamScope } from '@/lib/teams/team-scope';
import { RelativeTime } from '@/components/relative-time';

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
  const options = detailOptionsFromConfig();
  // Each group's class counts lag, pending entries, their age and dead consumers (lib/analysis/stream-group-health.ts).
  const summaries = visibleStreams.map((stream) => streamSummaryJson(stream, observation.observedAtMs, options));
  const configuredGroups = summaries.flatMap((stream) => stream.consumer_groups.filter((group) => group.name === config.eventTransport.consumerGroup));
  const health = summarizeStreamGroupClasses(configuredGroups.map((group) => group.health));
  const worstLag = Math.max(0, ...configuredGroups.map((group) => group.lag));
  const totalLag = configuredGroups.reduce((sum, group) => sum + Math.max(0, group.lag), 0);
  return (
    <section className="card" aria-labelledby="redis-streams">
      <h2 id="redis-streams">Redis streams</h2>
      <p data-testid="redis-health-summary">
        Group <span className="mono">{config.eventTransport.consumerGroup}</span>: <span className={`badge ${healthTone[health.status]}`}>{health.status}</span>{' '}
        {health.counts.healthy} healthy · {health.counts.degraded} degraded · {health.counts.unhealthy} unhealthy{health.counts.unknown ? ` · ${health.counts.unknown} unknown` : ''} · max lag {formatCount(worstLag)} entries · total {formatCount(totalLag)} entries
      </p>
      <div className="table-scroll" role="region" aria-label="Redis streams and groups" tabIndex={0}>
      <table className="data" data-testid="redis-streams">
        <thead>
          <tr>
            <th scope="col">Stream</th><th scope="col" className="number">Length <span className="unit">(entries)</span></th><th scope="col">Group</th>
            <th scope="col" className="number">Lag <span className="unit">(entries)</span></th><th scope="col" className="number">Pending <span className="unit">(entries)</span></th>
            <th scope="col" className="number">Oldest pending</th><th scope="col">Dead consumers</th><th scope="col">Health</th>
          </tr>
        </thead>
        <tbody>
          {summaries.flatMap((stream) => {
            const link = <Link className="mono" href={`/streams/${encodeURIComponent(stream.name)}`}>{stream.name}</Link>;
            if (!stream.exists || stream.consumer_groups.length === 0) {
              return [
                <tr key={stream.name} data-stream={stream.name}>
                  <td>{link}</td>
                  <td className="number">{stream.exists ? formatCount(stream.length) : '—'}</td>
                  <td colSpan={6} className="muted">{stream.error ?? (stream.exists ? 'no consumer groups' : 'stream does not exist')}</td>
                </tr>,
              ];
            }
            return stream.consumer_groups.map((group) => (
              <tr key={`${stream.name}/${group.name}`} data-stream={stream.name} data-group={group.name}>
                <td>{link}</td>
                <td className="number">{formatCount(stream.length)}</td>
                <td className="mono">{group.name}</td>
                <td className="number" data-column="lag"><LagLabel lag={group} /></td>
                <td className="number">{formatCount(group.pending)}</td>
                <td className="number">{formatDurationMs(group.oldest_pending_age_ms)}</td>
                <td className="mono">{group.dead_consumer_candidates.join(', ') || '—'}</td>
                <td data-column="health">
                  <span className={`badge ${healthTone[group.health]}`}>{group.health}</span>
                  {group.health_reasons.length > 0 ? <ul className="reasons">{group.health_reasons.map((reason) => <li key={reason}>{reason}</li>)}</ul> : null}
                </td>
              </tr>
            ));
          })}
        </tbody>
      </table>
      </div>
      <p className="muted">Observed <RelativeTime time={observation.observedAtMs} /> in {observation.roundTrips} round trips.</p>
    </section>
  );
}
