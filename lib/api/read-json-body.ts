import type { z } from 'zod';
import { ApiError, badRequest } from '@/lib/api/errors';
import { hasJsonContentType, unsupportedMediaType } from '@/lib/api/cross-site';
import { getConfig } from '@/lib/config';

/**
 * The one way a route reads a request body: it must be declared JSON (415), is read up to
 * API_BODY_MAX_BYTES counting the bytes actually received, not the Content-Length a client
 * claims (413), must parse (400) and match the schema (400 with the zod issues).
 */

export function payloadTooLarge(maxBytes: number): ApiError {
  return new ApiError(413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes`);
}

export async function readBodyText(request: Request, maxBytes: number = getConfig().security.bodyMaxBytes): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw payloadTooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('The request body is not valid UTF-8');
  }
}

export async function readJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  if (!hasJsonContentType(request)) {
    // No body at all is a missing body (400), not a body of the wrong kind (415).
    const empty = request.body === null || request.headers.get('content-length') === '0';
    throw empty ? badRequest('A JSON body is required') : unsupportedMediaType();
  }
  const text = await readBodyText(request);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
  return schema.parse(value);
}
