/**
 * Where to go after sign-in: only a path on this site. Anything that a browser could resolve
 * to another origin falls back to `/`: protocol-relative `//host`, `/\host` (browsers treat `\`
 * as `/`), absolute URLs, `javascript:` and other schemes, control characters (a tab or newline
 * inside `//` is dropped by URL parsers), and the same tricks percent-encoded once or twice.
 * Pure, so the sign-in page (server) and the sign-in form (browser) apply the same rule.
 */
const fallbackPath = '/';
const probeOrigin = 'http://lagboard.invalid';
const maxLength = 2_048;

function looksUnsafe(value: string): boolean {
  return !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /[\u0000-\u001f\u007f]/.test(value);
}

export function safeCallbackPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) return fallbackPath;
  // Decoded up to three times: each layer of encoding must still be a plain path.
  let decoded = value;
  for (let layer = 0; layer < 3; layer += 1) {
    if (looksUnsafe(decoded)) return fallbackPath;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallbackPath;
    }
    if (next === decoded) break;
    decoded = next;
  }
  if (looksUnsafe(decoded)) return fallbackPath;
  let resolved: URL;
  try {
    resolved = new URL(value, probeOrigin);
  } catch {
    return fallbackPath;
  }
  if (resolved.origin !== probeOrigin) return fallbackPath;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
