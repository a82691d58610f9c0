import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createDatabase } from '@/lib/db/create-client';
import { claimDeliveries } from '@/lib/notifications/claim-deliveries';
import { dropDatabase, recreateDatabase } from '../../tests/support/database';

/**
 * The claim step of a dispatcher pass (it runs every NOTIFY_POLL_INTERVAL_MS on the leader) with
 * a day's worth of events already delivered, against the same step with a handful of events: the
 * ratios show how a regular pass (recent events only) and the periodic full-day pass grow with the
 * outbox. Prints one line, writes JSON.
 */
const eventCount = Number(process.env.BENCH_NOTIFY_EVENTS ?? 5_000);
const channelCount = Number(process.env.BENCH_NOTIFY_CHANNELS ?? 10);
const repetitions = Number(process.env.BENCH_NOTIFY_REPETITIONS ?? 7);
const databaseName = process.env.BENCH_NOTIFY_DATABASE ?? 'lagboard_bench_notifications';

async function seed(prisma: ReturnType<typeof createDatabase>['prisma'], events: number, nowMs: number): Promise<void> {
  await prisma.alertDelivery.deleteMany();
  await prisma.alertEvent.deleteMany();
  await prisma.alert.deleteMany();
  const alerts = Array.from({ length: events }, (_, index) => ({
    id: `bench-alert-${index}`, key: `bench|${index}`, ruleId: 'kafka.slo_violation', severity: 'warning' as const, state: 'firing' as const,
    source: 'kafka:local', clusterId: 'local', groupId: `group-${index}`, teamIds: [], summary: 'bench', value: 1, threshold: 2, peakValue: 1,
    unit: 'percent', pendingSince: new Date(nowMs - 60_000), firingSince: new Date(nowMs - 30_000), lastEvaluatedAt: new Date(nowMs),
  }));
  for (let start = 0; start < alerts.length; start += 1_000) await prisma.alert.createMany({ data: alerts.slice(start, start + 1_000) });
  // Spread over the day the dispatcher looks back on, as a day of alerts would be.
  const rows = alerts.map((alert, index) => ({ alertId: alert.id, kind: 'firing', at: new Date(nowMs - 30_000 - Math.floor((index / events) * 23 * 3_600_000)), value: 1 }));
  for (let start = 0; start < rows.length; start += 1_000) await prisma.alertEvent.createMany({ data: rows.slice(start, start + 1_000) });
  // The steady state: every event already claimed by every channel; statistics up to date.
  await claimDeliveries(prisma, nowMs);
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "AlertEvent"');
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "AlertDelivery"');
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "Alert"');
}

async function measure(prisma: ReturnType<typeof createDatabase>['prisma'], nowMs: number, windowMs?: number): Promise<number> {
  const timings: number[] = [];
  for (let run = 0; run <= repetitions; run += 1) {
    const startedAt = performance.now();
    const claimed = await claimDeliveries(prisma, nowMs, { windowMs });
    if (claimed !== 0) throw new Error(`expected no new claims, got ${claimed}`);
    if (run > 0) timings.push(performance.now() - startedAt);
  }
  return timings.sort((left, right) => left - right)[Math.floor(timings.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const databaseUrl = await recreateDatabase(databaseName);
  const database = createDatabase({ databaseUrl });
  try {
    await database.migrate();
    const prisma = database.prisma;
    const nowMs = Date.now() + 60_000;
    for (let index = 0; index < channelCount; index += 1) {
      await prisma.alertChannel.create({ data: { name: `bench-${index}`, kind: 'slack', url: 'http://127.0.0.1:1/x', createdAt: new Date(nowMs - 3_600_000) } });
    }
    await seed(prisma, 10, nowMs);
    const baselineMs = await measure(prisma, nowMs);
    await seed(prisma, eventCount, nowMs);
    const loadedMs = await measure(prisma, nowMs);
    const recentMs = await measure(prisma, nowMs, 15 * 60_000);
    const result = { eventCount, channelCount, baselineEvents: 10, baselineMs, fullScanMs: loadedMs, fullScanRatio: loadedMs / baselineMs, recentWindowMs: recentMs, recentWindowRatio: recentMs / baselineMs };
    mkdirSync(path.join('bench', 'results'), { recursive: true });
    writeFileSync(path.join('bench', 'results', 'notifications.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`claim step, ${channelCount} channels, ${eventCount} delivered events over a day vs 10 events (${baselineMs.toFixed(1)} ms p50): `
      + `regular pass (15 min window) ${recentMs.toFixed(1)} ms (${result.recentWindowRatio.toFixed(1)}×), full-day pass ${loadedMs.toFixed(1)} ms (${result.fullScanRatio.toFixed(1)}×)`);
  } finally {
    await database.close();
    if (process.env.BENCH_NOTIFY_KEEP_DATABASE !== '1') await dropDatabase(databaseName);
  }
}

void main();
