import { expect, type Locator, type Page } from '@playwright/test';
import { waitForContent } from './accessibility';
import { e2eTopicPrefix } from './e2e-env';

/** Every signed-in dashboard page with what shows its data has loaded: the accessibility and layout specs visit the same list. */

const group = (base: string) => `${e2eTopicPrefix}-${base}`;
const groupPath = (groupId: string) => `/clusters/test/groups/${encodeURIComponent(groupId)}`;
// One small chart per measure: the first one (total and max lag, or the stream's lag) stands for the chart.
const chartSurface = (page: Page) => page.getByTestId('lag-chart').first().locator('.recharts-wrapper > svg.recharts-surface');

export interface AuditedPage {
  name: string;
  path: string;
  heading: string;
  /** What shows that the page's data, not a placeholder, is on screen. */
  loaded?: (page: Page) => Locator;
}

export const signedInPages: AuditedPage[] = [
  { name: 'overview', path: '/', heading: 'Overview', loaded: (page) => page.getByTestId('redis-streams') },
  { name: 'groups list', path: '/clusters/test/groups', heading: 'Consumer groups — cluster “test”', loaded: (page) => page.getByTestId('groups') },
  { name: 'group detail', path: groupPath(group('fraud-scoring-slow')), heading: group('fraud-scoring-slow'), loaded: chartSurface },
  { name: 'topic detail', path: `/clusters/test/topics/${group('orders')}`, heading: group('orders'), loaded: (page) => page.getByTestId('topic-consumers') },
  { name: 'streams list', path: '/streams', heading: 'Redis streams', loaded: (page) => page.getByTestId('streams-list') },
  { name: 'stream detail', path: `/streams/${encodeURIComponent('events:chat')}`, heading: 'events:chat', loaded: chartSurface },
  { name: 'settings', path: '/settings', heading: 'Settings' },
  { name: 'API tokens', path: '/settings/tokens', heading: 'API tokens', loaded: (page) => page.getByRole('table') },
  { name: 'teams', path: '/settings/teams', heading: 'Teams', loaded: (page) => page.getByTestId('teams') },
  { name: 'share links', path: '/settings/share-links', heading: 'Share links', loaded: (page) => page.getByTestId('share-links') },
  { name: 'API reference', path: '/api-reference', heading: 'API reference', loaded: (page) => page.getByTestId('api-area') },
  { name: 'alerts', path: '/alerts?state=all', heading: 'Alerts', loaded: (page) => page.getByRole('table') },
  { name: 'alert rules', path: '/settings/alert-rules', heading: 'Alert rules', loaded: (page) => page.locator('[data-rule="kafka.slo_violation"]') },
  { name: 'audit log', path: '/settings/audit', heading: 'Audit log' },
  { name: 'stopped group with actions', path: groupPath(group('audit-archiver-stopped')), heading: group('audit-archiver-stopped'), loaded: (page) => page.getByRole('region', { name: 'Actions' }) },
  { name: 'not found', path: groupPath(group('no-such-group')), heading: 'Not found', loaded: (page) => page.getByTestId('not-found') },
];

/** Opens a page until its heading and data are there: the demo groups join a few seconds after start. */
export async function openLoaded(page: Page, target: AuditedPage): Promise<void> {
  await expect(async () => {
    await page.goto(target.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.heading, { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  if (target.loaded) await expect(target.loaded(page).first()).toBeVisible();
  await waitForContent(page);
}

