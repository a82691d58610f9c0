import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { exporterAvailable, startExporter } from './exporter';
import { commandsProcessed, createFixtures, deleteFixtures, groupName, streamNames, type FixtureShape } from './fixtures';
import { seedConsumerLag } from './seed-way';
import { measure, type Timing } from './timing';

// See run.sh. Settings: BENCH_REDIS_URL (default redis://127.0.0.1:6379/9), BENCH_STREAMS
// (1000), BENCH_RUNS (30 for the fast paths), BENCH_SLOW_RUNS (10 for the seed's way and the
// exporter). Wall-clock numbers depend on the machine; they are printed, never asserted.

const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const runs = Number(process.env.BENCH_RUNS ?? 30);
const slowRuns = Number(process.env.BENCH_SLOW_RUNS ?? 10);
const shape: FixtureShape = {
  prefix: `lagboard-bench:${Date.now().toString(36)}-${randomBytes(3).toString('hex')}:`,
  streams: Number(process.env.BENCH_STREAMS ?? 1_000),
  groups: 2,
  consumersPerGroup: 3,
  entriesPerStream: 20,
};
const names = streamNames(shape);
const consumerGroup = groupName(0);

// The app reads its settings once (getConfig), so they are set before its modules load.
process.env.REDIS_URL = redisUrl;
process.env.EVENT_STREAMS = names.join(',');
process.env.EVENT_TRANSPORT_CONSUMER_GROUP = consumerGroup;
process.env.SOURCE_CACHE_TTL_MS = '600000';
process.env.REDIS_COMMAND_TIMEOUT_MS = '30000';

interface Measured extends Timing {
  roundTrips: number | null;
  commands: number | null;
}

async function main(): Promise<void> {
  const { getConfig } = await import('@/lib/config');
  const { getRedisClient, observeGroupLag } = await import('@/lib/redis');
  const { getRedisGroupLagObservation, observeConfiguredGroupLag, observeConfiguredRedisStreams } = await import('@/lib/sources/redis');
  const { buildConsumerLag } = await import('@/lib/events/consumer-lag');

  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const appClient = getRedisClient(getConfig().redis);
  const target = new URL(redisUrl);
  const database = Number(target.pathname.slice(1) || '0');
  const results: Record<string, Measured> = {};
  const countCommands = async (work: () => Promise<unknown>) => {
    const before = await commandsProcessed(redis);
    await work();
    // Minus the INFO that read `before`; other clients of the same Redis would add noise.
    return (await commandsProcessed(redis)) - before - 1;
  };

  const fixtureStartedAt = performance.now();
  await createFixtures(redis, shape);
  console.log(`bench: ${shape.streams} streams x ${shape.groups} groups x ${shape.consumersPerGroup} consumers in db ${database} (${Math.round(performance.now() - fixtureStartedAt)} ms to build)`);
  try {
    // What GET /api/v1/events/consumer-lag does after authentication: the one-group lag
    // observation (cached, or fresh when the cache is cold), the seed's JSON, serialised.
    const lagObservation = await observeConfiguredGroupLag(consumerGroup, true);
    const endpoint = buildConsumerLag(lagObservation, consumerGroup);
    const seed = await seedConsumerLag(redis, names, consumerGroup);
    console.log(`bench: total lag of ${consumerGroup}: Lagboard ${endpoint.total_lag}, the seed's way ${seed.totalLag} (it reads Redis's nil lag as 0)`);

    const uncachedEndpoint = async () => JSON.stringify(buildConsumerLag(await observeConfiguredGroupLag(consumerGroup, true), consumerGroup));
    results.endpointUncached = { ...(await measure(runs, uncachedEndpoint)), roundTrips: lagObservation.roundTrips, commands: await countCommands(uncachedEndpoint) };
    await getRedisGroupLagObservation(consumerGroup, true);
    const cachedEndpoint = async () => JSON.stringify(buildConsumerLag(await getRedisGroupLagObservation(consumerGroup, true), consumerGroup));
    results.endpointCached = { ...(await measure(runs, cachedEndpoint)), roundTrips: 0, commands: await countCommands(cachedEndpoint) };

    const discover = () => observeGroupLag(appClient, { streams: [], consumerGroup, withConsumers: true, discoveryPattern: `${shape.prefix}*` });
    const discovered = await discover();
    results.lagObservationWithDiscovery = { ...(await measure(runs, discover)), roundTrips: discovered.roundTrips, commands: await countCommands(discover) };

    // Every group with consumers, pending entries and stream details: /streams, detail, metrics.
    const fullObservation = await observeConfiguredRedisStreams();
    results.fullObservationUncached = {
      ...(await measure(runs, observeConfiguredRedisStreams)),
      roundTrips: fullObservation.roundTrips,
      commands: await countCommands(observeConfiguredRedisStreams),
    };

    const seedWay = () => seedConsumerLag(redis, names, consumerGroup);
    results.seedWay = { ...(await measure(slowRuns, seedWay, 1)), roundTrips: seed.roundTrips, commands: await countCommands(seedWay) };

    let exporterVersion: string | null = null;
    if (exporterAvailable()) {
      const exporter = await startExporter(`${target.hostname}:${target.port || '6379'}`, database, `${shape.prefix}*`);
      try {
        exporterVersion = exporter.version;
        const seen = (await exporter.scrape()).split('\n').filter((line) => line.startsWith('redis_stream_length{') && line.includes(shape.prefix)).length;
        console.log(`bench: prometheus-redis-exporter ${exporter.version} sees ${seen} of the ${shape.streams} streams`);
        results.exporterScrape = { ...(await measure(slowRuns, exporter.scrape, 1)), roundTrips: null, commands: await countCommands(exporter.scrape) };
      } finally {
        exporter.stop();
      }
    } else {
      console.log('bench: prometheus-redis-exporter is not installed; comparing with the seed\'s way only');
    }
    report(results, exporterVersion);
  } finally {
    await deleteFixtures(redis, names);
    redis.disconnect();
    appClient.disconnect();
  }
}

