import { describe, expect, it } from 'vitest';
import { entryAgeMs, entryIdTimeMs } from './entry-id-time';
import { findDeadConsumerCandidates } from './dead-consumers';
import { groupLag, healthLag, readStreamGroup } from './lag-reading';
import { consumer, group, missingStream, stream } from './testing/observation-fixtures';

describe('groupLag', () => {
  it('trusts Redis, else the count, and is null when neither exists (never 0)', () => {
    expect(groupLag(group({ name: 'g', lag: 0 }))).toEqual({ lag: 0, estimated: false, atLeast: false });
    expect(groupLag(group({ name: 'g', lag: null, lagEstimate: { entries: 4, atLeast: true } }))).toEqual({ lag: 4, estimated: true, atLeast: true });
    expect(groupLag(group({ name: 'g', lag: null, lagEstimate: null }))).toBeNull();
  });
});

describe('readStreamGroup and healthLag', () => {
  it('tells a failed stream, a missing stream, a missing group and an unknown lag apart', () => {
    const failed = readStreamGroup(stream({ name: 's', error: 'WRONGTYPE' }), 'g');
    const missing = readStreamGroup(missingStream('s'), 'g');
    const noGroup = readStreamGroup(stream({ name: 's', groups: [group({ name: 'other' })] }), 'g');
    const unknown = readStreamGroup(stream({ name: 's', groups: [group({ name: 'g', lag: null })] }), 'g');
    expect([failed.state, missing.state, noGroup.state, unknown.state]).toEqual(['stream_error', 'stream_missing', 'group_missing', 'lag_unknown']);
    expect([failed, missing, noGroup, unknown].map(healthLag)).toEqual([null, 0, 0, null]);
  });
});

describe('entry ID times', () => {
  it('reads the milliseconds of an ID and clamps a future one to age 0', () => {
    expect(entryIdTimeMs('1700000000123-4')).toBe(1_700_000_000_123);
    expect(entryIdTimeMs('$')).toBeNull();
    expect(entryAgeMs('1000-0', 3500)).toBe(2500);
    expect(entryAgeMs('5000-0', 3500)).toBe(0);
    expect(entryAgeMs(null, 1)).toBeNull();
  });
});

describe('findDeadConsumerCandidates', () => {
  it('wants pending entries and idle at or beyond the threshold, most pending first', () => {
    const consumers = [
      consumer({ name: 'idle-empty', pending: 0, idleMs: 10_000 }),
      consumer({ name: 'just-below', pending: 5, idleMs: 999 }),
      consumer({ name: 'at-threshold', pending: 1, idleMs: 1_000 }),
      consumer({ name: 'holding-most', pending: 7, idleMs: 2_000 }),
    ];
    expect(findDeadConsumerCandidates(consumers, 1_000).map((item) => item.name)).toEqual(['holding-most', 'at-threshold']);
  });
});
