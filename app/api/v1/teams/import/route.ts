import { z } from 'zod';
import { withAuth } from '@/lib/api/with-auth';
import { readJsonBody } from '@/lib/api/read-json-body';
import { importTeams } from '@/lib/teams/import-teams';
import { teamFileSchema } from '@/lib/teams/team-file';

export const dynamic = 'force-dynamic';

const flag = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');
const importQuery = z.object({ prune: flag, dry_run: flag });

/** Body: the import file. `?dry_run=true` reports without writing; `?prune=true` deletes teams the file omits. */
export const POST = withAuth(async ({ request, searchParams }) => {
  const query = importQuery.parse({ prune: searchParams.get('prune') ?? undefined, dry_run: searchParams.get('dry_run') ?? undefined });
  const file = await readJsonBody(request, teamFileSchema);
  return importTeams(file, { prune: query.prune, dryRun: query.dry_run });
}, { resource: 'none', role: 'admin' });
