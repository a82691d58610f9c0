import { z } from 'zod';
import { errorResponseSchema } from '@/lib/api/api-schemas';
import { apiAreas } from './areas';
import type { ApiArea, ApiOperation, ApiResponse } from './types';

type JsonSchema = Record<string, unknown>;

/** zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect); requests as the client sends them, responses as the server writes them. */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return jsonSchema;
}

function parametersOf(schema: z.ZodObject | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const jsonSchema = toJsonSchema(schema, 'input');
  const properties = (jsonSchema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((jsonSchema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, { description, example, ...property }]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    ...(typeof description === 'string' ? { description } : {}),
    ...(example === undefined ? {} : { example }),
    schema: property,
  }));
}

/**
 * The operation's responses as described: its own success responses plus the errors every
 * route can answer with (the one Error shape). Tests validate real answers with these schemas.
 */
export function describedResponses(operation: ApiOperation): Record<number, ApiResponse> {
  const error = (description: string): ApiResponse => ({ description, schema: errorResponseSchema });
  const responses: Record<number, ApiResponse> = { ...operation.responses };
  if (operation.query || operation.body || operation.pathParameters) responses[400] = error('Malformed parameters or body');
  if (operation.role !== 'public') {
    responses[401] = error('No or bad credentials');
    responses[403] = error('Role too low');
  }
  if (operation.pathParameters) responses[404] = error('Unknown cluster, group, topic, stream or record (or another team’s)');
  if (operation.role !== 'public') responses[503] = error('A source (Kafka, Redis) cannot be reached');
  return responses;
}

function responsesOf(operation: ApiOperation) {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(describedResponses(operation))) {
    const mediaType = response.contentType ?? 'application/json';
    const schema = response.schema && mediaType !== 'text/plain' ? { schema: toJsonSchema(response.schema, 'output') } : { schema: { type: 'string' } };
    const example = response.example === undefined ? {} : { example: response.example };
    responses[status] = { description: response.description, content: { [mediaType]: { ...schema, ...example } } };
  }
  return responses;
}

function operationId(operation: ApiOperation): string {
  const words = operation.path.replace(/^\/api\/(v1\/)?/, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
  return operation.method + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}

function describeOperation(area: ApiArea, operation: ApiOperation) {
  const role = operation.role ?? 'viewer';
  const roleNote = role === 'public' ? 'Needs no credentials.' : `Needs the ${role} role (session cookie or API token).`;
  return {
    tags: [area.name],
    operationId: operationId(operation),
    summary: operation.summary,
    description: [operation.description, roleNote].filter(Boolean).join('\n\n'),
    ...(role === 'public' ? { security: [] } : {}),
    'x-lagboard-role': role,
    parameters: [...parametersOf(operation.pathParameters, 'path'), ...parametersOf(operation.query, 'query')],
    ...(operation.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(operation.body, 'input'), ...(operation.bodyExample === undefined ? {} : { example: operation.bodyExample }) } } } }
      : {}),
    responses: responsesOf(operation),
  };
}

/** The OpenAPI 3.1 description of every route, generated from the areas' zod schemas. */
export function buildOpenApiDocument(areas: readonly ApiArea[] = apiAreas) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const area of areas) {
    for (const operation of area.operations) {
      paths[operation.path] = { ...paths[operation.path], [operation.method]: describeOperation(area, operation) };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lagboard API',
      version: '1',
      description: 'Consumer lag of Kafka and Redis Streams consumer groups. Errors are `{"error":{"code","message"}}`. JSON uses snake_case.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: areas.map((area) => ({ name: area.name, description: area.description })),
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (lgb_…) from Settings → API tokens or `npm run token:create`' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: 'The dashboard session after sign-in' },
      },
      schemas: { Error: toJsonSchema(errorResponseSchema, 'output') },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

/** Finds the operation of a concrete request path such as /api/v1/events/streams/events%3Achat (for tests and the reference page). */
export function findOperation(method: string, requestPath: string, areas: readonly ApiArea[] = apiAreas): ApiOperation | undefined {
  const parameterCount = (operation: ApiOperation) => (operation.path.match(/\{/g) ?? []).length;
  // A literal segment wins over a parameter, as in Next.js routing (/teams/export before /teams/{team_id}).
  const candidates = areas.flatMap((area) => area.operations).filter((operation) => operation.method === method.toLowerCase());
  return candidates.sort((left, right) => parameterCount(left) - parameterCount(right)).find((operation) => {
    const pattern = new RegExp(`^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return pattern.test(requestPath);
  });
}
