/** Wall-clock timings of repeated runs; the bench prints them and never asserts on them. */
export interface Timing {
  p50Ms: number;
  p90Ms: number;
  minMs: number;
  runs: number;
}

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

/** Runs `work` `warmUpRuns` times unmeasured, then `runs` times one after another. */
export async function measure(runs: number, work: () => Promise<unknown>, warmUpRuns = 2): Promise<Timing> {
  for (let index = 0; index < warmUpRuns; index += 1) {
    await work();
  }
  const durations: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const startedAt = performance.now();
    await work();
    durations.push(performance.now() - startedAt);
  }
  durations.sort((left, right) => left - right);
  const round = (milliseconds: number) => Math.round(milliseconds * 100) / 100;
  return { p50Ms: round(percentile(durations, 0.5)), p90Ms: round(percentile(durations, 0.9)), minMs: round(durations[0] ?? NaN), runs };
}
