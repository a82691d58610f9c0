import { describe, expect, it } from 'vitest';
import { buildEventsHealth } from './health';
import { group, missingStream, observation, stream } from './testing/observation-fixtures';

const options = { consumerGroup: 'workers', transportMode: 'redis_streams', thresholds: { degraded: 100, unhealthy: 1000 } } as const;
const withLag = (name: string, lag: number | null, estimate: number | null = null) =>
  stream({ name, groups: [group({ name: 'workers', lag, lagEstimate: estimate === null ? null : { entries: estimate, atLeast: false } })] });

describe('buildEventsHealth', () => {
  it('gives the seed 001 example', () => {
    expect(buildEventsHealth(observation([withLag('a', 123), withLag('b', 45), withLag('c', 0)]), options)).toMatchObject({
      status: 'degraded',
      redis_connected: true,
      transport_mode: 'redis_streams',
      streams: { healthy: 2, degraded: 1, unhealthy: 0 },
      max_lag: 123,
      total_lag: 168,
      consumer_group: 'workers',
      lag_estimated_streams: 0,
    });
  });

  it('puts 99 in healthy, 100 and 999 in degraded, 1000 in unhealthy', () => {
    const result = buildEventsHealth(observation([withLag('a', 99), withLag('b', 100), withLag('c', 999), withLag('d', 1000)]), options);
    expect(result.streams).toEqual({ healthy: 1, degraded: 2, unhealthy: 1 });
    expect(result.status).toBe('unhealthy');
  });

  it('counts a missing group as lag 0, an estimated lag by its count, and an unknown lag or failed stream as unhealthy', () => {
    const result = buildEventsHealth(observation([
      stream({ name: 'no-group', groups: [] }),
      missingStream('missing'),
      withLag('counted', null, 250),
      withLag('unknown', null),
      stream({ name: 'broken', error: 'WRONGTYPE', groups: [] }),
    ]), options);
    expect(result.streams).toEqual({ healthy: 2, degraded: 1, unhealthy: 2 });
    expect(result).toMatchObject({ status: 'unhealthy', max_lag: 250, total_lag: 250, lag_estimated_streams: 1 });
  });
});
