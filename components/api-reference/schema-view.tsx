type JsonSchema = Record<string, unknown>;

/** A JSON Schema in a few words: "string", "integer ≥ 2", "array of object", "one of a | b". */
export function describeSchemaType(schema: JsonSchema | undefined): string {
  if (!schema) return 'any';
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((value) => JSON.stringify(value)).join(' | ')}`;
  if ('const' in schema) return JSON.stringify(schema.const);
  const anyOf = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(anyOf)) return anyOf.map(describeSchemaType).join(' or ');
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : typeof schema.type === 'string' ? schema.type : 'any';
  if (type === 'array') return `array of ${describeSchemaType(schema.items as JsonSchema | undefined)}`;
  const bounds = [
    typeof schema.minimum === 'number' && schema.minimum > -9e15 ? `≥ ${schema.minimum}` : null,
    typeof schema.maximum === 'number' && schema.maximum < 9e15 ? `≤ ${schema.maximum}` : null,
    typeof schema.maxLength === 'number' ? `≤ ${schema.maxLength} chars` : null,
  ].filter(Boolean);
  return [type, ...bounds].join(' ');
}

/** The fields of an object schema as a table (one level deep; the full schema is below it). */
export function SchemaFields({ schema, caption }: { schema: JsonSchema; caption: string }) {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  return (
    <>
      {names.length > 0 ? (
        <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
          <table className="data">
            <caption className="visually-hidden">{caption}</caption>
            <thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
            <tbody>
              {names.map((name) => (
                <tr key={name}>
                  <td className="mono">{name}{required.has(name) ? '' : <span className="muted"> (optional)</span>}</td>
                  <td className="mono">{describeSchemaType(properties[name])}</td>
                  <td>{typeof properties[name]?.description === 'string' ? properties[name].description : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <details>
        <summary>JSON Schema</summary>
        <pre className="schema" tabIndex={0}>{JSON.stringify(schema, null, 2)}</pre>
      </details>
    </>
  );
}
