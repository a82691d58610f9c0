import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '@/lib/config';

/**
 * The key that signs and encrypts session cookies: NEXTAUTH_SECRET when set, otherwise a
 * random one generated on first start and kept in data/auth-secret, so that restarting the
 * server does not sign everybody out.
 */

const minimumSecretLength = 32;

export function defaultSecretFile(): string {
  return path.resolve(process.cwd(), 'data', 'auth-secret');
}

/** Reads the secret file, creating it (mode 0600) if it does not exist yet. */
export function readOrCreateSecretFile(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const candidate = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(candidate, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    // link() fails if the file exists, so when two processes start together one secret wins
    // and nobody ever reads a half-written file.
    linkSync(candidate, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(candidate);
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < minimumSecretLength) {
    throw new Error(`${file} holds fewer than ${minimumSecretLength} characters; delete it to generate a new secret`);
  }
  return secret;
}

let cachedSecret: string | undefined;

export function getAuthSecret(): string {
  cachedSecret ??= getConfig().auth.secret ?? readOrCreateSecretFile(defaultSecretFile());
  return cachedSecret;
}
