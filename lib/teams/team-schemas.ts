import { z } from 'zod';
import { usernameSchema } from '@/lib/auth/users';
import { resourceKinds } from './resource-kinds';

/**
 * What the teams API and the import file accept. JSON field names are snake_case like the
 * rest of the API; types come from these schemas (z.infer), never from a hand-written copy.
 */

export const teamNameSchema = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters')
  .regex(/^[\p{L}\p{N} _.:@()/+-]+$/u, 'letters, digits, space and _.:@()/+- only');

// Same rule as KAFKA_CLUSTERS ids in lib/config-values.ts.
const clusterIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'is not a cluster id');

// Group ids and stream keys may hold almost anything; control characters are refused because
// they would be invisible in the settings page and in the export.
export const patternTextSchema = z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters')
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

export const teamPatternInputSchema = z.strictObject({
  kind: z.enum(resourceKinds),
  pattern: patternTextSchema,
  cluster_id: clusterIdSchema.nullish().transform((value) => value ?? null),
}).refine((rule) => rule.kind !== 'redis_stream' || rule.cluster_id === null, {
  path: ['cluster_id'],
  message: 'redis_stream patterns have no cluster (Lagboard watches one Redis)',
});

// Integer columns are PostgreSQL int4; a lag threshold of two billion messages is already "never".
const lagThreshold = z.number().int().min(0).max(2_147_483_647).nullable();
const ratioThreshold = z.number().min(0).max(1).nullable();

export const teamThresholdsInputSchema = z.strictObject({
  slo_threshold_p95_lag: lagThreshold.optional(),
  slo_compliance_min: ratioThreshold.optional(),
  fairness_gini_max: ratioThreshold.optional(),
  rebalance_score_min: z.number().int().min(0).max(100).nullable().optional(),
  stream_lag_degraded: lagThreshold.optional(),
  stream_lag_unhealthy: lagThreshold.optional(),
}).refine(
  (thresholds) => thresholds.stream_lag_degraded == null || thresholds.stream_lag_unhealthy == null
    || thresholds.stream_lag_degraded <= thresholds.stream_lag_unhealthy,
  { path: ['stream_lag_unhealthy'], message: 'must be at least stream_lag_degraded' },
);

export type TeamPatternInput = z.infer<typeof teamPatternInputSchema>;
export type TeamThresholdsInput = z.infer<typeof teamThresholdsInputSchema>;

export const createTeamBodySchema = z.strictObject({
  name: teamNameSchema,
  members: z.array(usernameSchema).max(1_000).default([]),
  patterns: z.array(teamPatternInputSchema).max(1_000).default([]),
  thresholds: teamThresholdsInputSchema.default({}),
});

/** PATCH: every part optional; thresholds given as null are cleared, absent ones are kept. */
export const updateTeamBodySchema = z.strictObject({
  name: teamNameSchema.optional(),
  thresholds: teamThresholdsInputSchema.optional(),
  patterns: z.strictObject({
    add: z.array(teamPatternInputSchema).max(1_000).default([]),
    remove: z.array(z.string().min(1).max(64)).max(1_000).default([]),
  }).optional(),
  members: z.strictObject({
    add: z.array(usernameSchema).max(1_000).default([]),
    remove: z.array(usernameSchema).max(1_000).default([]),
  }).optional(),
});

export type CreateTeamBody = z.infer<typeof createTeamBodySchema>;
export type UpdateTeamBody = z.infer<typeof updateTeamBodySchema>;

export const teamIdSchema = z.string().min(1).max(64).regex(/^[\w-]+$/, 'not a team id');
