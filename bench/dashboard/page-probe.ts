import type { BrowserContext, Page } from '@playwright/test';

/**
 * What the benchmark watches inside the page: long main-thread tasks (PerformanceObserver
 * 'longtask', 50 ms and more), gaps between animation frames (a frozen page draws no frames),
 * when the table first reaches the screen, and how long an interaction takes until the frame
 * that shows its result. Everything is timed with the page's own clock, so Playwright's polling
 * and the CDP round trips never add to a number.
 */

export type TableCondition =
  /** The header whose sort button's text matches `headerPattern` shows `direction` in aria-sort. */
  | { kind: 'sorted'; headerPattern: string; direction: 'ascending' | 'descending' }
  /** Every row's `rowAttribute` contains `term` (case-insensitive), and there is at least one row. */
  | { kind: 'rows-match'; rowAttribute: string; term: string }
  /** The select labelled `selectLabel` shows `value`, and so does `urlParameter` in the address. */
  | { kind: 'filtered'; selectLabel: string; value: string; urlParameter: string }
  /** The pager says "Page `pageNumber` of …". */
  | { kind: 'page'; pageNumber: number };

interface TimeSpan {
  startMs: number;
  durationMs: number;
}

export interface InteractionMeasurement {
  /**
   * From the last input event (the click, the chosen option, the last key typed) to the first
   * animation frame in which the table shows the result.
   */
  durationMs: number;
  /** The same from the first input event: typing a term includes every keystroke's work. */
  sinceFirstInputMs: number;
  /** Longest long task from the first input until `settleMs` after the result (0: none of 50 ms or more). */
  longestTaskMs: number;
  longestFrameGapMs: number;
  /** Requests the page made (fetch) between the first input and the result, e.g. server round trips. */
  fetchCount: number;
  fetchTransferBytes: number;
}

export interface QuietWindowMeasurement {
  longestTaskMs: number;
  longestFrameGapMs: number;
  fetchCount: number;
  fetchTransferBytes: number;
}

export interface LoadMeasurement {
  /** First frame in which a row of the table is in the document (null: no such table on the page). */
  tableRenderedMs: number | null;
  /** When the main thread was last busy (long task or frame gap) before it stayed quiet. */
  settledMs: number;
  longestTaskMs: number;
  longestFrameGapMs: number;
}

interface ArmedInteraction {
  condition: TableCondition;
  firstInputMs: number | null;
  lastInputMs: number | null;
  doneMs: number | null;
  markDone: () => void;
  done: Promise<void>;
}

interface Probe {
  longTasks: TimeSpan[];
  frameGaps: TimeSpan[];
  tableRenderedMs: number | null;
  lastBusyMs: number;
  waitForQuiet(quietMs: number, timeoutMs: number): Promise<boolean>;
  loadMeasurement(): LoadMeasurement;
  /** Returns false when the condition already holds: the interaction would measure nothing. */
  armInteraction(condition: TableCondition): boolean;
  interactionMeasurement(settleMs: number): Promise<InteractionMeasurement>;
  quietWindowMeasurement(durationMs: number): Promise<QuietWindowMeasurement>;
}

declare global {
  interface Window {
    lagboardBenchProbe?: Probe;
  }
}

