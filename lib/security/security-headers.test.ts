import { describe, expect, it } from 'vitest';
import { isHttpsRequest, securityHeaders } from './security-headers';

const base = { pathname: '/', https: false, shareLinkFrameAncestors: null, development: false };

describe('securityHeaders', () => {
  it('forbids framing, sniffing and foreign sources on every page', () => {
    const headers = securityHeaders(base);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS only over TLS', () => {
    expect(securityHeaders({ ...base, https: true })['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('lets only share pages be framed, and only by the configured sources', () => {
    const ancestors = 'https://wiki.example.com';
    const share = securityHeaders({ ...base, pathname: '/share/abc', shareLinkFrameAncestors: ancestors });
    expect(share['content-security-policy']).toContain(`frame-ancestors ${ancestors}`);
    expect(share['x-frame-options']).toBeUndefined();
    const page = securityHeaders({ ...base, pathname: '/clusters', shareLinkFrameAncestors: ancestors });
    expect(page['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(securityHeaders({ ...base, pathname: '/share/abc' })['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('allows eval only for the development server', () => {
    expect(securityHeaders({ ...base, development: true })['content-security-policy']).toContain("'unsafe-eval'");
  });
});

describe('isHttpsRequest', () => {
  it('trusts the URL scheme and a proxy\'s X-Forwarded-Proto', () => {
    expect(isHttpsRequest(new URL('https://a.example/'), null)).toBe(true);
    expect(isHttpsRequest(new URL('http://a.example/'), 'https')).toBe(true);
    expect(isHttpsRequest(new URL('http://a.example/'), 'http')).toBe(false);
    expect(isHttpsRequest(new URL('http://a.example/'), null)).toBe(false);
  });
});
