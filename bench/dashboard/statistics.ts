import { median } from '../kafka-observe/measure';

/** Medians, maxima and ratios of the benchmark, rounded for the report; never assertions. */

export { median };

export const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export const roundMs = (milliseconds: number) => roundTo(milliseconds, 1);

export const medianMs = (values: readonly number[]) => roundMs(median(values));

export const maximum = (values: readonly number[]) => values.reduce((largest, value) => Math.max(largest, value), 0);

/** measured / baseline, two decimals; null when the baseline is 0 (no ratio to speak of). */
export function ratio(measured: number, baseline: number): number | null {
  return baseline > 0 ? roundTo(measured / baseline, 2) : null;
}
