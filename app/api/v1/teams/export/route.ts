import { withAuth } from '@/lib/api/with-auth';
import { exportTeams } from '@/lib/teams/export-teams';
import { teamExportQuery } from '@/lib/teams/api-schemas';

export const dynamic = 'force-dynamic';

// Lists every team and member: admins only, like every other write-side view of teams.
export const GET = withAuth(async ({ searchParams }) => {
  const file = await exportTeams();
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (teamExportQuery.parse({ download: searchParams.get('download') ?? undefined }).download === 'true') {
    headers['content-disposition'] = 'attachment; filename="lagboard-teams.json"';
  }
  return new Response(`${JSON.stringify(file, null, 2)}\n`, { headers: { ...headers, 'content-type': 'application/json' } });
}, { resource: 'none', role: 'admin' });
