import type { Browser, BrowserContext, Page } from '@playwright/test';
import { defaultRefreshIntervalSeconds, refreshIntervalChoicesSeconds } from '@/lib/swr/refresh-interval';
import { newContext, type SignedInState } from './browser';
import { addProbe, callProbe, type InteractionMeasurement, type QuietWindowMeasurement, type TableCondition } from './page-probe';
import { baseUrl, interactionRepetitions, largeCluster, smallCluster, type BenchCluster } from './settings';
import { maximum, median, medianMs, ratio, roundMs } from './statistics';

/**
 * The consumer-group list with thousands of groups against the same list with about a hundred:
 * how long until the table is on screen, and for each interaction how long until the table shows
 * the result and the longest main-thread task meanwhile. Elements are found by role, label and
 * test id, never by column position, so added columns do not change what is measured.
 */

const tableTestId = 'groups';
/** Matches the fixture groups "bench-group-00010" … "bench-group-00019" on both clusters. */
const searchTerm = 'group-0001';
const resultTimeoutMs = 60_000;
/** Effects and follow-up renders of a result run in the frames after it; their tasks count too. */
const settleMs = 500;

interface Interaction {
  id: string;
  label: string;
  condition: TableCondition;
  perform: (page: Page) => Promise<void>;
}

const sortButton = (page: Page, header: RegExp) => page.getByTestId(tableTestId).locator('thead button.sort', { hasText: header });

const interactions: Interaction[] = [
  {
    id: 'sort-by-group',
    label: 'Sort by group name',
    condition: { kind: 'sorted', headerPattern: '^Group( [▲▼])?$', direction: 'descending' },
    perform: (page) => sortButton(page, /^Group( [▲▼])?$/).click(),
  },
  {
    id: 'sort-by-total-lag',
    label: 'Sort by total lag (asc)',
    condition: { kind: 'sorted', headerPattern: '^Total lag', direction: 'ascending' },
    perform: (page) => sortButton(page, /^Total lag/).click(),
  },
  {
    id: 'search',
    label: `Type "${searchTerm}" in search`,
    condition: { kind: 'rows-match', rowAttribute: 'data-group-id', term: searchTerm },
    // Key by key, as a person types: every keystroke changes the URL and filters the rows.
    perform: (page) => page.getByRole('searchbox', { name: /Search/ }).pressSequentially(searchTerm),
  },
  {
    id: 'filter-state',
    label: 'Filter by state Empty',
    condition: { kind: 'filtered', selectLabel: 'Filter by states', value: 'Empty', urlParameter: `${tableTestId}.state` },
    perform: async (page) => {
      await page.getByRole('combobox', { name: 'Filter by states' }).selectOption('Empty');
    },
  },
  {
    id: 'next-page',
    label: 'Next page',
    condition: { kind: 'page', pageNumber: 2 },
    perform: (page) => page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next' }).click(),
  },
];

interface TableLoadSample {
  tableRenderedMs: number;
  loadMs: number;
  settledMs: number;
  longestTaskMs: number;
}

export interface InteractionResult {
  label: string;
  duration_median_ms: number;
  since_first_input_median_ms: number;
  longest_task_median_ms: number;
  longest_task_max_ms: number;
  longest_frame_gap_max_ms: number;
  fetch_count_median: number;
  fetch_transfer_bytes_median: number;
  samples: InteractionMeasurement[];
}

export interface ClusterUsability {
  cluster: string;
  groups_in_list: number;
  table_rendered_median_ms: number;
  load_median_ms: number;
  settled_median_ms: number;
  load_longest_task_max_ms: number;
  interactions: Record<string, InteractionResult>;
  background_refresh: QuietWindowMeasurement & { window_ms: number; refresh_interval_s: number };
}

export interface GroupsUsabilityResult {
  search_term: string;
  repetitions: number;
  small: ClusterUsability;
  large: ClusterUsability;
  ratios_large_to_small: Record<string, number | null>;
  longest_task_large_ms: number;
}

