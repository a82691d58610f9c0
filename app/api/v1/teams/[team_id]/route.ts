import { notFound } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { deleteTeam, findTeam } from '@/lib/teams/find-teams';
import { toTeamJson } from '@/lib/teams/team-record';
import { updateTeamBodySchema } from '@/lib/teams/team-schemas';
import { updateTeam } from '@/lib/teams/update-team';
import { teamIdParameters } from '@/lib/teams/api-schemas';

export const dynamic = 'force-dynamic';

type Params = { team_id: string };

// A team the caller is not in answers 404 like a missing one, so team ids reveal nothing.
export const GET = withAuth<Params>(async ({ params, principal }) => {
  const { team_id: teamId } = teamIdParameters.parse(params);
  const team = await findTeam(teamId);
  const visible = team && (principal.role === 'admin' || team.memberships.some(({ user }) => user.id === principal.userId));
  if (!team || !visible) throw notFound(`No team "${teamId}"`);
  return toTeamJson(team);
});

export const PATCH = withAuth<Params>(async ({ params, request }) => {
  const { team_id: teamId } = teamIdParameters.parse(params);
  const body = updateTeamBodySchema.parse(await request.json().catch(() => ({})));
  return toTeamJson(await updateTeam(teamId, body));
}, { role: 'admin' });

export const DELETE = withAuth<Params>(async ({ params }) => {
  const { team_id: teamId } = teamIdParameters.parse(params);
  if (!(await deleteTeam(teamId))) throw notFound(`No team "${teamId}"`);
  return { deleted: true, id: teamId };
}, { role: 'admin' });
