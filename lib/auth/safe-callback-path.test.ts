import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback-path';

describe('safeCallbackPath', () => {
  it.each([
    '/',
    '/clusters/local/groups/orders',
    '/streams/events%3Achat?range=1h#chart',
    '/settings/tokens?tab=a%2Fb',
  ])('keeps the same-origin path %s', (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each([
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '%2F%2Fevil.example',
    '/%2F/evil.example',
    '/%2F%2Fevil.example',
    '/%5Cevil.example',
    '/%255Cevil.example',
    '/%252F%252Fevil.example',
    '%252F%252Fevil.example',
    'https://evil.example',
    'http:evil.example',
    'HTTPS://evil.example/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '',
    '/%E0%A4%A',
    `/${'a'.repeat(3_000)}`,
  ])('refuses %j', (value) => {
    expect(safeCallbackPath(value)).toBe('/');
  });

  it('refuses values that are not strings', () => {
    expect(safeCallbackPath(undefined)).toBe('/');
    expect(safeCallbackPath(['/a', '/b'])).toBe('/');
    expect(safeCallbackPath(42)).toBe('/');
  });
});
