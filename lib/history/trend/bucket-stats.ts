import type { Stats } from './series-shape';

/** min/avg/max of the known (non-NaN) values added, as the SQL aggregates compute them. */
export class StatsAccumulator {
  private count = 0;
  private sum = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;

  add(value: number): void {
    if (Number.isNaN(value)) return;
    this.count += 1;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  stats(): Stats {
    return this.count === 0 ? { min: null, avg: null, max: null } : { min: this.min, avg: this.sum / this.count, max: this.max };
  }
}

/** The start of the epoch-aligned bucket holding `timeMs` (date_bin with the epoch origin). */
export const bucketStartMs = (timeMs: number, stepMs: number) => Math.floor(timeMs / stepMs) * stepMs;

/** NaN-aware max: NaN stands for null, as in the decoded partition columns. */
export function maxKnown(left: number, right: number): number {
  if (Number.isNaN(left)) return right;
  if (Number.isNaN(right)) return left;
  return Math.max(left, right);
}

export const knownOrNull = (value: number) => (Number.isNaN(value) ? null : value);