function report(results: Record<string, Measured>, exporterVersion: string | null): void {
  const uncached = results.endpointUncached?.p50Ms ?? NaN;
  const ratio = (name: string) => (results[name] ? Math.round((results[name].p50Ms / uncached) * 10) / 10 : null);
  for (const [name, result] of Object.entries(results)) {
    console.log(`  ${name.padEnd(28)} p50 ${String(result.p50Ms).padStart(8)} ms  p90 ${String(result.p90Ms).padStart(8)} ms  round trips ${String(result.roundTrips ?? '?').padStart(5)}  commands ${result.commands ?? '?'}`);
  }
  const ratios = {
    exporterOverEndpointUncached: ratio('exporterScrape'),
    seedWayOverEndpointUncached: ratio('seedWay'),
    exporterOverFullObservation: results.fullObservationUncached && results.exporterScrape
      ? Math.round((results.exporterScrape.p50Ms / results.fullObservationUncached.p50Ms) * 10) / 10
      : null,
  };
  const summary = `redis-streams bench: endpoint uncached p50 ${uncached} ms (${results.endpointUncached?.roundTrips} round trips), cached p50 ${results.endpointCached?.p50Ms} ms; `
    + `full observation ${results.fullObservationUncached?.p50Ms} ms; exporter ${results.exporterScrape?.p50Ms ?? 'n/a'} ms (x${ratios.exporterOverEndpointUncached ?? 'n/a'}), `
    + `seed's way ${results.seedWay?.p50Ms} ms (x${ratios.seedWayOverEndpointUncached}); load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cpus`;
  console.log(summary);
  const directory = path.resolve(__dirname, '..', 'results');
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `redis-streams-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({
    shape: { ...shape, prefix: undefined }, runs, slowRuns, exporterVersion, results, ratios, summary,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryBytes: os.totalmem(), node: process.version, loadAverage: os.loadavg() },
  }, null, 2)}\n`);
  console.log(`bench: results in ${path.relative(process.cwd(), file)}`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
