import 'server-only';
import { badRequest } from '@/lib/api/errors';
import type { Principal } from '@/lib/auth/principal';
import { getConfig } from '@/lib/config';
import { groupPathParameters, topicPathParameters } from '@/lib/consumers/query';
import { decodedSegmentsAfter } from '@/lib/events/path-segments';
import { resolveTrendCluster } from '@/lib/history/trend/cluster';
import { assertCanView, visibleTeamScope } from '@/lib/teams/visibility';
import type { TeamScope } from '@/lib/teams/team-scope';

/**
 * The resource a route serves, declared once per handler (`withAuth(handler, { resource })`)
 * and resolved here before the handler runs: the names come from the path and `cluster_id`,
 * and the team visibility check has passed (another team's resource is a 404, as everywhere).
 */
export type ResourceOption = 'none' | 'list' | 'kafka_group' | 'kafka_topic' | 'redis_stream';

export interface ResourceScopes {
  /** No team-owned resource (tokens, preferences, teams, share links, status). */
  none: null;
  /** A list filtered by the caller's teams: the scope to filter with. */
  list: { teamScope: TeamScope };
  /** `/…/groups/{group_id}` with `cluster_id` (optional when one cluster is configured). */
  kafka_group: { clusterId: string; groupId: string };
  /** `/…/topics/{topic_name}` with `cluster_id`. */
  kafka_topic: { clusterId: string; topic: string };
  /** `/…/streams/{stream}[/…]`: the stream name and the decoded segments after it. */
  redis_stream: { stream: string; segmentsAfterStream: string[] };
}

export type RouteParams = Record<string, string | string[] | undefined>;

const clusterIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** `cluster_id`, validated; absent means the only configured cluster. Unknown clusters are the handler's 404. */
function clusterIdFrom(searchParams: URLSearchParams): string {
  const values = searchParams.getAll('cluster_id');
  if (values.length > 1) throw badRequest('Query parameter "cluster_id" is given more than once');
  const [value] = values;
  if (value !== undefined && !clusterIdPattern.test(value)) {
    throw badRequest('Invalid request parameters', [{ parameter: 'cluster_id', problem: 'must be 1-64 letters, digits, ".", "_" or "-"' }]);
  }
  return resolveTrendCluster(value ?? null, getConfig().kafka.clusters);
}

export async function resolveResourceScope<Kind extends ResourceOption>(
  kind: Kind,
  input: { request: Request; params: RouteParams; searchParams: URLSearchParams; principal: Principal },
): Promise<ResourceScopes[Kind]> {
  const { principal, params, searchParams } = input;
  switch (kind) {
    case 'none':
      return null as ResourceScopes[Kind];
    case 'list':
      return { teamScope: await visibleTeamScope(principal) } as ResourceScopes[Kind];
    case 'kafka_group': {
      const { group_id: groupId } = groupPathParameters.parse(params);
      const clusterId = clusterIdFrom(searchParams);
      await assertCanView(principal, 'kafka_group', groupId, clusterId);
      return { clusterId, groupId } as ResourceScopes[Kind];
    }
    case 'kafka_topic': {
      const { topic_name: topic } = topicPathParameters.parse(params);
      const clusterId = clusterIdFrom(searchParams);
      await assertCanView(principal, 'kafka_topic', topic, clusterId);
      return { clusterId, topic } as ResourceScopes[Kind];
    }
    case 'redis_stream': {
      // From the encoded pathname, decoded once (see path-segments.ts): names hold ':' and '/'.
      const [stream = '', ...segmentsAfterStream] = decodedSegmentsAfter(new URL(input.request.url).pathname, '/streams/');
      if (stream === '' || stream.length > 32_767) throw badRequest('The stream name must be 1-32767 characters');
      // PostgreSQL text (the history) cannot hold NUL, and no stream producer in practice uses it.
      if ([stream, ...segmentsAfterStream].some((segment) => segment.includes('\u0000'))) throw badRequest('Names must not contain NUL characters');
      await assertCanView(principal, 'redis_stream', stream, null);
      return { stream, segmentsAfterStream } as ResourceScopes[Kind];
    }
    default:
      throw new Error(`unknown resource kind ${String(kind)}`);
  }
}
