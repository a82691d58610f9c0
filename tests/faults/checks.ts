import type { Sample } from './poller';

/** One named check of the fault suite: counted in the closing `N passed, N failed` line. */
export interface CheckResult {
  name: string;
  passed: boolean;
  detail: string;
}

export class Checks {
  readonly results: CheckResult[] = [];

  record(name: string, passed: boolean, detail: string): void {
    this.results.push({ name, passed, detail });
    console.log(`faults: ${passed ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  }

  /** Runs a check that may throw: a throw is a failure with its message, never a crash of the suite. */
  async run(name: string, check: () => Promise<string> | string): Promise<void> {
    try {
      this.record(name, true, await check());
    } catch (error) {
      this.record(name, false, error instanceof Error ? error.message : String(error));
    }
  }
}

export class CheckFailure extends Error {}

export function expectThat(condition: boolean, message: string): void {
  if (!condition) throw new CheckFailure(message);
}

/** A service stopped at `downAtMs` and answering again at `upAtMs`. */
export interface Outage {
  name: string;
  /** When the stop was asked for: the service may misbehave from here (a broker shutting down). */
  stoppingAtMs: number;
  downAtMs: number;
  upAtMs: number;
}

export const describeSample = (sample: Sample, originMs: number) =>
  `${sample.route} ${sample.status}${sample.code ? ` ${sample.code}` : ''} at +${((sample.atMs - originMs) / 1000).toFixed(1)} s`;

/** Samples of the routes in [fromMs, toMs). */
export function samplesBetween(samples: readonly Sample[], routes: readonly string[], fromMs: number, toMs: number): Sample[] {
  return samples.filter((sample) => routes.includes(sample.route) && sample.atMs >= fromMs && sample.atMs < toMs);
}

/**
 * Snapshot times in order: none closer than half an interval (two writers, or a duplicate), and no
 * gap over 1.5 intervals except one that overlaps an outage (with `marginMs` either side) or that
 * follows a pass which itself took longer than the interval (its recorded duration: the collector
 * starts the next pass when an overrunning one ends, it does not skip ahead).
 */
export function checkSnapshotSpacing(
  takenAtMs: readonly number[],
  intervalMs: number,
  outages: readonly Outage[],
  marginMs: number,
  passDurationMs: ReadonlyMap<number, number> = new Map(),
): string {
  expectThat(takenAtMs.length >= 2, `only ${takenAtMs.length} snapshots`);
  const problems: string[] = [];
  for (let index = 1; index < takenAtMs.length; index++) {
    const previous = takenAtMs[index - 1] as number;
    const current = takenAtMs[index] as number;
    const gapMs = current - previous;
    if (gapMs < intervalMs * 0.5) problems.push(`two snapshots ${gapMs} ms apart at ${new Date(current).toISOString()}`);
    const explained = outages.some((outage) => previous <= outage.upAtMs + marginMs && current >= outage.stoppingAtMs - marginMs);
    const overrunMs = passDurationMs.get(previous) ?? 0;
    if (gapMs > intervalMs * 1.5 + overrunMs && !explained) {
      problems.push(`a gap of ${gapMs} ms outside any outage after ${new Date(previous).toISOString()} (that pass took ${overrunMs} ms)`);
    }
  }
  expectThat(problems.length === 0, problems.slice(0, 5).join('; '));
  const gaps = takenAtMs.slice(1).map((value, index) => value - (takenAtMs[index] as number));
  return `${takenAtMs.length} snapshots, gaps ${Math.min(...gaps)}–${Math.max(...gaps)} ms`;
}
