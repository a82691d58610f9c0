import { ROLLUP_BUCKET_MS } from '../rollup';

/** At most this many points per series (the "about 1,000"). */
export const MAX_POINTS = 1_000;
const minimumStepMs = 1_000;

export interface TimeRange {
  fromMs: number;
  toMs: number;
}

export interface SeriesPlanInput extends TimeRange {
  requestedStepMs: number | null;
  /** Rollups exist for every bucket before this time; null when none exist (or the series has none). */
  rolledUntilMs: number | null;
  /** The oldest raw snapshot still stored; null when there is none. */
  oldestRawMs: number | null;
  maxPoints?: number;
}

export interface SeriesPlan {
  stepMs: number;
  /** Bucket-aligned range the points cover: the first bucket may start before `from`. */
  alignedFromMs: number;
  alignedToMs: number;
  /** Buckets read from the 5-minute rollups, then from the raw points. Either may be null. */
  rollup: TimeRange | null;
  raw: TimeRange | null;
}

const second = 1_000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
/** Steps a chart axis reads well; every one from 5 minutes on is a multiple of the rollup width. */
const readableStepsMs = [second, 5 * second, 10 * second, 15 * second, 30 * second, minute, 2 * minute, 5 * minute, 10 * minute,
  15 * minute, 30 * minute, hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day];

/** The smallest readable step of at least `stepMs` (whole days beyond one day). */
export function readableStep(stepMs: number): number {
  return readableStepsMs.find((candidate) => candidate >= stepMs) ?? Math.ceil(stepMs / day) * day;
}

const floorTo = (timeMs: number, stepMs: number) => Math.floor(timeMs / stepMs) * stepMs;
const ceilTo = (timeMs: number, stepMs: number) => Math.ceil(timeMs / stepMs) * stepMs;

/**
 * How a series is read. Buckets are `stepMs` wide and aligned to the Unix epoch, so a bucket is
 * either fully before the rollup watermark or not, and rollups combine into a bucket exactly
 * (min of mins, max of maxes, sample-weighted averages): the answer is the same as from raw points.
 * - The step grows so that the aligned range holds at most `maxPoints` buckets (to a readable
 *   value: 1 s, 5 s, … 1 min, 5 min, 15 min, 1 h, … 1 d).
 * - Once a step reaches the rollup width, or the range reaches back beyond the raw points, the
 *   step becomes a multiple of 5 minutes and everything before the watermark comes from rollups.
 */
export function planSeries(input: SeriesPlanInput): SeriesPlan {
  const maxPoints = input.maxPoints ?? MAX_POINTS;
  // Aligning both ends may add up to two buckets, hence maxPoints - 2. A step the caller asked for
  // is kept when it is large enough; a step chosen here is a readable one.
  const smallestStepMs = readableStep(Math.max(Math.ceil((input.toMs - input.fromMs) / (maxPoints - 2)), minimumStepMs));
  let stepMs = Math.max(input.requestedStepMs ?? 0, smallestStepMs);
  const reachesBeforeRaw = input.oldestRawMs === null || input.fromMs < input.oldestRawMs;
  const useRollups = input.rolledUntilMs !== null && (stepMs >= ROLLUP_BUCKET_MS || (reachesBeforeRaw && input.fromMs < input.rolledUntilMs));
  if (useRollups) stepMs = ceilTo(stepMs, ROLLUP_BUCKET_MS);
  const alignedFromMs = floorTo(input.fromMs, stepMs);
  const alignedToMs = Math.max(ceilTo(input.toMs, stepMs), alignedFromMs + stepMs);
  if (!useRollups || input.rolledUntilMs === null) {
    return { stepMs, alignedFromMs, alignedToMs, rollup: null, raw: { fromMs: alignedFromMs, toMs: alignedToMs } };
  }
  const splitMs = Math.min(alignedToMs, Math.max(alignedFromMs, floorTo(input.rolledUntilMs, stepMs)));
  return {
    stepMs,
    alignedFromMs,
    alignedToMs,
    rollup: splitMs > alignedFromMs ? { fromMs: alignedFromMs, toMs: splitMs } : null,
    raw: splitMs < alignedToMs ? { fromMs: splitMs, toMs: alignedToMs } : null,
  };
}
