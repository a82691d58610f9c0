import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Share-link tokens: `<id>.<signature>`. The id is 18 random bytes (144 bits, base64url), so
 * links cannot be guessed; the signature is HMAC-SHA256 over the id with the auth secret, so a
 * forged or mistyped token is refused before any database lookup and a row written straight
 * into the database (without the secret) cannot be turned into a working link. Only the
 * SHA-256 of the whole token is stored: a leaked table yields no usable link.
 */

const idBytes = 18;
const tokenPattern = /^([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{43})$/;
// Keeps these signatures apart from anything else the same secret may sign.
const signatureContext = 'lagboard:share-link:v1:';

function sign(id: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(signatureContext + id).digest();
}

export function createShareToken(secret: string): string {
  const id = randomBytes(idBytes).toString('base64url');
  return `${id}.${sign(id, secret).toString('base64url')}`;
}

/** True when the token is well formed and signed with `secret`. Constant-time comparison. */
export function hasValidShareSignature(token: string, secret: string): boolean {
  const match = tokenPattern.exec(token);
  if (!match) return false;
  const given = Buffer.from(match[2] as string, 'base64url');
  const expected = sign(match[1] as string, secret);
  // A non-canonical base64url spelling decodes to the same bytes; compare re-encoded text too.
  return given.length === expected.length && timingSafeEqual(given, expected) && given.toString('base64url') === match[2];
}

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
