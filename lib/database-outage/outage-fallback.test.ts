import { describe, expect, it } from 'vitest';
import { forgetRemembered, readWithOutageFallback } from './outage-fallback';

const databaseDown = () => Object.assign(new Error("Can't reach database server at 127.0.0.1:5441"), { code: 'P1001' });

describe('readWithOutageFallback', () => {
  it('answers the last value read while the database is unreachable', async () => {
    expect(await readWithOutageFallback('test:scope-a', async () => ['team-a'])).toEqual(['team-a']);
    expect(await readWithOutageFallback('test:scope-a', () => Promise.reject(databaseDown()))).toEqual(['team-a']);
  });

  it('rethrows the outage when nothing was read for the key', async () => {
    await expect(readWithOutageFallback('test:never-read', () => Promise.reject(databaseDown()))).rejects.toMatchObject({ code: 'P1001' });
  });

  it('never hides an error that is not an outage', async () => {
    await readWithOutageFallback('test:scope-b', async () => 'value');
    await expect(readWithOutageFallback('test:scope-b', () => Promise.reject(new TypeError('a bug')))).rejects.toThrow('a bug');
  });

  it('a forgotten key (a refused credential) is not served again', async () => {
    await readWithOutageFallback('test:token', async () => 'alice');
    forgetRemembered('test:token');
    await expect(readWithOutageFallback('test:token', () => Promise.reject(databaseDown()))).rejects.toMatchObject({ code: 'P1001' });
  });

  it('a fresh read replaces what was remembered', async () => {
    await readWithOutageFallback('test:scope-c', async () => 'old');
    await readWithOutageFallback('test:scope-c', async () => 'new');
    expect(await readWithOutageFallback('test:scope-c', () => Promise.reject(databaseDown()))).toBe('new');
  });
});
