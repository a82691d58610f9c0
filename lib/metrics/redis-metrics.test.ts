import { describe, expect, it } from 'vitest';
import { consumer, group, missingStream, observation, observedAtMs, stream } from '@/lib/events/testing/observation-fixtures';
import { findSamples, parseExposition, sampleValue } from './exposition-parsing';
import { consumersForSeries, recordRedisObservation } from './redis-metrics';
import { createMetricsRegistry } from './registry';

const options = { configuredGroup: 'workers', deadConsumerIdleMs: 60_000, consumerSeriesPerGroup: 2 };

async function scrape(streams: Parameters<typeof observation>[0]) {
  const { registry, gauges } = createMetricsRegistry();
  recordRedisObservation(gauges, observation(streams), options);
  return parseExposition(await registry.metrics());
}

describe('recordRedisObservation', () => {
  it('exports event_consumer_lag with the seed labels, pending apart from lag, and the server figures', async () => {
    const oldestId = `${observedAtMs - 30_000}-0`;
    const samples = await scrape([stream({
      name: 'events:"chat"',
      length: 42,
      groups: [group({
        name: 'workers',
        lag: 17,
        pending: 3,
        lastDeliveredId: `${observedAtMs - 2_000}-5`,
        pendingSummary: { count: 3, oldestId, newestId: oldestId, oldestIdleMs: 12_000, perConsumer: [] },
        consumers: [consumer({ name: 'c1', pending: 3, idleMs: 61_000 })],
      })],
    })]);
    const labels = { stream: 'events:"chat"', consumer_group: 'workers' };
    expect(sampleValue(samples, 'event_consumer_lag', labels)).toBe(17);
    expect(sampleValue(samples, 'lagboard_redis_group_lag_estimated', labels)).toBe(0);
    expect(sampleValue(samples, 'lagboard_redis_group_pending', labels)).toBe(3);
    expect(sampleValue(samples, 'lagboard_redis_group_consumers', labels)).toBe(1);
    expect(sampleValue(samples, 'lagboard_redis_group_oldest_pending_idle_seconds', labels)).toBe(12);
    expect(sampleValue(samples, 'lagboard_redis_group_oldest_pending_age_seconds', labels)).toBe(30);
    expect(sampleValue(samples, 'lagboard_redis_group_last_delivered_timestamp_seconds', labels)).toBe((observedAtMs - 2_000) / 1_000);
    expect(sampleValue(samples, 'lagboard_redis_group_dead_consumer_candidates', labels)).toBe(1);
    expect(sampleValue(samples, 'lagboard_redis_group_missing', labels)).toBe(0);
    expect(sampleValue(samples, 'lagboard_redis_consumer_idle_seconds', { ...labels, consumer: 'c1' })).toBe(61);
    expect(sampleValue(samples, 'lagboard_redis_stream_length', { stream: 'events:"chat"' })).toBe(42);
    expect(sampleValue(samples, 'lagboard_redis_memory_used_bytes')).toBe(2_000_000);
    expect(sampleValue(samples, 'lagboard_redis_memory_max_bytes')).toBe(0);
  });

  it('exports a counted lag marked estimated, and no lag at all when it is unknown', async () => {
    const samples = await scrape([
      stream({ name: 'gap', groups: [group({ name: 'workers', lag: null, lagEstimate: { entries: 9, atLeast: true } })] }),
      stream({ name: 'unknown', groups: [group({ name: 'workers', lag: null, lagEstimate: null })] }),
    ]);
    expect(sampleValue(samples, 'event_consumer_lag', { stream: 'gap' })).toBe(9);
    expect(sampleValue(samples, 'lagboard_redis_group_lag_estimated', { stream: 'gap' })).toBe(1);
    expect(sampleValue(samples, 'lagboard_redis_group_lag_at_least', { stream: 'gap' })).toBe(1);
    expect(findSamples(samples, 'event_consumer_lag', { stream: 'unknown' })).toEqual([]);
    expect(sampleValue(samples, 'lagboard_redis_group_pending', { stream: 'unknown' })).toBe(0);
  });

  it('reports a missing configured group and a missing stream instead of a lag of 0', async () => {
    const samples = await scrape([stream({ name: 'others-only', groups: [group({ name: 'others', lag: 1 })] }), missingStream('later')]);
    expect(sampleValue(samples, 'lagboard_redis_group_missing', { stream: 'others-only', consumer_group: 'workers' })).toBe(1);
    expect(sampleValue(samples, 'lagboard_redis_group_missing', { stream: 'later', consumer_group: 'workers' })).toBe(1);
    expect(findSamples(samples, 'event_consumer_lag', { consumer_group: 'workers' })).toEqual([]);
    expect(sampleValue(samples, 'event_consumer_lag', { stream: 'others-only', consumer_group: 'others' })).toBe(1);
    expect(sampleValue(samples, 'lagboard_redis_stream_exists', { stream: 'later' })).toBe(0);
  });

  it('caps consumer series per group and counts what it left out', async () => {
    const consumers = ['a', 'b', 'c', 'd'].map((name, index) => consumer({ name, pending: index, idleMs: 1_000 * index }));
    const samples = await scrape([stream({ name: 's', groups: [group({ name: 'workers', consumers })] })]);
    expect(findSamples(samples, 'lagboard_redis_consumer_pending').map((sample) => sample.labels.consumer)).toEqual(['d', 'c']);
    expect(sampleValue(samples, 'lagboard_metrics_series_dropped', { series: 'redis_consumer' })).toBe(2);
  });
});

describe('consumersForSeries', () => {
  it('keeps the consumers holding most pending entries, then the longest idle', () => {
    const kept = consumersForSeries([
      consumer({ name: 'idle', pending: 0, idleMs: 9_000 }),
      consumer({ name: 'busy', pending: 0, idleMs: 1 }),
      consumer({ name: 'holding', pending: 2, idleMs: 5 }),
    ], 2);
    expect(kept.map((item) => item.name)).toEqual(['holding', 'idle']);
  });
});
