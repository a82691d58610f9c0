import { z } from 'zod';
import { createTeamBodySchema } from './team-schemas';

/**
 * The import/export file: `{ "teams": [{ "name", "members", "patterns", "thresholds" }] }`.
 * Strict objects, so a misspelt key ("treshold") is an error instead of a silent no-op.
 */
export const teamFileSchema = z.strictObject({
  teams: z.array(createTeamBodySchema).max(1_000),
}).superRefine((file, context) => {
  const seen = new Set<string>();
  file.teams.forEach((team, index) => {
    if (seen.has(team.name)) {
      context.addIssue({ code: 'custom', path: ['teams', index, 'name'], message: `team "${team.name}" appears twice` });
    }
    seen.add(team.name);
  });
});

export type TeamFile = z.infer<typeof teamFileSchema>;
