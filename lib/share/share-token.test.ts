import { describe, expect, it } from 'vitest';
import { createShareToken, hasValidShareSignature, hashShareToken } from './share-token';
import { resolveShareToken, shareLinkStatus, type ShareLinkValidity } from './share-link-status';

const secret = 'unit-test-secret-0123456789abcdef-0123456789';
const otherSecret = 'another-secret-0123456789abcdef-0123456789ab';

function flipCharacter(text: string, index: number): string {
  const character = text[index] as string;
  return text.slice(0, index) + (character === 'A' ? 'B' : 'A') + text.slice(index + 1);
}

describe('share tokens', () => {
  it('are a 144-bit random id and a 256-bit signature, different every time', () => {
    const token = createShareToken(secret);
    const [id, signature] = token.split('.') as [string, string];
    expect(Buffer.from(id, 'base64url')).toHaveLength(18);
    expect(Buffer.from(signature, 'base64url')).toHaveLength(32);
    expect(createShareToken(secret)).not.toBe(token);
    expect(hasValidShareSignature(token, secret)).toBe(true);
  });

  it('refuse a tampered signature, a tampered id, and another secret', () => {
    const token = createShareToken(secret);
    const dot = token.indexOf('.');
    expect(hasValidShareSignature(flipCharacter(token, dot + 5), secret)).toBe(false);
    expect(hasValidShareSignature(flipCharacter(token, 3), secret)).toBe(false);
    expect(hasValidShareSignature(token, otherSecret)).toBe(false);
    expect(hasValidShareSignature(createShareToken(otherSecret), secret)).toBe(false);
  });

  it('refuse anything that is not a token', () => {
    const token = createShareToken(secret);
    for (const candidate of ['', '.', token.replace('.', ''), `${token}A`, token.slice(0, -1), `${token}.x`, token.toUpperCase(), ` ${token}`]) {
      expect(hasValidShareSignature(candidate, secret), JSON.stringify(candidate)).toBe(false);
    }
  });

  it('hash to the SHA-256 hex of the whole token', () => {
    expect(hashShareToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('resolveShareToken', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const active: ShareLinkValidity & { name: string } = {
    name: 'orders', expiresAt: new Date('2026-11-26T12:00:00Z'), revokedAt: null, creatorDisabledAt: null,
  };

  async function resolveWith(link: typeof active | null, token = createShareToken(secret)) {
    const lookups: string[] = [];
    const resolution = await resolveShareToken(token, {
      secret,
      now,
      findByHash: async (tokenHash) => {
        lookups.push(tokenHash);
        return tokenHash === hashShareToken(token) ? link : null;
      },
    });
    return { resolution, lookups };
  }

  it('returns the link while it is active', async () => {
    const { resolution, lookups } = await resolveWith(active);
    expect(resolution).toEqual({ status: 'active', link: active });
    expect(lookups).toHaveLength(1);
  });

  it('says expired at and after the expiry, without the link', async () => {
    expect((await resolveWith({ ...active, expiresAt: now })).resolution).toEqual({ status: 'expired' });
    expect((await resolveWith({ ...active, expiresAt: new Date(now.getTime() - 1) })).resolution).toEqual({ status: 'expired' });
  });

  it('says revoked when revoked (even if also expired) or when the creator was disabled', async () => {
    expect((await resolveWith({ ...active, revokedAt: now })).resolution).toEqual({ status: 'revoked' });
    expect((await resolveWith({ ...active, revokedAt: now, expiresAt: new Date(0) })).resolution).toEqual({ status: 'revoked' });
    expect((await resolveWith({ ...active, creatorDisabledAt: now })).resolution).toEqual({ status: 'revoked' });
  });

  it('answers invalid for forged tokens without looking them up, and for unknown ones', async () => {
    const forged = await resolveWith(active, createShareToken(otherSecret));
    expect(forged.resolution).toEqual({ status: 'invalid' });
    expect(forged.lookups).toEqual([]);
    expect((await resolveWith(null)).resolution).toEqual({ status: 'invalid' });
  });

  it('states status from the validity fields alone', () => {
    expect(shareLinkStatus(active, now)).toBe('active');
  });
});
