import type { Browser, BrowserContext, Page } from '@playwright/test';
import { newContext, type SignedInState } from './browser';
import { demoNames } from './cluster-data';
import { addProbe, callProbe } from './page-probe';
import { largeCluster, pageRepetitions, smallCluster } from './settings';
import { maximum, medianMs, ratio, roundMs } from './statistics';

/**
 * Page load of every dashboard page against the login page, on the same server in the same run:
 * Navigation Timing medians over warm loads (cache filled by a warm-up load, pages taken in
 * turn so a collector snapshot or a cache expiry does not land on one page only), and the
 * JavaScript a first visit downloads, in a fresh context with an empty cache.
 */

export interface MeasuredPage {
  id: string;
  label: string;
  path: string;
  /** Public pages (login, share) are loaded without a session, as their visitors do. */
  signedIn: boolean;
}

export const baselinePageId = 'login';

export function measuredPages(sharePath: string | null): MeasuredPage[] {
  const pages: MeasuredPage[] = [
    { id: baselinePageId, label: 'Login (baseline)', path: '/login', signedIn: false },
    { id: 'overview', label: 'Overview', path: '/', signedIn: true },
    { id: 'groups-small', label: 'Groups list, small', path: `/clusters/${smallCluster.id}/groups`, signedIn: true },
    { id: 'groups-large', label: 'Groups list, large', path: `/clusters/${largeCluster.id}/groups`, signedIn: true },
    { id: 'group-detail', label: 'Group detail', path: `/clusters/${smallCluster.id}/groups/${encodeURIComponent(demoNames.slowGroup)}`, signedIn: true },
    { id: 'topic-detail', label: 'Topic detail', path: `/clusters/${smallCluster.id}/topics/${encodeURIComponent(demoNames.ordersTopic)}`, signedIn: true },
    { id: 'streams', label: 'Streams list', path: '/streams', signedIn: true },
    { id: 'stream-detail', label: 'Stream detail', path: `/streams/${encodeURIComponent(demoNames.behindStream)}`, signedIn: true },
    { id: 'settings', label: 'Settings', path: '/settings', signedIn: true },
  ];
  if (sharePath) pages.push({ id: 'share', label: 'Shared chart', path: sharePath, signedIn: false });
  return pages;
}

interface NavigationSample {
  status: number;
  /** responseStart − requestStart: the server's time to the first byte (the streamed shell). */
  serverResponseMs: number;
  /** responseEnd − requestStart: until the server finished streaming the page (Suspense parts included). */
  responseEndMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  longestTaskMs: number;
}

interface FirstLoadBytes {
  javaScriptFiles: number;
  javaScriptTransferBytes: number;
  javaScriptCompressedBytes: number;
  javaScriptDecodedBytes: number;
  documentCompressedBytes: number;
  documentDecodedBytes: number;
}

export interface PageLoadResult {
  page: string;
  label: string;
  path: string;
  status: number;
  server_response_median_ms: number;
  response_end_median_ms: number;
  dom_content_loaded_median_ms: number;
  load_median_ms: number;
  longest_task_median_ms: number;
  longest_task_max_ms: number;
  first_load: {
    javascript_files: number;
    javascript_transfer_bytes: number;
    javascript_compressed_bytes: number;
    javascript_decoded_bytes: number;
    html_compressed_bytes: number;
    html_decoded_bytes: number;
  };
  ratios_to_login: {
    server_response: number | null;
    dom_content_loaded: number | null;
    load: number | null;
    javascript_compressed: number | null;
    javascript_decoded: number | null;
  };
  samples: NavigationSample[];
}

async function loadOnce(page: Page, measured: MeasuredPage): Promise<NavigationSample> {
  const response = await page.goto(measured.path, { waitUntil: 'load', timeout: 120_000 });
  if (measured.signedIn && new URL(page.url()).pathname === '/login') {
    throw new Error(`${measured.path} sent the browser to the login page: the session is not accepted`);
  }
  // Hydration and effects run after the load event; the longest task includes them.
  await callProbe(page, 'waitForQuiet', 500, 30_000);
  const timing = await page.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      serverResponseMs: entry.responseStart - entry.requestStart,
      responseEndMs: entry.responseEnd - entry.requestStart,
      domContentLoadedMs: entry.domContentLoadedEventStart,
      loadMs: entry.loadEventStart,
    };
  });
  const load = await callProbe(page, 'loadMeasurement');
  return { status: response?.status() ?? 0, ...timing, longestTaskMs: load.longestTaskMs };
}

