import { ApiError } from '@/lib/api/errors';

/**
 * CSRF defence for cookie-authenticated writes, on top of SameSite=Lax cookies: the browser
 * must say the request comes from this origin (Sec-Fetch-Site, else Origin), and the body must
 * be declared JSON, which a cross-site form or a "simple" fetch cannot send without a CORS
 * preflight (this app answers none). Bearer-token calls carry no ambient credential, so they
 * are not checked here.
 */

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isWriteMethod(method: string): boolean {
  return writeMethods.has(method.toUpperCase());
}

/** The hosts this server answers as: the Host header, a proxy's X-Forwarded-Host, NEXTAUTH_URL's host. */
function ownHosts(request: Request): Set<string> {
  const hosts = new Set<string>();
  const add = (value: string | null | undefined) => {
    if (value) hosts.add(value.split(',')[0]!.trim().toLowerCase());
  };
  add(request.headers.get('host'));
  add(request.headers.get('x-forwarded-host'));
  add(new URL(request.url).host);
  const publicUrl = process.env.NEXTAUTH_URL;
  if (publicUrl) {
    try {
      add(new URL(publicUrl).host);
    } catch {
      // An invalid NEXTAUTH_URL is next-auth's to report.
    }
  }
  return hosts;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

export function hasJsonContentType(request: Request): boolean {
  const contentType = request.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  return request.headers.has('transfer-encoding') || (length !== null && length !== '0');
}

/** Throws 403 for a cross-site (or unlabelled) cookie write, 415 for a write whose body is not JSON. */
export function assertSameOriginWrite(request: Request): void {
  if (!isWriteMethod(request.method)) return;
  const fetchSite = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  const sameOrigin = fetchSite !== null
    ? fetchSite === 'same-origin'
    : origin !== null && origin !== 'null' && ownHosts(request).has(originHost(origin) ?? '');
  if (!sameOrigin) {
    throw new ApiError(403, 'cross_site_request', 'A signed-in write must come from this site (Origin / Sec-Fetch-Site); scripts use an API token');
  }
  const needsBody = request.method.toUpperCase() !== 'DELETE' || hasBody(request);
  if (needsBody && !hasJsonContentType(request)) {
    throw unsupportedMediaType();
  }
}

export function unsupportedMediaType(): ApiError {
  return new ApiError(415, 'unsupported_media_type', 'The request body must be JSON (Content-Type: application/json)');
}
