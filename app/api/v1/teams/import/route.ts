import { withAuth } from '@/lib/api/with-auth';
import { readJsonBody } from '@/lib/api/read-json-body';
import { importTeams } from '@/lib/teams/import-teams';
import { teamFileSchema } from '@/lib/teams/team-file';
import { teamImportQuery } from '@/lib/teams/api-schemas';

export const dynamic = 'force-dynamic';


/** Body: the import file. `?dry_run=true` reports without writing; `?prune=true` deletes teams the file omits. */
export const POST = withAuth(async ({ request, searchParams }) => {
  const query = teamImportQuery.parse({ prune: searchParams.get('prune') ?? undefined, dry_run: searchParams.get('dry_run') ?? undefined });
  const file = await readJsonBody(request, teamFileSchema);
  return importTeams(file, { prune: query.prune, dryRun: query.dry_run });
}, { resource: 'none', role: 'admin' });
