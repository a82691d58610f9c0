import { hasValidShareSignature, hashShareToken } from './share-token';

/** What decides whether a stored link still works. */
export interface ShareLinkValidity {
  expiresAt: Date;
  revokedAt: Date | null;
  /** A link stops working when its creator's account is disabled, as their API tokens do. */
  creatorDisabledAt: Date | null;
}

export type ShareLinkStatus = 'active' | 'expired' | 'revoked';

export function shareLinkStatus(link: ShareLinkValidity, now: Date): ShareLinkStatus {
  if (link.revokedAt !== null || link.creatorDisabledAt !== null) return 'revoked';
  return link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

export type ShareTokenResolution<Link> =
  | { status: 'active'; link: Link }
  | { status: 'expired' | 'revoked' | 'invalid' };

/**
 * Signature first (no lookup for a forged token), then the stored link by the token's hash,
 * then revocation and expiry. Expired and revoked links say so, and nothing else: the page
 * for them shows neither the resource nor the creator.
 */
export async function resolveShareToken<Link extends ShareLinkValidity>(
  token: string,
  options: { secret: string; now: Date; findByHash: (tokenHash: string) => Promise<Link | null> },
): Promise<ShareTokenResolution<Link>> {
  if (!hasValidShareSignature(token, options.secret)) return { status: 'invalid' };
  const link = await options.findByHash(hashShareToken(token));
  if (!link) return { status: 'invalid' };
  const status = shareLinkStatus(link, options.now);
  return status === 'active' ? { status, link } : { status };
}