/** Runs in the page before any of its scripts; must not use anything from this module's scope. */
function installProbe(tableTestId: string): void {
  const longTasks: TimeSpan[] = [];
  const frameGaps: TimeSpan[] = [];
  const frameGapThresholdMs = 50;
  let interaction: ArmedInteraction | null = null;

  const longest = (spans: TimeSpan[], fromMs: number, toMs: number) =>
    spans.filter((span) => span.startMs < toMs && span.startMs + span.durationMs > fromMs)
      .reduce((maximum, span) => Math.max(maximum, span.durationMs), 0);
  const fetchesBetween = (fromMs: number, toMs: number) => {
    const entries = performance.getEntriesByType('resource')
      .filter((entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming)
      .filter((entry) => entry.initiatorType === 'fetch' && entry.startTime >= fromMs && entry.startTime <= toMs);
    return { fetchCount: entries.length, fetchTransferBytes: entries.reduce((sum, entry) => sum + entry.transferSize, 0) };
  };
  const holds = (condition: TableCondition): boolean => {
    const table = document.querySelector(`[data-testid="${tableTestId}"]`);
    switch (condition.kind) {
      case 'sorted': {
        const pattern = new RegExp(condition.headerPattern);
        const header = [...(table?.querySelectorAll('thead th') ?? [])]
          .find((cell) => pattern.test(cell.querySelector('button.sort')?.textContent ?? ''));
        return header?.getAttribute('aria-sort') === condition.direction;
      }
      case 'rows-match': {
        const rows = [...(table?.querySelectorAll(`tbody tr[${condition.rowAttribute}]`) ?? [])];
        const term = condition.term.toLowerCase();
        return rows.length > 0 && rows.every((row) => (row.getAttribute(condition.rowAttribute) ?? '').toLowerCase().includes(term));
      }
      case 'filtered': {
        const select = [...document.querySelectorAll('select')].find((element) => element.getAttribute('aria-label') === condition.selectLabel);
        return select?.value === condition.value && new URLSearchParams(window.location.search).get(condition.urlParameter) === condition.value;
      }
      case 'page':
        return (document.querySelector('nav[aria-label="Pages"]')?.textContent ?? '').includes(`Page ${condition.pageNumber} of`);
    }
  };

  const probe: Probe = {
    longTasks,
    frameGaps,
    tableRenderedMs: null,
    lastBusyMs: 0,
    waitForQuiet(quietMs, timeoutMs) {
      const startedMs = performance.now();
      return new Promise((resolve) => {
        const check = () => {
          const nowMs = performance.now();
          if (nowMs - probe.lastBusyMs >= quietMs) resolve(true);
          else if (nowMs - startedMs > timeoutMs) resolve(false);
          else setTimeout(check, 50);
        };
        check();
      });
    },
    loadMeasurement() {
      const nowMs = performance.now();
      return {
        tableRenderedMs: probe.tableRenderedMs,
        settledMs: probe.lastBusyMs,
        longestTaskMs: longest(longTasks, 0, nowMs),
        longestFrameGapMs: longest(frameGaps, 0, nowMs),
      };
    },
    armInteraction(condition) {
      if (holds(condition)) return false;
      const current: ArmedInteraction = { condition, firstInputMs: null, lastInputMs: null, doneMs: null, markDone: () => undefined, done: Promise.resolve() };
      current.done = new Promise<void>((resolve) => {
        current.markDone = resolve;
      });
      interaction = current;
      const inputTypes = ['pointerdown', 'mousedown', 'keydown', 'input', 'change'];
      const stopListening = () => {
        for (const type of inputTypes) window.removeEventListener(type, onInput, true);
      };
      const checkEachFrame = () => {
        if (holds(current.condition)) {
          current.doneMs = performance.now();
          stopListening();
          current.markDone();
        } else {
          requestAnimationFrame(checkEachFrame);
        }
      };
      const onInput = () => {
        const nowMs = performance.now();
        current.lastInputMs = nowMs;
        if (current.firstInputMs === null) {
          current.firstInputMs = nowMs;
          requestAnimationFrame(checkEachFrame);
        }
      };
      for (const type of inputTypes) window.addEventListener(type, onInput, true);
      return true;
    },
    async interactionMeasurement(settleMs) {
      const current = interaction;
      if (!current) throw new Error('no interaction was armed');
      await current.done;
      // Long-task entries arrive after their task ends; effects of the result run after its frame.
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const firstInputMs = current.firstInputMs ?? 0;
      const doneMs = current.doneMs ?? 0;
      return {
        durationMs: doneMs - (current.lastInputMs ?? firstInputMs),
        sinceFirstInputMs: doneMs - firstInputMs,
        longestTaskMs: longest(longTasks, firstInputMs, doneMs + settleMs),
        longestFrameGapMs: longest(frameGaps, firstInputMs, doneMs + settleMs),
        ...fetchesBetween(firstInputMs, doneMs),
      };
    },
    async quietWindowMeasurement(durationMs) {
      const startMs = performance.now();
      await new Promise((resolve) => setTimeout(resolve, durationMs));
      const endMs = performance.now();
      return { longestTaskMs: longest(longTasks, startMs, endMs), longestFrameGapMs: longest(frameGaps, startMs, endMs), ...fetchesBetween(startMs, endMs) };
    },
  };
  window.lagboardBenchProbe = probe;
  performance.setResourceTimingBufferSize(10_000);

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
        probe.lastBusyMs = Math.max(probe.lastBusyMs, entry.startTime + entry.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Without long-task timing the frame gaps still show a frozen page.
  }

  let previousFrameMs = performance.now();
  const onFrame = () => {
    const nowMs = performance.now();
    if (nowMs - previousFrameMs > frameGapThresholdMs) {
      frameGaps.push({ startMs: previousFrameMs, durationMs: nowMs - previousFrameMs });
      probe.lastBusyMs = Math.max(probe.lastBusyMs, nowMs);
    }
    previousFrameMs = nowMs;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  const rowSelector = `[data-testid="${tableTestId}"] tbody tr`;
  const observer = new MutationObserver(() => {
    if (!document.querySelector(rowSelector)) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      probe.tableRenderedMs = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Installs the probe in every page of the context. The first script defines `__name`: the
 * TypeScript runner wraps named functions with that helper, which does not exist in the page.
 */
export async function addProbe(context: BrowserContext, tableTestId: string): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((target) => target);' });
  await context.addInitScript(installProbe, tableTestId);
}

type ProbeMethods = Omit<Probe, 'longTasks' | 'frameGaps' | 'tableRenderedMs' | 'lastBusyMs'>;

/** Calls one method of the page's probe and returns its (awaited) result. */
export async function callProbe<Method extends keyof ProbeMethods>(
  page: Page,
  method: Method,
  ...parameters: Parameters<ProbeMethods[Method]>
): Promise<Awaited<ReturnType<ProbeMethods[Method]>>> {
  const result: unknown = await page.evaluate(([name, values]) => {
    const probe = window.lagboardBenchProbe;
    if (!probe) throw new Error('the benchmark probe is not installed in this page');
    return (probe[name] as (...values: unknown[]) => unknown).apply(probe, values);
  }, [method, parameters as unknown[]] as const);
  return result as Awaited<ReturnType<ProbeMethods[Method]>>;
}
