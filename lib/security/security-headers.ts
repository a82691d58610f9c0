/**
 * The security headers of every response (set in proxy.ts). The CSP allows inline scripts and
 * styles because Next's App Router streams inline `<script>` chunks and recharts sets inline
 * styles; everything else is same-origin only, no plugins, no foreign frames, and nobody may
 * frame the dashboard. Shared chart pages (`/share/…`) may be framed by the sources in
 * SHARE_LINK_FRAME_ANCESTORS, and only by them.
 */
export interface SecurityHeaderInput {
  pathname: string;
  /** The browser reached us over TLS (directly, or a proxy says X-Forwarded-Proto: https). */
  https: boolean;
  shareLinkFrameAncestors: string | null;
  /** `next dev` needs eval for its refresh runtime; production does not. */
  development: boolean;
}

const hstsMaxAgeSeconds = 63_072_000;

export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  const isSharePage = input.pathname.startsWith('/share/');
  const frameAncestors = isSharePage && input.shareLinkFrameAncestors ? input.shareLinkFrameAncestors : "'none'";
  const scriptSources = ["'self'", "'unsafe-inline'", ...(input.development ? ["'unsafe-eval'"] : [])];
  const policy = [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
  const headers: Record<string, string> = {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
  // The old header for browsers without frame-ancestors; only when nothing may frame the page.
  if (frameAncestors === "'none'") headers['x-frame-options'] = 'DENY';
  if (input.https) headers['strict-transport-security'] = `max-age=${hstsMaxAgeSeconds}; includeSubDomains`;
  return headers;
}

export function isHttpsRequest(url: URL, forwardedProto: string | null): boolean {
  return url.protocol === 'https:' || forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}
