import { withAuth } from '@/lib/api/with-auth';
import { createTeam } from '@/lib/teams/create-team';
import { listTeams } from '@/lib/teams/find-teams';
import { toTeamJson } from '@/lib/teams/team-record';
import { createTeamBodySchema } from '@/lib/teams/team-schemas';

export const dynamic = 'force-dynamic';

// Admins see every team; everybody else the teams they belong to.
export const GET = withAuth(async ({ principal }) => {
  const teams = await listTeams(principal.role === 'admin' ? {} : { memberUserId: principal.userId });
  return { teams: teams.map(toTeamJson) };
});

export const POST = withAuth(async ({ request }) => {
  const body = createTeamBodySchema.parse(await request.json().catch(() => ({})));
  const team = await createTeam(body);
  return Response.json(toTeamJson(team), { status: 201 });
}, { role: 'admin' });