const groupsPath = (cluster: BenchCluster) => `/clusters/${cluster.id}/groups`;

async function openGroupsList(page: Page, cluster: BenchCluster): Promise<TableLoadSample> {
  await page.goto(groupsPath(cluster), { waitUntil: 'load', timeout: 120_000 });
  await page.getByTestId(tableTestId).locator('tbody tr').first().waitFor({ timeout: resultTimeoutMs });
  // An input before hydration ends would wait for it and be measured as slow for the wrong reason.
  if (!(await callProbe(page, 'waitForQuiet', 500, 60_000))) console.warn(`bench: ${groupsPath(cluster)} never went quiet for 500 ms`);
  const load = await callProbe(page, 'loadMeasurement');
  const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart);
  return { tableRenderedMs: load.tableRenderedMs ?? Number.NaN, loadMs, settledMs: load.settledMs, longestTaskMs: load.longestTaskMs };
}

async function measureInteraction(page: Page, cluster: BenchCluster, interaction: Interaction): Promise<{ load: TableLoadSample; measurement: InteractionMeasurement }> {
  const load = await openGroupsList(page, cluster);
  if (!(await callProbe(page, 'armInteraction', interaction.condition))) {
    throw new Error(`"${interaction.label}" on ${groupsPath(cluster)}: the table already shows the result before the input`);
  }
  await interaction.perform(page);
  const measurement = await Promise.race([
    callProbe(page, 'interactionMeasurement', settleMs),
    new Promise<never>((_resolve, reject) => setTimeout(
      () => reject(new Error(`"${interaction.label}" on ${groupsPath(cluster)}: the table did not show the result within ${resultTimeoutMs / 1000} s`)),
      resultTimeoutMs,
    ).unref()),
  ]);
  return { load, measurement };
}

/** The list left open for one refresh interval (and a little more): the periodic refresh's cost. */
async function measureBackgroundRefresh(browser: Browser, signedIn: SignedInState, cluster: BenchCluster): Promise<ClusterUsability['background_refresh']> {
  const context = await newContext(browser, signedIn);
  try {
    await addProbe(context, tableTestId);
    const page = await context.newPage();
    await openGroupsList(page, cluster);
    const windowMs = defaultRefreshIntervalSeconds * 1_000 + 3_000;
    const measurement = await callProbe(page, 'quietWindowMeasurement', windowMs);
    return { ...measurement, window_ms: windowMs, refresh_interval_s: defaultRefreshIntervalSeconds };
  } finally {
    await context.close();
  }
}

async function interactionContext(browser: Browser, signedIn: SignedInState): Promise<BrowserContext> {
  const context = await newContext(browser, signedIn);
  // The longest refresh interval a user can choose: the periodic refresh (measured on its own)
  // then does not land inside an interaction and get counted against it.
  const longestIntervalSeconds = Math.max(...refreshIntervalChoicesSeconds);
  await context.addCookies([{ name: 'refresh_s', value: String(longestIntervalSeconds), url: baseUrl }]);
  await addProbe(context, tableTestId);
  return context;
}

