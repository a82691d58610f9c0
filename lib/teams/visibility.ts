import { notFound } from '@/lib/api/errors';
import type { Principal } from '@/lib/auth/principal';
import { readWithOutageFallback } from '@/lib/database-outage/outage-fallback';
import { databaseFrom, type DatabaseOption } from './team-database';
import type { ResourceKind } from './resource-kinds';
import { buildTeamScope, isVisibleInScope, unrestrictedScope, type TeamScope } from './team-scope';

/**
 * What the principal may see (rules in team-scope.ts): admins everything; others their teams'
 * resources and unowned ones. Read per request, so a membership change applies at once.
 */
export async function visibleTeamScope(principal: Principal, options: DatabaseOption = {}): Promise<TeamScope> {
  if (principal.role === 'admin') return unrestrictedScope;
  // The last scope read for this user serves a database outage (outage-fallback.ts).
  const rules = await readWithOutageFallback(`scope:${principal.userId}`, async () => {
    const prisma = await databaseFrom(options);
    return prisma.teamPattern.findMany({
      select: { kind: true, pattern: true, clusterId: true, team: { select: { memberships: { where: { userId: principal.userId }, select: { id: true } } } } },
    });
  });
  const toRule = ({ kind, pattern, clusterId }: (typeof rules)[number]) => ({ kind, pattern, clusterId });
  const memberRules = rules.filter((rule) => rule.team.memberships.length > 0).map(toRule);
  return buildTeamScope(memberRules, rules.map(toRule));
}

/**
 * For API handlers and pages that show one resource. Throws 404, not 403: a 403 would confirm
 * to a member of another team that a resource of that name exists.
 */
export async function assertCanView(
  principal: Principal,
  kind: ResourceKind,
  name: string,
  clusterId: string | null,
  options: DatabaseOption = {},
): Promise<void> {
  const scope = await visibleTeamScope(principal, options);
  if (!isVisibleInScope(scope, { kind, name, clusterId })) {
    throw notFound(kind === 'redis_stream' ? `No stream "${name}"` : `No ${kind === 'kafka_group' ? 'consumer group' : 'topic'} "${name}"${clusterId ? ` in cluster "${clusterId}"` : ''}`);
  }
}
