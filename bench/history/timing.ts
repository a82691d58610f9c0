/** Wall-clock helpers for the history benchmark (never used to assert anything). */

export const roundMs = (value: number) => Math.round(value * 10) / 10;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Runs `work` once to warm up, then `repetitions` times; returns each run's milliseconds. */
export async function timeRepeated<T>(repetitions: number, work: (run: number) => Promise<T>): Promise<{ timesMs: number[]; last: T }> {
  let last = await work(-1);
  const timesMs: number[] = [];
  for (let run = 0; run < repetitions; run += 1) {
    const startedAt = performance.now();
    last = await work(run);
    timesMs.push(roundMs(performance.now() - startedAt));
  }
  return { timesMs, last };
}
