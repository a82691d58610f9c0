import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are stored as argon2id PHC strings (`$argon2id$v=19$m=…`). The library's defaults
 * are argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane); the parameters travel inside
 * each hash, so raising them later keeps old hashes verifiable.
 */

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password and for a value that is not an argon2 hash at all. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
