import { badRequest } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json-body';
import { resolveClusterId } from '@/lib/consumers/query';
import { decodedSegmentsAfter } from '@/lib/events/path-segments';
import { z } from 'zod';

/**
 * The JSON body through the one size-limited reader (413 beyond API_BODY_MAX_BYTES), parsed by
 * `schema` (400 with the problems). Actions whose fields all have defaults accept no body at all.
 */
export async function parseJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  if (request.body === null || request.headers.get('content-length') === '0') return schema.parse({});
  return readJsonBody(request, schema);
}

/** cluster_id from a query that may also hold other parameters (validated by `schema`). */
export function clusterIdFrom(searchParams: URLSearchParams, schema: z.ZodType<{ cluster_id?: string | undefined }>): string {
  const names = [...searchParams.keys()];
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw badRequest(`Query parameter "${repeated}" is given more than once`);
  const query = schema.parse(Object.fromEntries(searchParams));
  return resolveClusterId(new URLSearchParams(query.cluster_id === undefined ? {} : { cluster_id: query.cluster_id }));
}

/** Stream, group and consumer names from the encoded path, decoded once (see path-segments.ts). */
export function streamPathNames(request: Request): { stream: string; group: string; consumer: string | null } {
  const [stream = '', , group = '', , consumer] = decodedSegmentsAfter(new URL(request.url).pathname, '/api/v1/events/streams/');
  if (stream === '' || group === '') throw badRequest('Stream and group names must not be empty');
  return { stream, group, consumer: consumer === undefined || consumer === '' ? null : consumer };
}