async function firstLoadBytes(browser: Browser, measured: MeasuredPage, signedIn: SignedInState): Promise<FirstLoadBytes> {
  const context = await newContext(browser, measured.signedIn ? signedIn : null);
  try {
    const page = await context.newPage();
    await page.goto(measured.path, { waitUntil: 'load', timeout: 120_000 });
    // Chunks a page loads right after the load event (lazy components) belong to its first load too.
    await page.waitForTimeout(1_000);
    return await page.evaluate(() => {
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const scripts = resources.filter((entry) => new URL(entry.name).pathname.endsWith('.js'));
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        javaScriptFiles: scripts.length,
        javaScriptTransferBytes: scripts.reduce((sum, entry) => sum + entry.transferSize, 0),
        javaScriptCompressedBytes: scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
        javaScriptDecodedBytes: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
        documentCompressedBytes: navigation.encodedBodySize,
        documentDecodedBytes: navigation.decodedBodySize,
      };
    });
  } finally {
    await context.close();
  }
}

async function probedContext(browser: Browser, signedIn: SignedInState | null): Promise<BrowserContext> {
  const context = await newContext(browser, signedIn);
  await addProbe(context, 'groups');
  return context;
}

export async function measurePageLoads(browser: Browser, signedIn: SignedInState, pages: MeasuredPage[]): Promise<PageLoadResult[]> {
  const signedInContext = await probedContext(browser, signedIn);
  const publicContext = await probedContext(browser, null);
  const samples = new Map<string, NavigationSample[]>(pages.map((measured) => [measured.id, []]));
  try {
    const signedInPage = await signedInContext.newPage();
    const publicPage = await publicContext.newPage();
    for (let round = 0; round <= pageRepetitions; round++) {
      for (const measured of pages) {
        const sample = await loadOnce(measured.signedIn ? signedInPage : publicPage, measured);
        // Round 0 is the warm-up: it fills the browser cache and the server's source caches.
        if (round > 0) samples.get(measured.id)?.push(sample);
      }
      if (round > 0) console.log(`bench: page loads, round ${round} of ${pageRepetitions}`);
    }
  } finally {
    await signedInContext.close();
    await publicContext.close();
  }

  const firstLoads = new Map<string, FirstLoadBytes>();
  for (const measured of pages) firstLoads.set(measured.id, await firstLoadBytes(browser, measured, signedIn));

  const results = pages.map((measured): Omit<PageLoadResult, 'ratios_to_login'> => {
    const pageSamples = samples.get(measured.id) ?? [];
    const bytes = firstLoads.get(measured.id) as FirstLoadBytes;
    return {
      page: measured.id,
      label: measured.label,
      path: measured.path,
      status: pageSamples[pageSamples.length - 1]?.status ?? 0,
      server_response_median_ms: medianMs(pageSamples.map((sample) => sample.serverResponseMs)),
      response_end_median_ms: medianMs(pageSamples.map((sample) => sample.responseEndMs)),
      dom_content_loaded_median_ms: medianMs(pageSamples.map((sample) => sample.domContentLoadedMs)),
      load_median_ms: medianMs(pageSamples.map((sample) => sample.loadMs)),
      longest_task_median_ms: medianMs(pageSamples.map((sample) => sample.longestTaskMs)),
      longest_task_max_ms: roundMs(maximum(pageSamples.map((sample) => sample.longestTaskMs))),
      first_load: {
        javascript_files: bytes.javaScriptFiles,
        javascript_transfer_bytes: bytes.javaScriptTransferBytes,
        javascript_compressed_bytes: bytes.javaScriptCompressedBytes,
        javascript_decoded_bytes: bytes.javaScriptDecodedBytes,
        html_compressed_bytes: bytes.documentCompressedBytes,
        html_decoded_bytes: bytes.documentDecodedBytes,
      },
      samples: pageSamples.map((sample) => ({
        ...sample,
        serverResponseMs: roundMs(sample.serverResponseMs),
        responseEndMs: roundMs(sample.responseEndMs),
        domContentLoadedMs: roundMs(sample.domContentLoadedMs),
        loadMs: roundMs(sample.loadMs),
        longestTaskMs: roundMs(sample.longestTaskMs),
      })),
    };
  });
  const baseline = results.find((result) => result.page === baselinePageId);
  if (!baseline) throw new Error('the login page (the baseline) was not measured');
  return results.map((result) => ({
    ...result,
    ratios_to_login: {
      server_response: ratio(result.server_response_median_ms, baseline.server_response_median_ms),
      dom_content_loaded: ratio(result.dom_content_loaded_median_ms, baseline.dom_content_loaded_median_ms),
      load: ratio(result.load_median_ms, baseline.load_median_ms),
      javascript_compressed: ratio(result.first_load.javascript_compressed_bytes, baseline.first_load.javascript_compressed_bytes),
      javascript_decoded: ratio(result.first_load.javascript_decoded_bytes, baseline.first_load.javascript_decoded_bytes),
    },
  }));
}
