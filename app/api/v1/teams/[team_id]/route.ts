import { notFound } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { readJsonBody } from '@/lib/api/read-json-body';
import { deleteTeam, findTeam } from '@/lib/teams/find-teams';
import { toTeamJson } from '@/lib/teams/team-record';
import { updateTeamBodySchema } from '@/lib/teams/team-schemas';
import { updateTeam } from '@/lib/teams/update-team';
import { teamIdParameters } from '@/lib/teams/api-schemas';

export const dynamic = 'force-dynamic';

// Teams are not team-owned resources (resource 'none'); a team the caller is not in answers 404
// like a missing one, so team ids reveal nothing.
export const GET = withAuth(async ({ params, principal }) => {
  const teamId = teamIdParameters.parse(params).team_id;
  const team = await findTeam(teamId);
  const visible = team && (principal.role === 'admin' || team.memberships.some(({ user }) => user.id === principal.userId));
  if (!team || !visible) throw notFound(`No team "${teamId}"`);
  return toTeamJson(team);
}, { resource: 'none' });

export const PATCH = withAuth(async ({ params, request }) => {
  const teamId = teamIdParameters.parse(params).team_id;
  const body = await readJsonBody(request, updateTeamBodySchema);
  return toTeamJson(await updateTeam(teamId, body));
}, { resource: 'none', role: 'admin' });

export const DELETE = withAuth(async ({ params }) => {
  const teamId = teamIdParameters.parse(params).team_id;
  if (!(await deleteTeam(teamId))) throw notFound(`No team "${teamId}"`);
  return { deleted: true, id: teamId };
}, { resource: 'none', role: 'admin' });
