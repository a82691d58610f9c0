import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { assertSameOriginWrite } from './cross-site';

function request(method: string, headers: Record<string, string>): Request {
  return new Request('http://dash.example:3000/api/v1/me/preferences', { method, headers: { host: 'dash.example:3000', ...headers } });
}

function statusOf(candidate: Request): number | null {
  try {
    assertSameOriginWrite(candidate);
    return null;
  } catch (error) {
    return error instanceof ApiError ? error.status : -1;
  }
}

const json = { 'content-type': 'application/json', 'content-length': '2' };

describe('assertSameOriginWrite', () => {
  it('lets same-origin JSON writes and every read through', () => {
    expect(statusOf(request('PUT', { ...json, 'sec-fetch-site': 'same-origin', origin: 'http://dash.example:3000' }))).toBeNull();
    expect(statusOf(request('POST', { ...json, origin: 'http://dash.example:3000' }))).toBeNull();
    expect(statusOf(request('DELETE', { 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(statusOf(request('GET', { 'sec-fetch-site': 'cross-site' }))).toBeNull();
  });

  it('refuses cross-site, same-site, unlabelled and opaque-origin writes with 403', () => {
    expect(statusOf(request('POST', { ...json, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }))).toBe(403);
    expect(statusOf(request('POST', { ...json, 'sec-fetch-site': 'same-site', origin: 'http://other.dash.example:3000' }))).toBe(403);
    expect(statusOf(request('PATCH', { ...json, origin: 'https://evil.example' }))).toBe(403);
    expect(statusOf(request('DELETE', { origin: 'null' }))).toBe(403);
    expect(statusOf(request('PUT', json))).toBe(403);
  });

  it('refuses a same-origin write whose body is not declared JSON with 415', () => {
    const sameOrigin = { 'sec-fetch-site': 'same-origin', 'content-length': '2' };
    expect(statusOf(request('PUT', { ...sameOrigin, 'content-type': 'text/plain' }))).toBe(415);
    expect(statusOf(request('POST', { ...sameOrigin, 'content-type': 'application/x-www-form-urlencoded' }))).toBe(415);
    expect(statusOf(request('POST', sameOrigin))).toBe(415);
    expect(statusOf(request('DELETE', { ...sameOrigin, 'content-type': 'text/plain' }))).toBe(415);
  });
});
