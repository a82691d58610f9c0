import { describe, expect, it } from 'vitest';
import * as preferencesRoute from '@/app/api/v1/me/preferences/route';
import { callRoute, createTestToken } from '../support/api-client';

const path = '/api/v1/me/preferences';

describe('GET/PUT /api/v1/me/preferences', () => {
  it('gives the default refresh interval until the user picks one, then the saved one', async () => {
    const token = await createTestToken('viewer');
    expect(await callRoute(preferencesRoute.GET, { path, params: {}, token })).toMatchObject({ status: 200, body: { refresh_interval_seconds: 10 } });
    expect(await callRoute(preferencesRoute.PUT, { path, params: {}, token, method: 'PUT', body: { refresh_interval_seconds: 30 } }))
      .toMatchObject({ status: 200, body: { refresh_interval_seconds: 30 } });
    expect(await callRoute(preferencesRoute.GET, { path, params: {}, token })).toMatchObject({ status: 200, body: { refresh_interval_seconds: 30 } });
  });

  it('keeps each user\'s own setting', async () => {
    const [first, second] = await Promise.all([createTestToken('viewer'), createTestToken('admin')]);
    await callRoute(preferencesRoute.PUT, { path, params: {}, token: first, method: 'PUT', body: { refresh_interval_seconds: 60 } });
    await callRoute(preferencesRoute.PUT, { path, params: {}, token: second, method: 'PUT', body: { refresh_interval_seconds: 5 } });
    expect((await callRoute(preferencesRoute.GET, { path, params: {}, token: first })).body).toEqual({ refresh_interval_seconds: 60 });
    expect((await callRoute(preferencesRoute.GET, { path, params: {}, token: second })).body).toEqual({ refresh_interval_seconds: 5 });
  });

  it.each([
    ['a value that is not a choice', { refresh_interval_seconds: 7 }],
    ['a string', { refresh_interval_seconds: '30' }],
    ['an unknown field', { refresh_interval_seconds: 30, theme: 'dark' }],
    ['no body', undefined],
  ])('answers 400 to %s, and keeps the setting', async (_case, body) => {
    const token = await createTestToken('viewer');
    const response = await callRoute(preferencesRoute.PUT, { path, params: {}, token, method: 'PUT', body });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect((await callRoute(preferencesRoute.GET, { path, params: {}, token })).body).toEqual({ refresh_interval_seconds: 10 });
  });

  it('answers 401 to a forged token', async () => {
    expect((await callRoute(preferencesRoute.PUT, { path, params: {}, token: 'lgb_forged_token_0123456789', method: 'PUT', body: { refresh_interval_seconds: 5 } })).status).toBe(401);
  });
});
