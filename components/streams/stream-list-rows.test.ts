import { describe, expect, it } from 'vitest';
import { buildStreamsList } from '@/lib/events/streams-list';
import { group, missingStream, observation, stream } from '@/lib/events/testing/observation-fixtures';
import { buildStreamListRows, knownLag } from './stream-list-rows';

const thresholds = { degraded: 100, unhealthy: 1000 };

describe('buildStreamListRows', () => {
  it('gives one row per group, classified by its lag, and one row for a stream without groups', () => {
    const list = buildStreamsList(observation([
      stream({ name: 'events:chat', length: 500, groups: [group({ name: 'fast', lag: 3 }), group({ name: 'slow', lag: 250 }), group({ name: 'stuck', lag: 4_000 })] }),
      stream({ name: 'events:quiet', length: 2 }),
      missingStream('events:later'),
    ]));
    const rows = buildStreamListRows(list, thresholds);
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
    const [unknown, counted] = buildStreamListRows(list, thresholds);
    expect(unknown).toMatchObject({ health: 'unknown', lag: { lag: -1 } });
    expect(knownLag(unknown?.lag ?? null)).toBeNull();
    expect(counted).toMatchObject({ health: 'degraded', lag: { lag: 150, lag_estimated: true } });
    expect(knownLag(counted?.lag ?? null)).toBe(150);
  });

  it('marks a stream that could not be read as unknown with its error', () => {
    const list = buildStreamsList(observation([stream({ name: 'odd', error: 'WRONGTYPE Operation against a key holding the wrong kind of value' })]));
    expect(buildStreamListRows(list, thresholds)).toMatchObject([{ stream: 'odd', health: 'unknown', note: expect.stringContaining('WRONGTYPE') }]);
  });
});
