import { describe, expect, it } from 'vitest';
import { buildStreamsList } from '@/lib/events/streams-list';
import { consumer, group, missingStream, observation, observedAtMs, stream } from '@/lib/events/testing/observation-fixtures';
import { buildStreamListRows, knownLag } from './stream-list-rows';


describe('buildStreamListRows', () => {
  it('gives one row per group, classified by its lag, and one row for a stream without groups', () => {
    const list = buildStreamsList(observation([
      stream({ name: 'events:chat', length: 500, groups: [group({ name: 'fast', lag: 3 }), group({ name: 'slow', lag: 250 }), group({ name: 'stuck', lag: 4_000 })] }),
      stream({ name: 'events:quiet', length: 2 }),
      missingStream('events:later'),
    ]));
    const rows = buildStreamListRows(list);
    expect(rows.map((row) => [row.stream, row.group, row.health, row.length])).toEqual([
      ['events:chat', 'fast', 'healthy', 500],
      ['events:chat', 'slow', 'degraded', 500],
      ['events:chat', 'stuck', 'unhealthy', 500],
      ['events:quiet', null, 'no groups', 2],
      ['events:later', null, 'no stream', null],
    ]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
    expect(rows[3]).toMatchObject({ lag: null, pending: null, note: 'no consumer groups' });
  });

  it('classifies an unknown lag as unknown and an estimate by its count', () => {
    const list = buildStreamsList(observation([stream({ name: 's', groups: [
      group({ name: 'unknown', lag: null, lagEstimate: null }),
      group({ name: 'counted', lag: null, lagEstimate: { entries: 150, atLeast: false } }),
    ] })]));
    const [unknown, counted] = buildStreamListRows(list);
    expect(unknown).toMatchObject({ health: 'unknown', lag: { lag: -1 } });
    expect(knownLag(unknown?.lag ?? null)).toBeNull();
    expect(counted).toMatchObject({ health: 'degraded', lag: { lag: 150, lag_estimated: true } });
    expect(knownLag(counted?.lag ?? null)).toBe(150);
  });

  it('marks a stream that could not be read as unknown with its error', () => {
    const list = buildStreamsList(observation([stream({ name: 'odd', error: 'WRONGTYPE Operation against a key holding the wrong kind of value' })]));
    expect(buildStreamListRows(list)).toMatchObject([{ stream: 'odd', health: 'unknown', note: expect.stringContaining('WRONGTYPE') }]);
  });

  it('counts pending entries, their age and dead consumers in the health class (lag 0 is not healthy then)', () => {
    // oldest pending entry added 2.3 h = 8,280,000 ms before the observation; instance-3 idle 2 h with 41 pending
    const ticket = group({
      name: 'signalr-consumers', lag: 0, pending: 41,
      pendingSummary: { count: 41, oldestId: `${observedAtMs - 8_280_000}-0`, newestId: `${observedAtMs - 60_000}-0`, oldestIdleMs: 7_200_000, perConsumer: [{ consumer: 'instance-3', count: 41 }] },
      consumers: [consumer({ name: 'instance-1' }), consumer({ name: 'instance-3', pending: 41, idleMs: 7_200_000 })],
    });
    const list = buildStreamsList(observation([stream({ name: 'events:ticket', groups: [ticket] })]));
    const [row] = buildStreamListRows(list);
    expect(row).toMatchObject({ health: 'unhealthy', pending: 41, oldestPendingAgeMs: 8_280_000, deadConsumers: ['instance-3'] });
    expect(row?.reasons).toEqual([
      'the oldest pending entry has waited 2.3 h (over 15 min)',
      '1 consumer holds pending entries and stopped reading (dead-consumer candidate)',
    ]);
    expect(list.streams[0]?.consumer_groups[0]).toMatchObject({ lag: 0, health: 'unhealthy', oldest_pending_age_ms: 8_280_000, dead_consumer_candidates: ['instance-3'] });
  });
});
