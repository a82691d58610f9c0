/** Rates over a window of (time, offset) samples, for the scaling recommendation. */

export interface OffsetSample {
  observedAtMs: number;
  value: number | null;
}

/**
 * Units per second between the first and the last known sample; null with fewer than two known
 * samples or no time between them. A value that went down (offsets reset, log recreated) counts
 * as no progress rather than a negative rate.
 */
export function ratePerSecond(samples: readonly OffsetSample[]): number | null {
  const known = samples.filter((sample): sample is { observedAtMs: number; value: number } => sample.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last || last.observedAtMs <= first.observedAtMs) {
    return null;
  }
  return Math.max(0, last.value - first.value) / ((last.observedAtMs - first.observedAtMs) / 1000);
}

/** Sum of the known rates; null when none is known. */
export function sumRates(rates: ReadonlyArray<number | null>): number | null {
  const known = rates.filter((rate): rate is number => rate !== null);
  return known.length === 0 ? null : known.reduce((total, rate) => total + rate, 0);
}
