import type { SqlClient } from '../sql-client';
import { bucketStartMs, knownOrNull, maxKnown, StatsAccumulator } from './bucket-stats';
import type { SeriesPlan } from './plan';
import { readDecodedSamples, type DecodedSample } from './sample-reader';
import { isoTime, type Stats } from './series-shape';

export interface TopicSeriesPoint {
  time: string;
  samples: number;
  /** Lag of every consuming group on every partition of the topic, added up per snapshot. */
  total_lag: Stats;
  /** The largest partition lag of any consuming group. */
  max_lag: number | null;
  /** The topic's largest time lag (seconds) over its partitions and consuming groups. */
  lag_seconds_max: number | null;
  /** Sum of the partitions' log-end offsets (its slope is the produce rate), newest in the bucket. */
  log_end_offset_total: number | null;
  consumer_group_count: number;
}

interface SnapshotFigures {
  timeMs: number;
  /** Per partition number: the figures of every consuming group's sample at this time. */
  partitions: Map<number, { logEnd: number; lagSum: number; lagMax: number; lagSeconds: number; groups: number }>;
}

/** Per snapshot time first (partitions of all consuming groups), as the old per-row SQL did. */
function perSnapshot(samples: readonly DecodedSample[], topicRef: number): SnapshotFigures[] {
  const snapshots = new Map<number, SnapshotFigures>();
  for (const sample of samples) {
    sample.layout.forEach((entry, index) => {
      if (entry.topicRef !== topicRef) return;
      let snapshot = snapshots.get(sample.timeMs);
      if (!snapshot) {
        snapshot = { timeMs: sample.timeMs, partitions: new Map() };
        snapshots.set(sample.timeMs, snapshot);
      }
      const figures = snapshot.partitions.get(entry.partition) ?? { logEnd: Number.NaN, lagSum: Number.NaN, lagMax: Number.NaN, lagSeconds: Number.NaN, groups: 0 };
      const lag = sample.values.lag[index] ?? Number.NaN;
      figures.logEnd = maxKnown(figures.logEnd, sample.values.logEndOffset[index] ?? Number.NaN);
      figures.lagSum = Number.isNaN(lag) ? figures.lagSum : (Number.isNaN(figures.lagSum) ? 0 : figures.lagSum) + lag;
      figures.lagMax = maxKnown(figures.lagMax, lag);
      figures.lagSeconds = maxKnown(figures.lagSeconds, sample.values.lagSeconds[index] ?? Number.NaN);
      figures.groups += 1;
      snapshot.partitions.set(entry.partition, figures);
    });
  }
  return [...snapshots.values()];
}

const sumKnown = (left: number, right: number) => (Number.isNaN(right) ? left : (Number.isNaN(left) ? 0 : left) + right);

/**
 * A topic across its consuming groups: raw samples only (kept for RETENTION_RAW). Only the groups
 * that ever consumed the topic are read (HistoryGroupTopic), through the primary key.
 */
export async function readTopicSeries(sql: SqlClient, topicRef: number, plan: SeriesPlan): Promise<TopicSeriesPoint[]> {
  if (!plan.raw) return [];
  const groups = await sql.$queryRawUnsafe<{ group_ref: number }[]>('SELECT "groupRef" AS group_ref FROM "HistoryGroupTopic" WHERE "topicRef" = $1', topicRef);
  const samples = await readDecodedSamples(sql, groups.map((row) => row.group_ref), plan.raw.fromMs, plan.raw.toMs);
  const buckets = new Map<number, { samples: number; totalLag: StatsAccumulator; maxLag: number; lagSeconds: number; logEndTotal: number; groups: number }>();
  for (const snapshot of perSnapshot(samples, topicRef)) {
    let totalLag = Number.NaN;
    let maxLag = Number.NaN;
    let lagSeconds = Number.NaN;
    let logEndTotal = Number.NaN;
    let groupCount = 0;
    for (const figures of snapshot.partitions.values()) {
      totalLag = sumKnown(totalLag, figures.lagSum);
      maxLag = maxKnown(maxLag, figures.lagMax);
      lagSeconds = maxKnown(lagSeconds, figures.lagSeconds);
      logEndTotal = sumKnown(logEndTotal, figures.logEnd);
      groupCount = Math.max(groupCount, figures.groups);
    }
    const start = bucketStartMs(snapshot.timeMs, plan.stepMs);
    const bucket = buckets.get(start) ?? { samples: 0, totalLag: new StatsAccumulator(), maxLag: Number.NaN, lagSeconds: Number.NaN, logEndTotal: Number.NaN, groups: 0 };
    bucket.samples += 1;
    bucket.totalLag.add(totalLag);
    bucket.maxLag = maxKnown(bucket.maxLag, maxLag);
    bucket.lagSeconds = maxKnown(bucket.lagSeconds, lagSeconds);
    bucket.logEndTotal = maxKnown(bucket.logEndTotal, logEndTotal);
    bucket.groups = Math.max(bucket.groups, groupCount);
    buckets.set(start, bucket);
  }
  return [...buckets].sort(([left], [right]) => left - right).map(([start, bucket]) => ({
    time: isoTime(start),
    samples: bucket.samples,
    total_lag: bucket.totalLag.stats(),
    max_lag: knownOrNull(bucket.maxLag),
    lag_seconds_max: knownOrNull(bucket.lagSeconds),
    log_end_offset_total: knownOrNull(bucket.logEndTotal),
    consumer_group_count: bucket.groups,
  }));
}
