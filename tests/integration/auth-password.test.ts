import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';

describe('password hashing', () => {
  it('stores argon2id PHC strings with a fresh salt each time', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('correct horse');
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('s3cret-pass');
    await expect(verifyPassword(stored, 's3cret-pass')).resolves.toBe(true);
    await expect(verifyPassword(stored, 's3cret-pasS')).resolves.toBe(false);
    await expect(verifyPassword(stored, '')).resolves.toBe(false);
  });

  it('treats a value that is not an argon2 hash as a mismatch, not an error', async () => {
    await expect(verifyPassword('plain-text-password', 'plain-text-password')).resolves.toBe(false);
  });
});
