import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GroupsUsabilityResult } from './groups-usability';
import type { PageLoadResult } from './page-loads';
import { resultsDirectory } from './settings';

/** The printed tables and the JSON file of one run. */

const formatMs = (milliseconds: number) => (Number.isFinite(milliseconds) ? `${milliseconds < 100 ? milliseconds.toFixed(1) : Math.round(milliseconds)} ms` : 'n/a');
/** Long tasks are reported from 50 ms on: 0 means the main thread never blocked that long. */
const formatTaskMs = (milliseconds: number) => (milliseconds === 0 ? '< 50 ms' : formatMs(milliseconds));
const formatKb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const formatRatio = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)}×`);
const withRatio = (milliseconds: number, value: number | null) => `${formatMs(milliseconds)} (${formatRatio(value)})`;

function printTable(title: string, headers: string[], rows: string[][]): void {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  // The first column is text, the others numbers: right-aligned so digits line up.
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ');
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

export function printPageLoads(results: PageLoadResult[], repetitions: number): void {
  printTable(
    `Page load: median of ${repetitions} warm loads, (ratio to the login page)`,
    ['Page', 'Status', 'Server response', 'Response end', 'DOMContentLoaded', 'Load', 'Longest task (median / max)'],
    results.map((result) => [
      result.label,
      String(result.status),
      withRatio(result.server_response_median_ms, result.ratios_to_login.server_response),
      formatMs(result.response_end_median_ms),
      withRatio(result.dom_content_loaded_median_ms, result.ratios_to_login.dom_content_loaded),
      withRatio(result.load_median_ms, result.ratios_to_login.load),
      `${formatTaskMs(result.longest_task_median_ms)} / ${formatTaskMs(result.longest_task_max_ms)}`,
    ]),
  );
  printTable(
    'First load with an empty cache: JavaScript fetched (and the HTML document)',
    ['Page', 'JS files', 'JS compressed', 'JS decoded', '× login (compressed / decoded)', 'HTML compressed', 'HTML decoded'],
    results.map((result) => [
      result.label,
      String(result.first_load.javascript_files),
      formatKb(result.first_load.javascript_compressed_bytes),
      formatKb(result.first_load.javascript_decoded_bytes),
      `${formatRatio(result.ratios_to_login.javascript_compressed)} / ${formatRatio(result.ratios_to_login.javascript_decoded)}`,
      formatKb(result.first_load.html_compressed_bytes),
      formatKb(result.first_load.html_decoded_bytes),
    ]),
  );
}

export function printGroupsUsability(result: GroupsUsabilityResult): void {
  const { small, large } = result;
  const loadRows: string[][] = [
    ['Table rendered (from navigation)', formatMs(small.table_rendered_median_ms), formatMs(large.table_rendered_median_ms), formatRatio(result.ratios_large_to_small.table_rendered ?? null), '', '', ''],
    ['Load event', formatMs(small.load_median_ms), formatMs(large.load_median_ms), formatRatio(result.ratios_large_to_small.load ?? null), '', '', ''],
    ['Main thread settled', formatMs(small.settled_median_ms), formatMs(large.settled_median_ms), formatRatio(result.ratios_large_to_small.settled ?? null),
      `max ${formatTaskMs(small.load_longest_task_max_ms)}`, `max ${formatTaskMs(large.load_longest_task_max_ms)}`, ''],
  ];
  const interactionRows = Object.entries(large.interactions).map(([id, largeResult]) => {
    const smallResult = small.interactions[id];
    return [
      largeResult.label,
      formatMs(smallResult?.duration_median_ms ?? Number.NaN),
      formatMs(largeResult.duration_median_ms),
      formatRatio(result.ratios_large_to_small[id] ?? null),
      smallResult ? `${formatTaskMs(smallResult.longest_task_median_ms)} / ${formatTaskMs(smallResult.longest_task_max_ms)}` : '',
      `${formatTaskMs(largeResult.longest_task_median_ms)} / ${formatTaskMs(largeResult.longest_task_max_ms)}`,
      `${largeResult.fetch_count_median}, ${formatKb(largeResult.fetch_transfer_bytes_median)}`,
    ];
  });
  const refreshRow = [
    `Left open ${large.background_refresh.window_ms / 1000} s (refresh every ${large.background_refresh.refresh_interval_s} s)`,
    '', '', '',
    `max ${formatTaskMs(small.background_refresh.longestTaskMs)}`,
    `max ${formatTaskMs(large.background_refresh.longestTaskMs)}`,
    `${large.background_refresh.fetchCount}, ${formatKb(large.background_refresh.fetchTransferBytes)}`,
  ];
  printTable(
    `Groups list: small (${small.groups_in_list} groups) vs large (${large.groups_in_list} groups); medians of ${result.repetitions} runs each`,
    ['Measure', 'small', 'large', 'large/small', 'Longest task small (median / max)', 'Longest task large (median / max)', 'Fetches large (count, size)'],
    [...loadRows, ...interactionRows, refreshRow],
  );
  console.log('Interaction times run from the last input (click, option, last key) to the frame showing the result; typing the term');
  console.log(`from its first key: small ${formatMs(small.interactions.search?.since_first_input_median_ms ?? Number.NaN)}, large ${formatMs(large.interactions.search?.since_first_input_median_ms ?? Number.NaN)}.`);
  console.log(`Longest main-thread task seen on the large list (load, interactions, refresh): ${formatTaskMs(result.longest_task_large_ms)}`);
}

export async function writeReport(report: { ran_at: string } & Record<string, unknown>): Promise<string> {
  await mkdir(resultsDirectory, { recursive: true });
  const file = path.join(resultsDirectory, `dashboard-${report.ran_at.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
