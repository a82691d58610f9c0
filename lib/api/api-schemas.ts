import { z } from 'zod';

/** The one error shape of every route (lib/api/errors.ts). */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Machine-readable: bad_request, unauthorized, forbidden, not_found, conflict, service_unavailable, …' }),
    message: z.string().meta({ description: 'What went wrong, for a person; never a stack trace or a connection string' }),
  }),
}).meta({ title: 'Error', example: { error: { code: 'not_found', message: 'No group "billing" in cluster "local"' } } });

/** Answer of a DELETE that revoked or removed something. */
export const removedResponseSchema = (flag: 'revoked' | 'deleted') => z.object({ [flag]: z.literal(true), id: z.string() });

const isoTime = z.string().meta({ description: 'ISO 8601 time (UTC)', example: '2026-11-25T15:50:07.000Z' });
export const isoTimeSchema = isoTime;
export const nullableIsoTimeSchema = isoTime.nullable();
