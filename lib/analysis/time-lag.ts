/** A log-end offset and when it was read: one point of the partition's production curve. */
export interface LogEndOffsetPoint {
  logEndOffset: number;
  timestampMs: number;
}

/**
 * How the estimate was obtained:
 * - caught_up: the committed offset is at or past the newest log-end offset (lag 0);
 * - interpolated: between two points of the curve;
 * - extrapolated: below the oldest point, along the trend of the whole curve;
 * - lower_bound: below the oldest point of a flat curve, so only "at least this old" is known.
 */
export type TimeLagMethod = 'caught_up' | 'interpolated' | 'extrapolated' | 'lower_bound';

export interface TimeLagEstimate {
  lagSeconds: number;
  method: TimeLagMethod;
}

/** Oldest first, keeping only points that move forward in time and never backwards in offset. */
function productionCurve(points: readonly LogEndOffsetPoint[]): LogEndOffsetPoint[] {
  const curve: LogEndOffsetPoint[] = [];
  for (const point of [...points].sort((left, right) => left.timestampMs - right.timestampMs)) {
    const previous = curve[curve.length - 1];
    // A log end never moves back; a lower value means the topic was recreated, and a repeated
    // timestamp adds no information. kafka-lag-exporter drops both the same way.
    if (previous === undefined || (point.timestampMs > previous.timestampMs && point.logEndOffset >= previous.logEndOffset)) {
      curve.push(point);
    }
  }
  return curve;
}

/** Time at `offset` on the line through two points with different offsets. */
function timeOnLine(left: LogEndOffsetPoint, right: LogEndOffsetPoint, offset: number): number {
  const millisecondsPerOffset = (right.timestampMs - left.timestampMs) / (right.logEndOffset - left.logEndOffset);
  return left.timestampMs + (offset - left.logEndOffset) * millisecondsPerOffset;
}

/**
 * When did the log end stand where the consumer now is? (kafka-lag-exporter's lookup table.)
 * Searching from the newest segment backwards and skipping flat segments means an offset equal to
 * a flat run resolves to the run's *latest* time: the record at the committed offset (the next
 * one to read) was written only after the log end left that value, so earlier times of the run
 * would count an idle producer as consumer lag.
 */
function timeAtOffset(curve: readonly LogEndOffsetPoint[], offset: number): { timestampMs: number; method: TimeLagMethod } {
  for (let index = curve.length - 1; index > 0; index -= 1) {
    const left = curve[index - 1] as LogEndOffsetPoint;
    const right = curve[index] as LogEndOffsetPoint;
    if (right.logEndOffset > left.logEndOffset && offset >= left.logEndOffset && offset <= right.logEndOffset) {
      return { timestampMs: timeOnLine(left, right, offset), method: 'interpolated' };
    }
  }
  // Below the oldest point: the record existed already then, so the lag is at least now minus the
  // oldest time. The overall trend (oldest to newest, as kafka-lag-exporter does; the first two
  // points alone may be a flat pair) extends the line further back, unless the curve is flat.
  const oldest = curve[0] as LogEndOffsetPoint;
  const newest = curve[curve.length - 1] as LogEndOffsetPoint;
  if (newest.logEndOffset === oldest.logEndOffset) {
    return { timestampMs: oldest.timestampMs, method: 'lower_bound' };
  }
  return { timestampMs: timeOnLine(oldest, newest, offset), method: 'extrapolated' };
}

/**
 * Estimated time lag of a partition in seconds: now minus the moment the log end was at the
 * committed offset, read off the recent (logEndOffset, time) points by linear interpolation.
 * Returns 0 (caught_up) when the committed offset reached the newest log end, even with a single
 * point; null when there is no point, or one point the consumer is behind (no slope to read).
 */
export function estimateTimeLagSeconds(points: readonly LogEndOffsetPoint[], committedOffset: number, nowMs: number): TimeLagEstimate | null {
  const curve = productionCurve(points);
  const newest = curve[curve.length - 1];
  if (newest === undefined) {
    return null;
  }
  if (committedOffset >= newest.logEndOffset) {
    return { lagSeconds: 0, method: 'caught_up' };
  }
  if (curve.length < 2) {
    return null;
  }
  const { timestampMs, method } = timeAtOffset(curve, committedOffset);
  return { lagSeconds: Math.max(0, (nowMs - timestampMs) / 1000), method };
}
