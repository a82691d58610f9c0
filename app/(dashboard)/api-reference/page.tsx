import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/require-session';
import { buildOpenApiDocument } from '@/lib/openapi/document';
import { OperationView, type OperationDocument } from '@/components/api-reference/operation-view';

export const metadata: Metadata = { title: 'API reference · Lagboard' };
export const dynamic = 'force-dynamic';

/** The published OpenAPI description (the same document as GET /api/openapi.json), grouped by area. */
export default async function ApiReferencePage() {
  await requireSession();
  const document = buildOpenApiDocument();
  const paths = Object.entries(document.paths) as Array<[string, Record<string, OperationDocument>]>;
  return (
    <>
      <h1>API reference</h1>
      <p>
        Every route needs a session cookie or <code>Authorization: Bearer &lt;token&gt;</code> (create one under Settings → API tokens),
        except where it says otherwise. Errors are <code>{'{"error":{"code","message"}}'}</code>. The machine-readable description is{' '}
        <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {document.openapi}).
      </p>
      <nav aria-label="API areas" className="card">
        <ul className="area-index">
          {document.tags.map((tag) => <li key={tag.name}><a href={`#area-${tag.name.replace(/\W+/g, '-').toLowerCase()}`}>{tag.name}</a></li>)}
        </ul>
      </nav>
      {document.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`area-${tag.name.replace(/\W+/g, '-').toLowerCase()}`} data-testid="api-area">
          <h2 id={`area-${tag.name.replace(/\W+/g, '-').toLowerCase()}`}>{tag.name}</h2>
          <p className="muted">{tag.description}</p>
          {paths.flatMap(([path, methods]) =>
            Object.entries(methods)
              .filter(([, operation]) => (operation as unknown as { tags: string[] }).tags.includes(tag.name))
              .map(([method, operation]) => <OperationView key={`${method} ${path}`} method={method} path={path} operation={operation} />),
          )}
        </section>
      ))}
    </>
  );
}
