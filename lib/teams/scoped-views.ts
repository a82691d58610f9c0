import type { GroupListJson } from '@/lib/consumers/group-list-view';
import type { TopicDetailJson } from '@/lib/consumers/topic-detail-view';
import type { TopicConsumersJson } from '@/lib/consumers/topic-consumers-view';
import { filterByTeamScope, isVisibleInScope, type TeamScope } from './team-scope';

/**
 * The team scope applied to API and page views: what a viewer may not see is left out of
 * lists, so a team view holds only its own (and unowned) resources. Pure: the scope is read
 * once per request by visibleTeamScope().
 */

export function scopeGroupList<List extends GroupListJson>(list: List, scope: TeamScope): List {
  const groups = filterByTeamScope(list.groups, 'kafka_group', (group) => group.group_id, scope, list.cluster_id);
  return { ...list, groups, group_count: groups.length };
}

export function scopeStreams<Stream extends { name: string }>(streams: readonly Stream[], scope: TeamScope): Stream[] {
  return filterByTeamScope(streams, 'redis_stream', (stream) => stream.name, scope, null);
}

const groupVisible = (scope: TeamScope, clusterId: string, groupId: string) =>
  isVisibleInScope(scope, { kind: 'kafka_group', name: groupId, clusterId });

/** Groups of other teams reading the topic are left out, with their alerts; the insight summary counts every group. */
export function scopeTopicDetail(detail: TopicDetailJson, scope: TeamScope): TopicDetailJson {
  return {
    ...detail,
    consumer_health: detail.consumer_health.filter((group) => groupVisible(scope, detail.cluster_id, group.group_id)),
    governance_alerts: detail.governance_alerts.filter((alert) => groupVisible(scope, detail.cluster_id, alert.group_id)),
  };
}

export function scopeTopicConsumers(consumers: TopicConsumersJson, scope: TeamScope): TopicConsumersJson {
  const visible = consumers.consumers.filter((group) => groupVisible(scope, consumers.cluster_id, group.group_id));
  return { ...consumers, consumers: visible, consumer_count: visible.length };
}
