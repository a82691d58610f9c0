import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOrCreateSecretFile } from './secret';

describe('readOrCreateSecretFile', () => {
  const folders: string[] = [];
  const newFolder = () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'lagboard-secret-'));
    folders.push(folder);
    return folder;
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('creates a long random secret readable by the owner only, and keeps it', () => {
    const file = path.join(newFolder(), 'data', 'auth-secret');
    const first = readOrCreateSecretFile(file);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecretFile(file)).toBe(first);
    expect(readdirSync(path.dirname(file))).toEqual(['auth-secret']);
  });

  it('tightens the mode of an existing secret file', () => {
    const file = path.join(newFolder(), 'auth-secret');
    writeFileSync(file, `${'s'.repeat(40)}\n`, { mode: 0o644 });
    expect(readOrCreateSecretFile(file)).toBe('s'.repeat(40));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a secret that is too short to be safe', () => {
    const file = path.join(newFolder(), 'auth-secret');
    writeFileSync(file, 'short\n');
    expect(() => readOrCreateSecretFile(file)).toThrow(/fewer than 32 characters/);
    expect(readFileSync(file, 'utf8')).toBe('short\n');
  });
});

