import 'server-only';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import { ownershipResolverFromRules, teamRulesOfKind, type ResourceOwnership } from '@/lib/teams/teams-for-resource';
import { groupListView } from './group-list-view';
import { loadObservation } from './load-observation';
import { withListHistory, type GroupListWithTimeLagJson } from './merge-time-lags';
import { readGroupListHistoryOrNull } from './time-lags';

type LoadedGroupList = { list: GroupListWithTimeLagJson; ownership: (groupId: string) => ResourceOwnership };

/**
 * The list judged once per observation, not once per viewer: with 2,000 groups the view costs
 * hundreds of milliseconds of CPU, and 50 viewers polling it every 2 s saturated the server
 * (bench:load). It is built again when the observation, the list history or the teams change,
 * so a team edit still shows at the next request.
 */
const builtLists = new WeakMap<KafkaClusterObservation, { history: unknown; teamsKey: string; built: LoadedGroupList }>();

/**
 * The list with the ownership lookup it was judged with, for callers that need each group's
 * thresholds again (the overview's alerts) without reading the teams a second time.
 */
export async function loadGroupList(clusterId: string): Promise<LoadedGroupList> {
  const [observation, history, teamRules] = await Promise.all([
    loadObservation(clusterId),
    readGroupListHistoryOrNull(clusterId),
    teamRulesOfKind('kafka_group'),
  ]);
  const teamsKey = JSON.stringify(teamRules);
  const cached = builtLists.get(observation);
  if (cached && cached.history === history && cached.teamsKey === teamsKey) return cached.built;
  const ownership = ownershipResolverFromRules('kafka_group', clusterId, teamRules);
  const built = { list: withListHistory(groupListView(observation, ownership), history), ownership };
  builtLists.set(observation, { history, teamsKey, built });
  return built;
}

/** GET /groups: no window and no partition history is read, so the list stays cheap for thousands of groups. */
export async function getGroupList(clusterId: string): Promise<GroupListWithTimeLagJson> {
  return (await loadGroupList(clusterId)).list;
}
