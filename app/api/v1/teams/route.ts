import { withAuth } from '@/lib/api/with-auth';
import { readJsonBody } from '@/lib/api/read-json-body';
import { createTeam } from '@/lib/teams/create-team';
import { listTeams } from '@/lib/teams/find-teams';
import { toTeamJson } from '@/lib/teams/team-record';
import { createTeamBodySchema } from '@/lib/teams/team-schemas';

export const dynamic = 'force-dynamic';

// Admins see every team; everybody else the teams they belong to.
export const GET = withAuth(async ({ principal }) => {
  const teams = await listTeams(principal.role === 'admin' ? {} : { memberUserId: principal.userId });
  return { teams: teams.map(toTeamJson) };
}, { resource: 'none' });

export const POST = withAuth(async ({ request }) => {
  const body = await readJsonBody(request, createTeamBodySchema);
  const team = await createTeam(body);
  return Response.json(toTeamJson(team), { status: 201 });
}, { resource: 'none', role: 'admin' });
