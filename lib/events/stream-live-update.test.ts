import { describe, expect, it } from 'vitest';
import { buildStreamDetail } from './stream-detail';
import { buildStreamLiveUpdate } from './stream-live-update';
import { consumer, group, missingStream, observation, observedAtMs, stream } from './testing/observation-fixtures';

const options = { deadConsumerIdleMs: 60_000, lagThresholds: { degraded: 100, unhealthy: 1000 }, pendingThresholds: { warning: 50, critical: 500 } };

function liveUpdateOf(streams: Parameters<typeof observation>[0], name: string) {
  const detail = buildStreamDetail(observation(streams), name, options);
  if (!detail) throw new Error(`no detail for ${name}`);
  return buildStreamLiveUpdate(detail);
}

describe('buildStreamLiveUpdate', () => {
  it('carries lag, pending, oldest pending age and consumers of every group', () => {
    const oldestPendingId = `${observedAtMs - 30_000}-0`;
    const workers = group({
      name: 'workers',
      lag: 250,
      pending: 7,
      pendingSummary: { count: 7, oldestId: oldestPendingId, newestId: oldestPendingId, oldestIdleMs: 12_000, perConsumer: [] },
      consumers: [consumer({ name: 'one', pending: 7, idleMs: 12_000 }), consumer({ name: 'two', pending: 0, idleMs: 40 })],
    });
    const update = liveUpdateOf([stream({ name: 'events:chat', length: 300, groups: [workers] })], 'events:chat');
    expect(update).toEqual({
      stream: 'events:chat',
      exists: true,
      length: 300,
      observed_at: new Date(observedAtMs).toISOString(),
      groups: [{
        name: 'workers',
        lag: 250,
        lag_estimated: false,
        lag_at_least: false,
        redis_lag: 250,
        lag_class: 'degraded',
        pending: 7,
        pending_class: 'good',
        oldest_pending_age_ms: 30_000,
        oldest_pending_idle_ms: 12_000,
        consumers: [{ name: 'one', pending: 7, idle_ms: 12_000 }, { name: 'two', pending: 0, idle_ms: 40 }],
      }],
    });
  });

  it('keeps a counted lag marked as estimated or at least, and an unknown lag as -1, never 0', () => {
    const counted = group({ name: 'counted', lag: null, lagEstimate: { entries: 5_000, atLeast: true } });
    const unknown = group({ name: 'unknown', lag: null, lagEstimate: null, error: 'XRANGE failed' });
    const [countedLive, unknownLive] = liveUpdateOf([stream({ name: 's', groups: [counted, unknown] })], 's').groups;
    expect(countedLive).toMatchObject({ lag: 5_000, lag_estimated: true, lag_at_least: true, redis_lag: null, lag_class: 'unhealthy' });
    expect(unknownLive).toMatchObject({ lag: -1, lag_estimated: false, redis_lag: null, lag_class: 'unknown', error: 'XRANGE failed' });
  });

  it('reports a configured stream that does not exist yet, and a stream read error', () => {
    expect(liveUpdateOf([missingStream('later')], 'later')).toMatchObject({ stream: 'later', exists: false, length: 0, groups: [] });
    expect(liveUpdateOf([stream({ name: 'odd', error: 'WRONGTYPE' })], 'odd').error).toBe('WRONGTYPE');
  });
});
