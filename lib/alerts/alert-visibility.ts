import type { Alert } from '@/lib/generated/prisma/client';
import { isVisibleInScope, type TeamScope } from '@/lib/teams/team-scope';

/**
 * An alert is seen by whoever may see its resource (lib/teams scope): a group's alert by the
 * viewers of that group, a stream's by the viewers of that stream. An alert about a whole source
 * (unreachable, Redis memory) concerns everyone who reads that source, so everyone sees it.
 */
export function isAlertVisible(scope: TeamScope, alert: Pick<Alert, 'clusterId' | 'groupId' | 'stream'>): boolean {
  if (scope.all) return true;
  if (alert.stream !== null) return isVisibleInScope(scope, { kind: 'redis_stream', name: alert.stream, clusterId: null });
  if (alert.groupId !== null && alert.clusterId !== null) return isVisibleInScope(scope, { kind: 'kafka_group', name: alert.groupId, clusterId: alert.clusterId });
  return true;
}
