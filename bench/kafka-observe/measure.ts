/** Timing and memory helpers of the benchmark: medians, never assertions. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Runs `work` `repetitions` times one after another and returns each duration in ms with the last result. */
export async function timeRepeated<Result>(repetitions: number, work: () => Promise<Result>): Promise<{ durationsMs: number[]; last: Result }> {
  const durationsMs: number[] = [];
  let last: Result | undefined;
  for (let run = 0; run < repetitions; run++) {
    const startedAt = performance.now();
    last = await work();
    durationsMs.push(performance.now() - startedAt);
  }
  return { durationsMs, last: last as Result };
}

/** Samples RSS and heap every few milliseconds while running, so short peaks are seen too. */
export class MemoryPeak {
  private peakRssBytes = 0;
  private peakHeapBytes = 0;
  private timer: NodeJS.Timeout | null = null;

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 5);
  }

  stop(): { peakRssMb: number; peakHeapMb: number } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const toMb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    return { peakRssMb: toMb(this.peakRssBytes), peakHeapMb: toMb(this.peakHeapBytes) };
  }

  private sample(): void {
    const usage = process.memoryUsage();
    this.peakRssBytes = Math.max(this.peakRssBytes, usage.rss);
    this.peakHeapBytes = Math.max(this.peakHeapBytes, usage.heapUsed);
  }
}

export const roundMs = (milliseconds: number) => Math.round(milliseconds * 10) / 10;
