import { getKafkaObservation } from '@/lib/sources/kafka';
import { groupLagsByGroupId } from '@/lib/analysis/kafka-group-lag';
import { formatCount, formatDurationMs } from '@/components/format';
import { countGroupsByState, worstBy } from '@/lib/analysis/group-state-summary';
import { isGroupHealthy } from '@/lib/analysis/group-attention';
import { loadGroupList } from '@/lib/consumers/get-group-list';
import { listGovernanceAlerts } from '@/lib/consumers/list-alerts';
import { StateBadge } from '@/components/state-badge';
import { filterByTeamScope, type TeamScope } from '@/lib/teams/team-scope';
import Link from 'next/link';
import { RelativeTime } from '@/components/relative-time';
import { ScrollRegion } from '@/components/table/scroll-region';

// The overview answers "what is behind"; the full, searchable list is one click away.
const overviewGroupLimit = 25;
const overviewAttentionLimit = 5;
const overviewAlertLimit = 8;

/** Consumer groups of one cluster; an async server component rendered inside its own Suspense. */
export async function KafkaGroupsCard({ clusterId, scope }: { clusterId: string; scope: TeamScope }) {
  const [{ list, ownership }, observation] = await Promise.all([loadGroupList(clusterId), getKafkaObservation(clusterId)]);
  const groups = filterByTeamScope(list.groups, 'kafka_group', (group) => group.group_id, scope, clusterId).sort((left, right) => right.total_lag - left.total_lag);
  const byState = countGroupsByState(groups.map((group) => group.state));
  const totalLag = groups.reduce((sum, group) => sum + group.total_lag, 0);
  // Healthy groups (SLO met, status OK, members present, nothing lost) are never "worst", whatever their lag.
  const unhealthy = groups.filter((group) => !isGroupHealthy(group));
  const worstByLag = worstBy(unhealthy, (group) => group.total_lag, 3);
  const worstByTime = worstBy(unhealthy, (group) => group.lag_seconds_max, 3);
  const groupLink = (groupId: string) => `/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(groupId)}`;
  const attention = groups.filter((group) => (group.member_count === 0 && group.total_lag > 0) || group.data_loss_count > 0);
  const alerts = listGovernanceAlerts(groups, groupLagsByGroupId(observation), (groupId) => ownership(groupId).thresholds);
  const criticalCount = alerts.filter((alert) => alert.severity === 'critical').length;
  return (
    <section className="card" aria-labelledby={`cluster-${clusterId}`}>
      <h2 id={`cluster-${clusterId}`}>Kafka cluster “{clusterId}” — consumer groups</h2>
      <dl className="facts" data-testid={`kafka-summary-${clusterId}`}>
        <div><dt>Groups by state</dt><dd>{Object.entries(byState).filter(([, count]) => count > 0).map(([state, count]) => `${count} ${state}`).join(' · ') || 'none'}</dd></div>
        <div><dt>Total lag</dt><dd>{formatCount(totalLag)} msgs</dd></div>
        <div><dt>Worst by lag</dt><dd>{worstByLag.length === 0 ? <span className="muted">none: every group is healthy</span> : worstByLag.map((group) => (
          <div key={group.group_id}><a className="mono" href={groupLink(group.group_id)}>{group.group_id}</a> {formatCount(group.total_lag)} msgs</div>
        ))}</dd></div>
        <div><dt>Worst by lag in time</dt><dd>{worstByTime.length === 0 ? <span className="muted">{unhealthy.length === 0 ? 'none: every group is healthy' : '— (needs two collector snapshots)'}</span> : worstByTime.map((group) => (
          <div key={group.group_id}><a className="mono" href={groupLink(group.group_id)}>{group.group_id}</a> {formatDurationMs((group.lag_seconds_max ?? 0) * 1_000)}</div>
        ))}</dd></div>
        <div><dt>Needs attention</dt><dd>{attention.length === 0 ? 'nothing: every group with lag has members and no data loss' : attention.slice(0, overviewAttentionLimit).map((group) => (
          <div key={group.group_id}><a className="mono" href={groupLink(group.group_id)}>{group.group_id}</a>: {group.member_count === 0 ? 'no live members while messages wait' : `${group.data_loss_count} partitions lost records`}</div>
        ))}{attention.length > overviewAttentionLimit ? <div className="muted">and {attention.length - overviewAttentionLimit} more</div> : null}</dd></div>
      </dl>
      <h3>Active governance alerts</h3>
      <div data-testid={`kafka-alerts-${clusterId}`}>
        {alerts.length === 0 ? <p className="muted">None: every group meets its SLO, shares partitions fairly and lost no records.</p> : (
          <>
            <p>{criticalCount} critical · {alerts.length - criticalCount} warning</p>
            <ul className="alerts">
              {alerts.slice(0, overviewAlertLimit).map((alert) => (
                <li key={`${alert.group_id}-${alert.type}`}>
                  <span className={`badge ${alert.severity === 'critical' ? 'bad' : 'warn'}`}>{alert.severity}</span>{' '}
                  <Link className="mono" href={groupLink(alert.group_id)}>{alert.group_id}</Link>: {alert.message}
                </li>
              ))}
            </ul>
            {alerts.length > overviewAlertLimit ? <p className="muted">and {alerts.length - overviewAlertLimit} more in the <Link href={`/clusters/${encodeURIComponent(clusterId)}/groups?groups.sort=slo&groups.dir=asc`}>groups list</Link>.</p> : null}
          </>
        )}
        <p className="muted">Stuck partitions and rebalance instability are judged over each group&apos;s history, on its page.</p>
      </div>
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
        <ScrollRegion label={`Consumer groups of cluster ${clusterId}`}><table className="data" data-testid={`kafka-groups-${clusterId}`}>
          <thead>
            <tr>
              <th scope="col">Group</th><th scope="col">Type</th><th scope="col">State</th>
              <th scope="col" className="number">Members</th><th scope="col">Topics</th>
              <th scope="col" className="number">Total lag (messages)</th><th scope="col" className="number">Max partition lag (messages)</th>
            </tr>
          </thead>
          <tbody>
            {groups.slice(0, overviewGroupLimit).map((group) => (
              <tr key={group.group_id} data-group-id={group.group_id}>
                <td><Link className="mono" href={`/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(group.group_id)}`}>{group.group_id}</Link></td>
                <td>{group.type}</td>
                <td><StateBadge state={group.state} /></td>
                <td className="number">{group.member_count}</td>
                <td><span className="mono clipped" title={group.topics.join(', ')}>{group.topics.join(', ') || '—'}</span></td>
                <td className="number" data-column="total-lag">{formatCount(group.total_lag)}</td>
                <td className="number">{formatCount(group.lag_max)}</td>
              </tr>
            ))}
          </tbody>
        </table></ScrollRegion>
      )}
      <p className="muted">
        {groups.length > overviewGroupLimit ? <>The {overviewGroupLimit} groups with the most lag of {groups.length}: <Link href={`/clusters/${encodeURIComponent(clusterId)}/groups`}>all groups</Link>. </> : null}
        Observed <RelativeTime time={observation.observedAtMs} /> with {observation.requestCount} Kafka requests.
      </p>
    </section>
  );
}
