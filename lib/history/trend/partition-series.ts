import type { SqlClient } from '../sql-client';
import { bucketStartMs, knownOrNull, maxKnown, StatsAccumulator } from './bucket-stats';
import type { SeriesPlan } from './plan';
import { decodePartitionAt } from '../partition-codec';
import { readEncodedSamples, type EncodedSample } from './sample-reader';
import { isoTime, type Stats } from './series-shape';

export interface PartitionSeriesPoint {
  time: string;
  samples: number;
  lag: Stats;
  lag_seconds: Stats;
  /** The newest (largest) offsets seen in the bucket. */
  committed_offset: number | null;
  log_end_offset: number | null;
}

/** One partition of one group: raw samples only (partition detail is kept for RETENTION_RAW). */
export async function readPartitionSeries(sql: SqlClient, refs: { groupRef: number; topicRef: number; partition: number }, plan: SeriesPlan): Promise<PartitionSeriesPoint[]> {
  if (!plan.raw) return [];
  const samples = await readEncodedSamples(sql, [refs.groupRef], plan.raw.fromMs, plan.raw.toMs);
  const buckets = new Map<number, { samples: number; lag: StatsAccumulator; lagSeconds: StatsAccumulator; committed: number; logEnd: number }>();
  const positionByLayout = new Map<EncodedSample['layout'], number>();
  for (const sample of samples) {
    let position = positionByLayout.get(sample.layout);
    if (position === undefined) {
      position = sample.layout.findIndex((entry) => entry.topicRef === refs.topicRef && entry.partition === refs.partition);
      positionByLayout.set(sample.layout, position);
    }
    if (position < 0) continue;
    const start = bucketStartMs(sample.timeMs, plan.stepMs);
    let bucket = buckets.get(start);
    if (!bucket) {
      bucket = { samples: 0, lag: new StatsAccumulator(), lagSeconds: new StatsAccumulator(), committed: Number.NaN, logEnd: Number.NaN };
      buckets.set(start, bucket);
    }
    const values = decodePartitionAt(sample.data, position);
    bucket.samples += 1;
    bucket.lag.add(values.lag);
    bucket.lagSeconds.add(values.lagSeconds);
    bucket.committed = maxKnown(bucket.committed, values.committedOffset);
    bucket.logEnd = maxKnown(bucket.logEnd, values.logEndOffset);
  }
  return [...buckets].sort(([left], [right]) => left - right).map(([start, bucket]) => ({
    time: isoTime(start),
    samples: bucket.samples,
    lag: bucket.lag.stats(),
    lag_seconds: bucket.lagSeconds.stats(),
    committed_offset: knownOrNull(bucket.committed),
    log_end_offset: knownOrNull(bucket.logEnd),
  }));
}
