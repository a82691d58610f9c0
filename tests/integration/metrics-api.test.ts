import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeKafkaConnections } from '@/lib/kafka';
import { commitOffsetsWithoutMembers, ensureTopics, produceMessages } from '@/lib/kafka/workload';
import { findSamples, parseExposition, sampleValue, type Sample } from '@/lib/metrics/exposition-parsing';
import { createGroup, createStreamWithEntries, deleteEntries, readAndAck, readWithoutAck } from '@/lib/redis/workload';
import { callRoute, createTestToken } from '../support/api-client';
import { cli, cliEntriesAfter, type CliConsumer, type CliGroup, type CliStream } from '../support/redis-cli';
import { testKafkaBrokers, testRedisUrl, uniqueName } from '../support/test-env';

// GET /api/metrics on real Redis streams and a real Kafka group: the seed's event_consumer_lag
// with the lag redis-cli prints, the Lagboard gauges beside it, and the Kafka lag per group and
// topic for a group this test commits offsets for on the suite's broker.

const prefix = uniqueName('lagboard-metrics-test');
const behind = `${prefix}:behind`;
const gap = `${prefix}:gap "quoted"`;
const noGroup = `${prefix}:no-group`;
process.env.EVENT_STREAMS = [behind, gap, noGroup].join(',');
process.env.EVENT_TRANSPORT_CONSUMER_GROUP = 'workers';
process.env.METRICS_CONSUMER_SERIES_PER_GROUP = '2';

const topic = `${prefix}-orders`;
const kafkaGroup = `${prefix}-billing`;

type Route = Parameters<typeof callRoute<Record<string, never>>>[0];
let route: Route;
let redis: Redis;
let token: string;

async function scrape(): Promise<{ text: string; samples: Sample[]; contentType: string | null }> {
  const response = await callRoute(route, { path: '/api/metrics', params: {}, token });
  expect(response.status).toBe(200);
  const text = String(response.body);
  return { text, samples: parseExposition(text), contentType: response.headers.get('content-type') };
}

beforeAll(async () => {
  redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await createStreamWithEntries(redis, behind, 20);
  await createGroup(redis, behind, 'workers', '0');
  await readWithoutAck(redis, behind, 'workers', 'consumer-a', 3);
  await readWithoutAck(redis, behind, 'workers', 'consumer-b', 2);
  await readAndAck(redis, behind, 'workers', 'consumer-c', 4);

  const gapIds = await createStreamWithEntries(redis, gap, 10);
  await createGroup(redis, gap, 'workers', '0');
  await readAndAck(redis, gap, 'workers', 'consumer-a', 2);
  await deleteEntries(redis, gap, [gapIds[5] as string]);

  await createStreamWithEntries(redis, noGroup, 3);

  await ensureTopics(testKafkaBrokers, [{ name: topic, partitions: 2 }]);
  await produceMessages({ brokers: testKafkaBrokers, topic, count: 20, partition: 0 });
  await produceMessages({ brokers: testKafkaBrokers, topic, count: 10, partition: 1 });
  await commitOffsetsWithoutMembers(testKafkaBrokers, kafkaGroup, [{ topic, partition: 0, offset: 5 }, { topic, partition: 1, offset: 10 }]);

  token = await createTestToken('viewer');
  route = (await import('@/app/api/metrics/route')).GET;
});

afterAll(async () => {
  await redis.del(behind, gap, noGroup);
  await redis.quit();
  await closeKafkaConnections();
});

