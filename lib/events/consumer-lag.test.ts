import { describe, expect, it } from 'vitest';
import { buildConsumerLag } from './consumer-lag';
import { consumer, group, missingStream, observation, observedAtMs, stream } from './testing/observation-fixtures';

const workers = 'signalr-consumers';

describe('buildConsumerLag', () => {
  it('gives the seed 001 example for three measured streams', () => {
    const result = buildConsumerLag(observation([
      stream({ name: 'events:chat', groups: [group({ name: workers, lag: 123, consumers: [consumer({ name: 'instance-1' }), consumer({ name: 'instance-2' })] })] }),
      stream({ name: 'events:ticket', groups: [group({ name: workers, lag: 45, consumers: [consumer({ name: 'instance-1' })] })] }),
      stream({ name: 'events:remote', groups: [group({ name: workers, lag: 0, consumers: [consumer({ name: 'instance-1' })] })] }),
    ]), workers);
    expect(result).toMatchObject({ total_lag: 168, stream_count: 3, consumer_group: workers, total_lag_at_least: false, observed_at: new Date(observedAtMs).toISOString() });
    expect(result.streams['events:chat']).toEqual({
      lag: 123, consumers: ['instance-1', 'instance-2'], pending: 0, lag_estimated: false, lag_at_least: false, group_missing: false, stream_missing: false,
    });
    expect(Object.keys(result.streams)).toEqual(['events:chat', 'events:ticket', 'events:remote']);
  });

  it('answers lag 0 for a missing group or stream, as the seed does, and says so', () => {
    const result = buildConsumerLag(observation([
      stream({ name: 'no-group', groups: [group({ name: 'others', lag: 50 })] }),
      missingStream('not-yet'),
    ]), workers);
    expect(result.streams['no-group']).toEqual({ lag: 0, consumers: [], pending: 0, lag_estimated: false, lag_at_least: false, group_missing: true, stream_missing: false });
    expect(result.streams['not-yet']).toMatchObject({ lag: 0, group_missing: true, stream_missing: true });
    expect(result).toMatchObject({ total_lag: 0, stream_count: 2 });
  });

  it('reports a counted lag as estimated, and a capped count as at least', () => {
    const result = buildConsumerLag(observation([
      stream({ name: 'gap', groups: [group({ name: workers, lag: null, lagEstimate: { entries: 6, atLeast: false }, pending: 2 })] }),
      stream({ name: 'huge', groups: [group({ name: workers, lag: null, lagEstimate: { entries: 10_000, atLeast: true } })] }),
    ]), workers);
    expect(result.streams.gap).toMatchObject({ lag: 6, lag_estimated: true, lag_at_least: false, pending: 2 });
    expect(result.streams.huge).toMatchObject({ lag: 10_000, lag_estimated: true, lag_at_least: true });
    expect(result).toMatchObject({ total_lag: 10_006, stream_count: 2, total_lag_at_least: true });
  });

  it('gives lag -1 and the error for a stream that failed, and never reads unknown lag as 0', () => {
    const result = buildConsumerLag(observation([
      stream({ name: 'wrong-type', error: 'WRONGTYPE Operation against a key holding the wrong kind of value', groups: [] }),
      stream({ name: 'uncounted', groups: [group({ name: workers, lag: null, lagEstimate: null, error: 'XRANGE: ERR boom', consumers: [consumer({ name: 'c1' })] })] }),
      stream({ name: 'fine', groups: [group({ name: workers, lag: 7 })] }),
    ]), workers);
    expect(result.streams['wrong-type']).toEqual({ lag: -1, consumers: [], error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(result.streams.uncounted).toMatchObject({ lag: -1, consumers: ['c1'] });
    expect(result.streams.uncounted?.error).toMatch(/^lag unknown: .*XRANGE: ERR boom/);
    expect(result).toMatchObject({ total_lag: 7, stream_count: 1 });
  });

  it('keeps a known lag when only a per-group command failed, as a warning', () => {
    const result = buildConsumerLag(observation([
      stream({ name: 's', groups: [group({ name: workers, lag: 3, error: 'XINFO CONSUMERS: NOGROUP' })] }),
    ]), workers);
    expect(result.streams.s).toMatchObject({ lag: 3, warning: 'XINFO CONSUMERS: NOGROUP' });
    expect(result.streams.s?.error).toBeUndefined();
  });
});
