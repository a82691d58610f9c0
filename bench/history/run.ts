import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { benchSnapshotWrite, groupCount } from './snapshot-bench';
import { createScratchDatabase, dropScratchDatabase } from './scratch-database';
import { benchTrend } from './trend-bench';

/*
 * npm run bench:history — the history's speed and size on this machine, in a scratch PostgreSQL
 * database created and dropped here (BENCH_DATABASE_ADMIN_URL, default postgres@127.0.0.1):
 *   1. one snapshot of 2,000 groups x 24 partitions (48,000 partition rows) written by the
 *      collector's writer, against row-at-a-time inserts (target: <= 1 s);
 *   2. a 7-day trend of one group at 30 s resolution, downsampled in the database, against
 *      reading every raw point (target: <= 150 ms, <= 1,000 points);
 *   3. the database size per day for that workload.
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
    const snapshot = await benchSnapshotWrite(database, Math.max(3, Math.min(repetitions, 7)), snapshotStartMs);
    const trend = await benchTrend(database, snapshotStartMs - dayMs, repetitions * 3);
    const rollupBytesPerDay = trend.bytes_per_group_rollup_row * groupCount * 288;
    const result = {
      benchmark: 'history',
      measured_at: new Date().toISOString(),
      node: process.version,
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
      `history: snapshot ${snapshot.partition_rows} partition rows p50 ${snapshot.batch_write_p50_ms} ms ` +
        `(row-at-a-time ${snapshot.row_at_a_time_scaled_to_snapshot_ms} ms, ${snapshot.ratio_row_at_a_time_to_batch}x); ` +
        `7-day trend p50 ${trend.trend_p50_ms} ms, ${trend.trend_points} points ` +
        `(all ${trend.undownsampled_points} raw points ${trend.undownsampled_p50_ms} ms, ${trend.ratio_undownsampled_to_trend}x); ` +
        `size/day raw ${gib(snapshot.raw_bytes_per_day_at_30s)} GiB + rollups ${gib(rollupBytesPerDay)} GiB -> ${path.relative(process.cwd(), file)}`,
    );
  } finally {
    await dropScratchDatabase(database);
  }
}

main().catch((error: unknown) => {
  console.error(`bench:history: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
