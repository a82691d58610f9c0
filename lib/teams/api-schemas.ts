import { z } from 'zod';
import { isoTimeSchema } from '@/lib/api/api-schemas';
import { teamIdSchema } from './team-schemas';

/** Teams API: path and query schemas the routes parse with, and their responses. */

export { createTeamBodySchema, updateTeamBodySchema } from './team-schemas';
export { teamFileSchema } from './team-file';

export const teamIdParameters = z.object({ team_id: teamIdSchema });

const flag = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');
export const teamImportQuery = z.object({
  prune: flag.meta({ description: 'true: delete teams the file leaves out' }),
  dry_run: flag.meta({ description: 'true: report the changes without writing' }),
});

export const teamExportQuery = z.object({ download: z.enum(['true', 'false']).optional().meta({ description: 'true: sent as a file download' }) });

export const teamResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  created_at: isoTimeSchema,
  members: z.array(z.object({ user_id: z.string(), username: z.string() })),
  patterns: z.array(z.object({ id: z.string(), kind: z.string(), pattern: z.string(), cluster_id: z.string().nullable() })),
  thresholds: z.looseObject({}),
}).meta({ title: 'Team' });

export const teamListResponseSchema = z.object({ teams: z.array(teamResponseSchema) }).meta({ title: 'TeamList' });
export const teamImportResponseSchema = z.looseObject({}).meta({ title: 'TeamImportReport', description: 'What the import created, changed and (with prune) deleted' });
export const teamExportResponseSchema = z.looseObject({ teams: z.array(z.looseObject({ name: z.string() })) }).meta({ title: 'TeamFile' });