describe('GET /api/metrics', () => {
  it('exports event_consumer_lag and the group gauges with the numbers redis-cli prints', async () => {
    const { samples, contentType } = await scrape();
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(sampleValue(samples, 'lagboard_source_up', { source: 'redis' })).toBe(1);

    for (const stream of [behind, gap]) {
      const labels = { stream, consumer_group: 'workers' };
      const group = ((await cli('XINFO', 'GROUPS', stream)) as CliGroup[])[0] as CliGroup;
      const info = (await cli('XINFO', 'STREAM', stream)) as CliStream;
      const expectedLag = group.lag ?? await cliEntriesAfter(stream, group['last-delivered-id'], 10_000);
      expect(sampleValue(samples, 'event_consumer_lag', labels), stream).toBe(expectedLag);
      expect(sampleValue(samples, 'lagboard_redis_group_lag_estimated', labels)).toBe(group.lag === null ? 1 : 0);
      expect(sampleValue(samples, 'lagboard_redis_group_pending', labels)).toBe(group.pending);
      expect(sampleValue(samples, 'lagboard_redis_group_consumers', labels)).toBe(group.consumers);
      expect(sampleValue(samples, 'lagboard_redis_stream_length', { stream })).toBe(info.length);
      expect(sampleValue(samples, 'lagboard_redis_group_missing', labels)).toBe(0);
    }
    expect(sampleValue(samples, 'event_consumer_lag', { stream: behind })).toBe(11);
    expect(sampleValue(samples, 'event_consumer_lag', { stream: gap })).toBe(7);
    expect(sampleValue(samples, 'lagboard_redis_group_missing', { stream: noGroup, consumer_group: 'workers' })).toBe(1);
    expect(findSamples(samples, 'event_consumer_lag', { stream: noGroup })).toEqual([]);
  });

  it('caps consumer series per group, keeping those with most pending, and counts the rest', async () => {
    const { samples } = await scrape();
    const consumers = (await cli('XINFO', 'CONSUMERS', behind, 'workers')) as CliConsumer[];
    const exported = findSamples(samples, 'lagboard_redis_consumer_pending', { stream: behind });
    expect(exported.map((sample) => [sample.labels.consumer, sample.value])).toEqual([['consumer-a', 3], ['consumer-b', 2]]);
    expect(consumers.find((consumer) => consumer.name === 'consumer-a')?.pending).toBe(3);
    expect(sampleValue(samples, 'lagboard_redis_consumer_idle_seconds', { stream: behind, consumer: 'consumer-a' })).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, 'lagboard_metrics_series_dropped', { series: 'redis_consumer' })).toBeGreaterThanOrEqual(1);
    const oldestIdle = sampleValue(samples, 'lagboard_redis_group_oldest_pending_idle_seconds', { stream: behind });
    expect(oldestIdle).toBeGreaterThanOrEqual(0);
  });

  it('exports the Kafka lag per group and topic, sum and max, for a group on the test broker', { timeout: 60_000 }, async () => {
    const labels = { cluster: 'test', group: kafkaGroup, topic };
    let samples: Sample[] = [];
    for (let attempt = 0; attempt < 20; attempt += 1) {
      samples = (await scrape()).samples;
      if (sampleValue(samples, 'lagboard_kafka_consumer_group_topic_lag', labels) !== undefined) break;
      await sleep(500);
    }
    expect(sampleValue(samples, 'lagboard_source_up', { source: 'kafka', cluster: 'test' })).toBe(1);
    // Partition 0: 20 produced, committed 5 -> 15; partition 1: 10 produced, committed 10 -> 0.
    expect(sampleValue(samples, 'lagboard_kafka_consumer_group_topic_lag', labels)).toBe(15);
    expect(sampleValue(samples, 'lagboard_kafka_consumer_group_topic_max_lag', labels)).toBe(15);
  });

  it.skipIf(!existsSync('/usr/bin/promtool'))('passes promtool check metrics (needs promtool: apt-get install prometheus)', async () => {
    const { text } = await scrape();
    const output = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile('/usr/bin/promtool', ['check', 'metrics'], (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      });
      child.stdin?.end(text);
    });
    expect(output.stdout + output.stderr).toBe('');
    expect(output.code).toBe(0);
  });

  it('answers 401 to a forged token', async () => {
    const response = await callRoute(route, { path: '/api/metrics', params: {}, token: 'lgb_forged-token-0000000000000000' });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: 'unauthorized' } });
  });
});
