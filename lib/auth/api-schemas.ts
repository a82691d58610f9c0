import { z } from 'zod';
import { nullableIsoTimeSchema, isoTimeSchema } from '@/lib/api/api-schemas';

/** API tokens and preferences: request schemas the routes parse with, and their responses. */

export const maxTokenExpiryDays = 3_650;

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100).regex(/^[\w .:@-]+$/, 'letters, digits, space and _.:@- only').meta({ example: 'prometheus' }),
  // Either a number of days from now or a date; neither: the token does not expire.
  expires_in_days: z.number().int().min(1).max(maxTokenExpiryDays).optional().meta({ example: 90 }),
  expires_at: z.iso.datetime({ offset: true }).optional(),
}).refine((body) => body.expires_in_days === undefined || body.expires_at === undefined, {
  message: 'give expires_in_days or expires_at, not both',
  path: ['expires_at'],
});

export const tokenIdParameters = z.object({ token_id: z.string().min(1).max(64).regex(/^[\w-]+$/, 'not a token id') });

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  created_at: isoTimeSchema,
  last_used_at: nullableIsoTimeSchema,
  revoked_at: nullableIsoTimeSchema,
  expires_at: nullableIsoTimeSchema,
});

export const tokenListResponseSchema = z.object({ tokens: z.array(tokenSchema) }).meta({ title: 'TokenList' });
export const tokenCreatedResponseSchema = tokenSchema.extend({ token: z.string().meta({ description: 'The plain token (lgb_…), returned only once' }) }).meta({ title: 'TokenCreated' });

export const preferencesResponseSchema = z.object({ refresh_interval_seconds: z.number().int() }).meta({ title: 'Preferences', example: { refresh_interval_seconds: 10 } });
