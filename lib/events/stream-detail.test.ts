import { describe, expect, it } from 'vitest';
import { buildGroupDetail, buildStreamDetail } from './stream-detail';
import { buildStreamsList } from './streams-list';
import { consumer, group, observation, observedAtMs, stream } from './testing/observation-fixtures';

const options = { deadConsumerIdleMs: 60_000, lagThresholds: { degraded: 100, unhealthy: 1000 }, pendingThresholds: { warning: 50, critical: 500 } };
const oldestPendingId = `${observedAtMs - 90_000}-0`;

const workers = group({
  name: 'workers',
  lag: null,
  lagEstimate: { entries: 120, atLeast: false },
  entriesRead: null,
  pending: 60,
  lastDeliveredId: `${observedAtMs - 5_000}-3`,
  pendingSummary: { count: 60, oldestId: oldestPendingId, newestId: `${observedAtMs - 6_000}-0`, oldestIdleMs: 70_000, perConsumer: [] },
  oldestPending: [{ id: oldestPendingId, consumer: 'stalled', idleMs: 70_000, deliveryCount: 2 }],
  consumers: [
    consumer({ name: 'active', pending: 1, idleMs: 20 }),
    consumer({ name: 'stalled', pending: 50, idleMs: 70_000, inactiveMs: 75_000 }),
    consumer({ name: 'quiet-and-empty', pending: 0, idleMs: 900_000 }),
    consumer({ name: 'stalled-less', pending: 9, idleMs: 80_000 }),
  ],
});
const chat = stream({ name: 'events:chat/odd name', groups: [workers] });

describe('buildStreamDetail', () => {
  it('lists groups with lag, pending, ages and dead-consumer candidates', () => {
    const detail = buildStreamDetail(observation([chat]), 'events:chat/odd name', options);
    expect(detail).toMatchObject({ name: 'events:chat/odd name', length: 10, groups: 1, exists: true, last_entry_age_ms: 1_000, dead_consumer_idle_ms: 60_000 });
    expect(detail?.consumer_groups[0]).toMatchObject({
      name: 'workers',
      consumer_count: 4,
      pending: 60,
      pending_class: 'warning',
      lag: 120,
      lag_estimated: true,
      lag_at_least: false,
      redis_lag: null,
      lag_class: 'degraded',
      last_delivered_age_ms: 5_000,
      entries_read: null,
      oldest_pending_id: oldestPendingId,
      oldest_pending_idle_ms: 70_000,
      oldest_pending_age_ms: 90_000,
      oldest_pending: [{ id: oldestPendingId, consumer: 'stalled', idle_ms: 70_000, delivery_count: 2 }],
      dead_consumer_candidates: ['stalled', 'stalled-less'],
    });
    expect(detail?.consumer_groups[0]?.consumers.map((item) => [item.name, item.dead_candidate])).toEqual([
      ['active', false], ['stalled', true], ['quiet-and-empty', false], ['stalled-less', true],
    ]);
  });

  it('is null for a stream Lagboard does not observe', () => {
    expect(buildStreamDetail(observation([chat]), 'events:other', options)).toBeNull();
  });

  it('gives one group with its stream name, or null for an unknown group', () => {
    expect(buildGroupDetail(observation([chat]), 'events:chat/odd name', 'workers', options)).toMatchObject({ stream: 'events:chat/odd name', name: 'workers', lag: 120 });
    expect(buildGroupDetail(observation([chat]), 'events:chat/odd name', 'nobody', options)).toBeNull();
  });

  it('marks an uncountable lag -1 and unknown', () => {
    const unknown = stream({ name: 's', groups: [group({ name: 'g', lag: null, lagEstimate: null })] });
    expect(buildStreamDetail(observation([unknown]), 's', options)?.consumer_groups[0]).toMatchObject({ lag: -1, lag_class: 'unknown', redis_lag: null });
  });
});

describe('buildStreamsList', () => {
  it('has the seed fields first and the server figures', () => {
    const list = buildStreamsList(observation([chat]));
    expect(list.streams[0]).toMatchObject({ name: 'events:chat/odd name', length: 10, groups: 1 });
    expect(list.streams[0]?.consumer_groups[0]).toMatchObject({ name: 'workers', consumers: 4, pending: 60, lag: 120, lag_estimated: true });
    expect(list.server).toEqual({ version: '7.0.15', used_memory_bytes: 2_000_000, max_memory_bytes: 0, connected_clients: 3, ops_per_second: 7 });
    expect(list.errors).toEqual([]);
  });
});
