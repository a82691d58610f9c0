import { withAuth } from '@/lib/api/with-auth';
import { buildOpenApiDocument } from '@/lib/openapi/document';

export const dynamic = 'force-dynamic';

// Built once per process: the description only changes with the code.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

// GET /api/openapi.json — the OpenAPI 3.1 description of every route, from the zod schemas the routes parse with.
export const GET = withAuth(async () => {
  document ??= buildOpenApiDocument();
  return document;
}, { resource: 'none' });
