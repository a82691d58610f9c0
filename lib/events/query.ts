import { z } from 'zod';

/**
 * Redis accepts any bytes as a group name; the API takes any printable text up to 256
 * characters, so a stray control character or an empty `?group=` is a 400, not a lookup.
 */
export const groupName = z.string().min(1, 'must not be empty').max(256).regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

export const consumerGroupQuery = z.object({ group: groupName.optional() });

export const groupPathParameter = z.object({ group: groupName });

export const streamDetailQuery = z.object({
  /** Overrides DEAD_CONSUMER_IDLE_MS for this request (the UI's threshold control). */
  dead_consumer_idle_ms: z.coerce.number().int().min(1).max(7 * 86_400_000).optional(),
});

export function queryObject(searchParams: URLSearchParams): Record<string, string> {
  return Object.fromEntries(searchParams);
}

/** A stream name from the path (decoded once from the encoded pathname, see path-segments.ts). */
export const streamPathParameters = z.object({ stream: z.string().min(1, 'must not be empty').max(65_536).meta({ description: 'Stream key, URL-encoded (events%3Achat)', example: 'events:chat' }) });

export const streamGroupPathParameters = streamPathParameters.extend(groupPathParameter.shape);
