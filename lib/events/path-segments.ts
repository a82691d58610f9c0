import { badRequest } from '@/lib/api/errors';

/**
 * The path segments after `prefix`, each percent-decoded exactly once. Route handlers read
 * stream and group names from the request's own (still encoded) pathname instead of from
 * Next's `params`, whose decoding of reserved characters has varied between Next versions
 * and deployments (`:` left as `%3A`, `%2F` turned into a separator; vercel/next.js#48058,
 * #49646). Stream names may contain `:`, `/`, `%`, spaces: clients encode them with
 * encodeURIComponent and get them back unchanged.
 */
export function decodedSegmentsAfter(pathname: string, prefix: string): string[] {
  const start = pathname.indexOf(prefix);
  if (start < 0) {
    throw badRequest(`Path must start with ${prefix}`);
  }
  const encoded = pathname.slice(start + prefix.length).split('/');
  return encoded.map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw badRequest('Path segment is not valid percent-encoding');
    }
  });
}
