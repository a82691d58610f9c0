import './bench-env';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getGroupList } from '@/lib/consumers/get-group-list';
import { closeKafkaConnections, observeKafkaCluster } from '@/lib/kafka';
import { runConsumerGroupsTool } from '../../tests/support/kafka-tool';
import { uniqueName } from '../../tests/support/test-env';
import { BenchFixture, partitionsPerTopic } from './fixture';
import { median, MemoryPeak, roundMs, timeRepeated } from './measure';

/*
 * One full observation and the /api/v1/consumers/groups view (a cache miss: observe, record in
 * the group window, build and serialise the JSON) against `kafka-consumer-groups --describe
 * --all-groups` on the same cluster in the same run, for 100, 500 and 2,000 groups. Prints p50
 * times, the ratio, requests and peak memory; writes bench/results/*.json. Never asserts a time.
 *
 *   KAFKA_PORT=19092 bash scripts/kafka-start.sh && npm run bench:kafka
 *   BENCH_GROUP_COUNTS=100,500 BENCH_REPETITIONS=5 BENCH_TOOL_REPETITIONS=3 npm run bench:kafka
 */

const brokers = [(process.env.KAFKA_CLUSTERS ?? '').split('=')[1] as string];
const groupCounts = (process.env.BENCH_GROUP_COUNTS ?? '100,500,2000').split(',').map(Number);
const repetitions = Number(process.env.BENCH_REPETITIONS ?? 7);
const toolRepetitions = Number(process.env.BENCH_TOOL_REPETITIONS ?? 3);
const topicCount = 10;
const requestTimeoutMs = 30_000;

interface SizeResult {
  bench_groups: number;
  cluster_groups: number;
  setup_ms: number;
  observation_p50_ms: number;
  handler_p50_ms: number;
  kafka_tool_p50_ms: number;
  ratio_tool_to_handler: number;
  ratio_tool_to_observation: number;
  requests_per_observation: number;
  requests_by_api: Record<string, number>;
  response_bytes: number;
  kafka_tool_rows_for_bench_groups: number;
  peak_rss_mb: number;
  peak_heap_mb: number;
  observation_ms: number[];
  handler_ms: number[];
  kafka_tool_ms: number[];
}

async function measureSize(fixture: BenchFixture, prefix: string, groupCount: number): Promise<SizeResult> {
  const setupMs = await fixture.growTo(groupCount);
  const cluster = { id: 'bench', brokers };
  await observeKafkaCluster(cluster, { requestTimeoutMs }); // warm the connection pool
  const memory = new MemoryPeak();
  memory.start();
  const requestsByApi: Record<string, number> = {};
  const observation = await timeRepeated(repetitions, () => {
    for (const key of Object.keys(requestsByApi)) delete requestsByApi[key];
    return observeKafkaCluster(cluster, { requestTimeoutMs, onRequest: (apiName) => { requestsByApi[apiName] = (requestsByApi[apiName] ?? 0) + 1; } });
  });
  const handler = await timeRepeated(repetitions, async () => JSON.stringify(await getGroupList('bench')));
  const { peakRssMb, peakHeapMb } = memory.stop();
  const tool = await timeRepeated(toolRepetitions, () => runConsumerGroupsTool(['--describe', '--all-groups'], 600_000));
  const toolRows = tool.last.split('\n').filter((line) => line.startsWith(`${prefix}-group-`)).length;
  const observationP50 = median(observation.durationsMs);
  const handlerP50 = median(handler.durationsMs);
  const toolP50 = median(tool.durationsMs);
  return {
    bench_groups: groupCount,
    cluster_groups: observation.last.groups.length,
    setup_ms: roundMs(setupMs),
    observation_p50_ms: roundMs(observationP50),
    handler_p50_ms: roundMs(handlerP50),
    kafka_tool_p50_ms: roundMs(toolP50),
    ratio_tool_to_handler: Math.round((toolP50 / handlerP50) * 10) / 10,
    ratio_tool_to_observation: Math.round((toolP50 / observationP50) * 10) / 10,
    requests_per_observation: observation.last.requestCount,
    requests_by_api: { ...requestsByApi },
    response_bytes: Buffer.byteLength(handler.last),
    kafka_tool_rows_for_bench_groups: toolRows,
    peak_rss_mb: peakRssMb,
    peak_heap_mb: peakHeapMb,
    observation_ms: observation.durationsMs.map(roundMs),
    handler_ms: handler.durationsMs.map(roundMs),
    kafka_tool_ms: tool.durationsMs.map(roundMs),
  };
}

async function main(): Promise<void> {
  const prefix = uniqueName('bench');
  const fixture = new BenchFixture(brokers, prefix, topicCount);
  const results: SizeResult[] = [];
  try {
    await fixture.createTopics();
    for (const groupCount of groupCounts) {
      const result = await measureSize(fixture, prefix, groupCount);
      results.push(result);
      console.log(`groups ${result.bench_groups} (cluster ${result.cluster_groups}): observation p50 ${result.observation_p50_ms} ms, `
        + `handler p50 ${result.handler_p50_ms} ms, kafka-consumer-groups p50 ${result.kafka_tool_p50_ms} ms, `
        + `ratio ${result.ratio_tool_to_handler}x, ${result.requests_per_observation} requests ${JSON.stringify(result.requests_by_api)}, `
        + `peak rss ${result.peak_rss_mb} MB heap ${result.peak_heap_mb} MB, setup ${Math.round(result.setup_ms)} ms, tool rows ${result.kafka_tool_rows_for_bench_groups}`);
    }
  } finally {
    await closeKafkaConnections();
    await fixture.remove();
  }
  const report = {
    benchmark: 'kafka-observe',
    ran_at: new Date().toISOString(),
    node: process.version,
    brokers,
    topics: topicCount,
    partitions_per_topic: partitionsPerTopic,
    repetitions,
    tool_repetitions: toolRepetitions,
    results,
  };
  const directory = path.resolve(__dirname, '..', 'results');
  await mkdir(directory, { recursive: true });
  const file = path.join(directory, `kafka-observe-${report.ran_at.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  const largest = results[results.length - 1];
  console.log(largest
    ? `kafka-observe: ${largest.bench_groups} groups handler p50 ${largest.handler_p50_ms} ms vs kafka-consumer-groups ${largest.kafka_tool_p50_ms} ms (${largest.ratio_tool_to_handler}x), `
      + `${largest.requests_per_observation} requests, peak rss ${largest.peak_rss_mb} MB -> ${path.relative(process.cwd(), file)}`
    : 'kafka-observe: no sizes measured');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
