import type { TopicPartition } from './topic-partition';

/** Seed 004: STUCK_DETECTION_WINDOW = 5 * 60 seconds. */
export const DEFAULT_STUCK_WINDOW_MS = 5 * 60 * 1000;

/** One stored snapshot of one partition of one group. */
export interface PartitionLagSample {
  timestampMs: number;
  lag: number | null;
  committedOffset: number | null;
}

export interface PartitionHistory extends TopicPartition {
  samples: readonly PartitionLagSample[];
}

export interface StuckPartition extends TopicPartition {
  committedOffset: number;
  lagAtStart: number;
  lagAtEnd: number;
  startTimestampMs: number;
  endTimestampMs: number;
}

export interface StuckDetectionOptions {
  nowMs: number;
  windowMs?: number;
}

interface KnownSample {
  timestampMs: number;
  lag: number;
  committedOffset: number;
}

function isKnown(sample: PartitionLagSample): sample is KnownSample {
  return sample.lag !== null && sample.committedOffset !== null;
}

/**
 * The samples that cover [nowMs - windowMs, nowMs]: every sample inside the window plus the
 * newest one at or before its start. Snapshots arrive on an interval, so without that anchor a
 * window rarely begins exactly on a sample and the evidence would cover less than the window.
 * Returns null when no sample reaches back to the window start (not enough history yet).
 */
function samplesCoveringWindow(samples: readonly PartitionLagSample[], windowStartMs: number, nowMs: number): PartitionLagSample[] | null {
  const ordered = samples
    .filter((sample) => sample.timestampMs <= nowMs)
    .sort((left, right) => left.timestampMs - right.timestampMs);
  const anchorIndex = ordered.findLastIndex((sample) => sample.timestampMs <= windowStartMs);
  return anchorIndex === -1 ? null : ordered.slice(anchorIndex);
}

function stuckOver(samples: readonly PartitionLagSample[]): KnownSample[] | null {
  if (samples.length < 2 || !samples.every(isKnown)) {
    return null;
  }
  const known = samples as KnownSample[];
  const first = known[0] as KnownSample;
  const last = known[known.length - 1] as KnownSample;
  const offsetNeverMoved = known.every((sample) => sample.committedOffset === first.committedOffset);
  const lagNeverFell = known.every((sample, index) => index === 0 || sample.lag >= (known[index - 1] as KnownSample).lag);
  return offsetNeverMoved && lagNeverFell && last.lag > first.lag ? known : null;
}

/**
 * Seed 004's stuck partitions: over the detection window the lag rose (never fell, and ended
 * higher than it started) while the committed offset did not move. Both conditions are needed:
 * rising lag alone is a slow consumer, a still offset alone is an idle topic.
 *
 * Needs at least two samples with known lag and offset that together cover the whole window
 * (see samplesCoveringWindow); a sample with unknown lag or offset inside the window means the
 * partition is not judged. Samples after nowMs are ignored.
 */
export function findStuckPartitions(history: readonly PartitionHistory[], options: StuckDetectionOptions): StuckPartition[] {
  const windowMs = options.windowMs ?? DEFAULT_STUCK_WINDOW_MS;
  const windowStartMs = options.nowMs - windowMs;
  const stuck: StuckPartition[] = [];
  for (const { topic, partition, samples } of history) {
    const covering = samplesCoveringWindow(samples, windowStartMs, options.nowMs);
    const evidence = covering === null ? null : stuckOver(covering);
    if (evidence === null) {
      continue;
    }
    const first = evidence[0] as KnownSample;
    const last = evidence[evidence.length - 1] as KnownSample;
    stuck.push({
      topic,
      partition,
      committedOffset: first.committedOffset,
      lagAtStart: first.lag,
      lagAtEnd: last.lag,
      startTimestampMs: first.timestampMs,
      endTimestampMs: last.timestampMs,
    });
  }
  return stuck;
}
