import { describe, expect, it } from 'vitest';
import { compileGlob, globMatches } from './glob';

describe('globMatches', () => {
  it.each([
    ['payments-*', 'payments-orders', true],
    ['payments-*', 'payments-', true],
    ['payments-*', 'payment-orders', false],
    ['payments-*', 'xpayments-orders', false],
    ['*-dlq', 'orders-dlq', true],
    ['*-dlq', 'orders-dlq-2', false],
    ['orders-?', 'orders-1', true],
    ['orders-?', 'orders-12', false],
    ['orders-?', 'orders-', false],
    ['*', '', true],
    ['*', 'anything at all', true],
    ['', '', true],
    ['', 'a', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'a-b-x-c', true],
    ['a*b*c', 'a-c-b', false],
    ['**x', 'x', true],
    ['events:*', 'events:chat', true],
  ])('%j against %j → %s', (pattern, name, expected) => {
    expect(globMatches(pattern, name)).toBe(expected);
  });

  it('treats regex-special characters as literals', () => {
    expect(globMatches('a.b+c', 'a.b+c')).toBe(true);
    expect(globMatches('a.b+c', 'axb+c')).toBe(false);
    expect(globMatches('a.b+c', 'a.bbc')).toBe(false);
    expect(globMatches('(x)[y]{1}^$|z', '(x)[y]{1}^$|z')).toBe(true);
    expect(globMatches('a.b*', 'a.bcd')).toBe(true);
    expect(globMatches('a.b*', 'aXbcd')).toBe(false);
    expect(globMatches('back\\\\slash', 'back\\slash')).toBe(true);
  });

  it('lets a backslash make * and ? literal', () => {
    expect(globMatches('weird\\*name', 'weird*name')).toBe(true);
    expect(globMatches('weird\\*name', 'weird-name')).toBe(false);
    expect(globMatches('what\\?', 'what?')).toBe(true);
    expect(globMatches('what\\?', 'whats')).toBe(false);
    // A trailing backslash has nothing to escape and is itself literal.
    expect(globMatches('end\\', 'end\\')).toBe(true);
  });

  it('is case-sensitive and counts a surrogate pair as one character', () => {
    expect(globMatches('Payments-*', 'payments-a')).toBe(false);
    expect(globMatches('stream-?', 'stream-🚀')).toBe(true);
  });

  it('stays fast on patterns that would make a backtracking regex explode', () => {
    const pattern = `${'*a'.repeat(30)}*b`;
    const name = 'a'.repeat(200);
    expect(globMatches(pattern, name)).toBe(false);
  });
});

describe('compileGlob', () => {
  it('tells exact names from patterns and counts literal characters', () => {
    expect(compileGlob('payments-orders')).toMatchObject({ exact: true, literalCount: 15 });
    expect(compileGlob('payments-*')).toMatchObject({ exact: false, literalCount: 9 });
    expect(compileGlob('pay?ents-*')).toMatchObject({ exact: false, literalCount: 8 });
    expect(compileGlob('a\\*')).toMatchObject({ exact: true, literalCount: 2 });
  });
});