function summarise(
  cluster: BenchCluster,
  groupsInList: number,
  loads: TableLoadSample[],
  measurements: Map<string, InteractionMeasurement[]>,
  backgroundRefresh: ClusterUsability['background_refresh'],
): ClusterUsability {
  const results: Record<string, InteractionResult> = {};
  for (const interaction of interactions) {
    const samples = measurements.get(interaction.id) ?? [];
    results[interaction.id] = {
      label: interaction.label,
      duration_median_ms: medianMs(samples.map((sample) => sample.durationMs)),
      since_first_input_median_ms: medianMs(samples.map((sample) => sample.sinceFirstInputMs)),
      longest_task_median_ms: medianMs(samples.map((sample) => sample.longestTaskMs)),
      longest_task_max_ms: roundMs(maximum(samples.map((sample) => sample.longestTaskMs))),
      longest_frame_gap_max_ms: roundMs(maximum(samples.map((sample) => sample.longestFrameGapMs))),
      fetch_count_median: median(samples.map((sample) => sample.fetchCount)),
      fetch_transfer_bytes_median: median(samples.map((sample) => sample.fetchTransferBytes)),
      samples: samples.map((sample) => ({ ...sample, durationMs: roundMs(sample.durationMs), sinceFirstInputMs: roundMs(sample.sinceFirstInputMs), longestTaskMs: roundMs(sample.longestTaskMs), longestFrameGapMs: roundMs(sample.longestFrameGapMs) })),
    };
  }
  return {
    cluster: cluster.id,
    groups_in_list: groupsInList,
    table_rendered_median_ms: medianMs(loads.map((load) => load.tableRenderedMs)),
    load_median_ms: medianMs(loads.map((load) => load.loadMs)),
    settled_median_ms: medianMs(loads.map((load) => load.settledMs)),
    load_longest_task_max_ms: roundMs(maximum(loads.map((load) => load.longestTaskMs))),
    interactions: results,
    background_refresh: { ...backgroundRefresh, longestTaskMs: roundMs(backgroundRefresh.longestTaskMs), longestFrameGapMs: roundMs(backgroundRefresh.longestFrameGapMs) },
  };
}

export async function measureGroupsUsability(browser: Browser, signedIn: SignedInState, groupCounts: Record<string, number>): Promise<GroupsUsabilityResult> {
  const clusters = [smallCluster, largeCluster];
  const loads = new Map<string, TableLoadSample[]>(clusters.map((cluster) => [cluster.id, []]));
  const measurements = new Map<string, Map<string, InteractionMeasurement[]>>(
    clusters.map((cluster) => [cluster.id, new Map(interactions.map((interaction) => [interaction.id, []]))]),
  );
  const context = await interactionContext(browser, signedIn);
  try {
    const page = await context.newPage();
    // Warm-up: the server's first render of each list and the browser cache are not measured.
    for (const cluster of clusters) await openGroupsList(page, cluster);
    for (let round = 1; round <= interactionRepetitions; round++) {
      for (const interaction of interactions) {
        // Small and large in turn, so both see the same moments of the collector's cycle.
        for (const cluster of clusters) {
          const { load, measurement } = await measureInteraction(page, cluster, interaction);
          loads.get(cluster.id)?.push(load);
          measurements.get(cluster.id)?.get(interaction.id)?.push(measurement);
        }
      }
      console.log(`bench: groups list interactions, round ${round} of ${interactionRepetitions}`);
    }
  } finally {
    await context.close();
  }
  // One cluster at a time: two pages refreshing at once would share the two CPU cores.
  const refreshes = new Map<string, ClusterUsability['background_refresh']>();
  for (const cluster of clusters) refreshes.set(cluster.id, await measureBackgroundRefresh(browser, signedIn, cluster));
  const [small, large] = clusters.map((cluster) => summarise(
    cluster,
    groupCounts[cluster.id] ?? 0,
    loads.get(cluster.id) ?? [],
    measurements.get(cluster.id) ?? new Map(),
    refreshes.get(cluster.id) as ClusterUsability['background_refresh'],
  )) as [ClusterUsability, ClusterUsability];

  const ratios: Record<string, number | null> = {
    table_rendered: ratio(large.table_rendered_median_ms, small.table_rendered_median_ms),
    load: ratio(large.load_median_ms, small.load_median_ms),
    settled: ratio(large.settled_median_ms, small.settled_median_ms),
  };
  for (const interaction of interactions) {
    ratios[interaction.id] = ratio(large.interactions[interaction.id]?.duration_median_ms ?? 0, small.interactions[interaction.id]?.duration_median_ms ?? 0);
  }
  const longestTaskLargeMs = maximum([
    large.load_longest_task_max_ms,
    large.background_refresh.longestTaskMs,
    ...Object.values(large.interactions).map((result) => result.longest_task_max_ms),
  ]);
  return { search_term: searchTerm, repetitions: interactionRepetitions, small, large, ratios_large_to_small: ratios, longest_task_large_ms: longestTaskLargeMs };
}
