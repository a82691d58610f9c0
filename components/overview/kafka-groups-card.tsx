import { getKafkaObservation } from '@/lib/sources/kafka';
import { computeClusterGroupLags } from '@/lib/analysis/kafka-group-lag';
import { formatCount } from '@/components/format';
import { StateBadge } from '@/components/state-badge';
import { filterByTeamScope, type TeamScope } from '@/lib/teams/team-scope';
import Link from 'next/link';

/** Consumer groups of one cluster; an async server component rendered inside its own Suspense. */
export async function KafkaGroupsCard({ clusterId, scope }: { clusterId: string; scope: TeamScope }) {
  const observation = await getKafkaObservation(clusterId);
  const groups = filterByTeamScope(computeClusterGroupLags(observation), 'kafka_group', (group) => group.group_id, scope, clusterId).sort((left, right) => right.lag.total_lag - left.lag.total_lag);
  return (
    <section className="card" aria-labelledby={`cluster-${clusterId}`}>
      <h2 id={`cluster-${clusterId}`}>Kafka cluster “{clusterId}” — consumer groups</h2>
      {observation.errors.length > 0 ? (
        <div className="banner" role="alert">
          {observation.errors.slice(0, 3).map((error) => (
            <div key={`${error.scope}-${error.message}`}><strong>{error.scope}</strong>: {error.message}</div>
          ))}
        </div>
      ) : null}
      {groups.length === 0 ? (
        <p className="muted">No consumer groups on this cluster yet. Groups appear once a consumer joins or commits an offset.</p>
      ) : (
        <table className="data" data-testid={`kafka-groups-${clusterId}`}>
          <thead>
            <tr>
              <th scope="col">Group</th><th scope="col">Type</th><th scope="col">State</th>
              <th scope="col" className="number">Members</th><th scope="col">Topics</th>
              <th scope="col" className="number">Total lag (messages)</th><th scope="col" className="number">Max partition lag (messages)</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.group_id} data-group-id={group.group_id}>
                <td><Link className="mono" href={`/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(group.group_id)}`}>{group.group_id}</Link></td>
                <td>{group.type}</td>
                <td><StateBadge state={group.state} /></td>
                <td className="number">{group.member_count}</td>
                <td className="mono">{group.topics.join(', ') || '—'}</td>
                <td className="number" data-column="total-lag">{formatCount(group.lag.total_lag)}</td>
                <td className="number">{formatCount(group.lag.lag_max)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">Observed {new Date(observation.observedAtMs).toLocaleTimeString()} with {observation.requestCount} Kafka requests.</p>
    </section>
  );
}
