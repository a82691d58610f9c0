import { describeSchemaType, SchemaFields } from './schema-view';

type JsonSchema = Record<string, unknown>;

interface Parameter { name: string; in: string; required: boolean; description?: string; example?: unknown; schema: JsonSchema }
interface MediaType { schema?: JsonSchema; example?: unknown }
export interface OperationDocument {
  operationId: string;
  summary: string;
  description: string;
  'x-lagboard-role': string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { description: string; content: Record<string, MediaType> }>;
}

/** One route and method of the description: parameters, body, responses and examples. */
export function OperationView({ method, path, operation }: { method: string; path: string; operation: OperationDocument }) {
  const body = operation.requestBody?.content['application/json'];
  return (
    <section className="card operation" id={operation.operationId} aria-labelledby={`${operation.operationId}-title`}>
      <h3 id={`${operation.operationId}-title`}>
        <span className={`method method-${method}`}>{method.toUpperCase()}</span> <code className="path">{path}</code>
      </h3>
      <p><strong>{operation.summary}</strong></p>
      {operation.description.split('\n\n').map((paragraph) => <p key={paragraph} className="muted">{paragraph}</p>)}
      {operation.parameters.length > 0 ? (
        <>
          <h4>Parameters</h4>
          <div className="table-scroll" role="region" aria-label={`Parameters of ${method.toUpperCase()} ${path}`} tabIndex={0}>
            <table className="data">
              <caption className="visually-hidden">Parameters of {method.toUpperCase()} {path}</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th><th scope="col">Example</th></tr></thead>
              <tbody>
                {operation.parameters.map((parameter) => (
                  <tr key={`${parameter.in}-${parameter.name}`}>
                    <td className="mono">{parameter.name}{parameter.required ? <span className="badge">required</span> : null}</td>
                    <td>{parameter.in}</td>
                    <td className="mono">{describeSchemaType(parameter.schema)}</td>
                    <td>{parameter.description ?? ''}</td>
                    <td className="mono">{parameter.example === undefined ? '' : String(parameter.example)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {body?.schema ? (
        <>
          <h4>Request body <span className="muted">(application/json)</span></h4>
          {body.example === undefined ? null : <pre className="example" tabIndex={0} aria-label="Example request body">{JSON.stringify(body.example, null, 2)}</pre>}
          <SchemaFields schema={body.schema} caption={`Request body of ${method.toUpperCase()} ${path}`} />
        </>
      ) : null}
      <h4>Responses</h4>
      <ul className="responses">
        {Object.entries(operation.responses).map(([status, response]) => {
          const [mediaType, content] = Object.entries(response.content)[0] ?? ['', {}];
          const success = status.startsWith('2');
          return (
            <li key={status}>
              <span className={`badge ${success ? 'ok' : 'warn'}`}>{status}</span> {response.description} <span className="muted mono">{mediaType}</span>
              {success && content.example !== undefined ? <pre className="example" tabIndex={0} aria-label={`Example ${status} response`}>{typeof content.example === 'string' ? content.example : JSON.stringify(content.example, null, 2)}</pre> : null}
              {success && content.schema && content.schema.type === 'object' ? <SchemaFields schema={content.schema} caption={`Response ${status} of ${method.toUpperCase()} ${path}`} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
