import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { benchSnapshotWrite, groupCount } from './snapshot-bench';
import { createScratchDatabase, dropScratchDatabase } from './scratch-database';
import { benchTrend } from './trend-bench';

/*
 * npm run bench:history — the history's speed and size on this machine, in a scratch PostgreSQL
 * database created and dropped here (BENCH_DATABASE_ADMIN_URL, default postgres@127.0.0.1):
 *   1. snapshots of 2,000 groups x 24 partitions written by the collector's writer (one row per
 *      group, partitions encoded), against the same snapshots in the old one-row-per-partition
 *      layout: write time and bytes per partition sample on disk, indexes included (target <= 12);
 *   2. one snapshot of 50,000 partitions (target: <= 0.5 s p50);
 *   3. a 7-day trend of one group at 30 s resolution, downsampled in the database, against
 *      reading every raw point (target: <= 50 ms, <= 1,000 points), and a 48-hour trend of one
 *      partition (target: <= 100 ms);
 *   4. the database size per day for that workload (target: <= 1.5 GiB raw per day).
 * Writes bench/results/history-<time>.json and prints one summary line. Never asserts a time.
 *   BENCH_REPETITIONS=5 npm run bench:history
 */

const repetitions = Number(process.env.BENCH_REPETITIONS ?? 7);
const dayMs = 86_400_000;

async function main(): Promise<void> {
  const database = await createScratchDatabase();
  try {
    // Whole-minute times far from each other: the trend's week ends a day before the snapshots.
    const snapshotStartMs = Math.floor(Date.now() / 60_000) * 60_000;
    const loadBefore = loadavg();
    const snapshot = await benchSnapshotWrite(database, Math.max(3, Math.min(repetitions, 7)), snapshotStartMs);
    const trend = await benchTrend(database, snapshotStartMs - dayMs, repetitions * 3);
    const rollupBytesPerDay = trend.bytes_per_group_rollup_row * groupCount * 288;
    const result = {
      benchmark: 'history',
      measured_at: new Date().toISOString(),
      node: process.version,
      // The machine is shared: the 1-minute load average before and after the run.
      load_average_1m: { before: Math.round((loadBefore[0] ?? 0) * 100) / 100, after: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
      goals: {
        bytes_per_partition_sample: { measured: snapshot.bytes_per_partition_sample, target: 12 },
        raw_gib_per_day: { measured: Math.round((snapshot.raw_bytes_per_day_at_30s / 2 ** 30) * 100) / 100, target: 1.5 },
        snapshot_50000_partitions_p50_ms: { measured: snapshot.large_write_p50_ms, target: 500 },
        group_trend_7d_p50_ms: { measured: trend.trend_p50_ms, target: 50, points: trend.trend_points, max_points: 1_000 },
        partition_trend_48h_p50_ms: { measured: trend.partition_trend_48h_p50_ms, target: 100 },
      },
      snapshot,
      trend,
      sizing: {
        workload: `${groupCount} groups x 24 partitions every 30 s`,
        raw_bytes_per_day: snapshot.raw_bytes_per_day_at_30s,
        rollup_bytes_per_day: Math.round(rollupBytesPerDay),
        steady_state_bytes_default_retention: Math.round(snapshot.raw_bytes_per_day_at_30s * 2 + rollupBytesPerDay * 30),
      },
    };
    const folder = path.join(process.cwd(), 'bench', 'results');
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, `history-${result.measured_at.replace(/[:.]/g, '-')}.json`);
    await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(2);
    console.log(
      `history (load ${result.load_average_1m.before} -> ${result.load_average_1m.after}): ` +
        `${snapshot.bytes_per_partition_sample} bytes per partition sample (old layout ${snapshot.legacy_bytes_per_partition_sample}, ${snapshot.ratio_legacy_to_new_bytes}x; target <= 12); ` +
        `raw ${gib(snapshot.raw_bytes_per_day_at_30s)} GiB/day (old ${gib(snapshot.legacy_raw_bytes_per_day_at_30s)}; target <= 1.5); ` +
        `snapshot of ${snapshot.partition_samples_per_snapshot} partitions p50 ${snapshot.write_p50_ms} ms (old layout ${snapshot.legacy_write_p50_ms} ms), ` +
        `of ${snapshot.large_snapshot_partitions} p50 ${snapshot.large_write_p50_ms} ms (target <= 500); ` +
        `7-day group trend p50 ${trend.trend_p50_ms} ms, ${trend.trend_points} points (all ${trend.undownsampled_points} raw points ${trend.undownsampled_p50_ms} ms; target <= 50); ` +
        `48 h partition trend p50 ${trend.partition_trend_48h_p50_ms} ms over ${trend.partition_trend_48h_samples} samples (target <= 100); ` +
        `rollups ${gib(rollupBytesPerDay)} GiB/day -> ${path.relative(process.cwd(), file)}`,
    );
  } finally {
    await dropScratchDatabase(database);
  }
}

main().catch((error: unknown) => {
  console.error(`bench:history: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
