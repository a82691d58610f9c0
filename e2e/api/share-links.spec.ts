import { test, expect } from '@playwright/test';

// The public share page, asked for without any session: a bad token is a 404 that says so,
// cannot be cached or indexed, and carries no application data.
test('GET /share/<bad token> answers 404, no-store and noindex, without app data', async ({ request }) => {
  const response = await request.get(`/share/${'A'.repeat(24)}.${'B'.repeat(43)}`, { maxRedirects: 0 });
  expect(response.status()).toBe(404);
  expect(response.headers()['cache-control']).toContain('no-store');
  const html = await response.text();
  expect(html).toContain('This share link is not valid');
  expect(html).toMatch(/<meta name="robots" content="noindex/);
  expect(html).not.toContain('Overview');
  expect(html).not.toContain('/settings');
});

test('POST /api/v1/share-links without a session is refused', async ({ request }) => {
  const response = await request.post('/api/v1/share-links', {
    data: { kind: 'kafka_group', cluster_id: 'test', name: 'x', range: '1h', series: ['total_lag'] },
  });
  expect(response.status()).toBe(401);
});
