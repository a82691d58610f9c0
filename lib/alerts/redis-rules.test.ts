import { describe, expect, it } from 'vitest';
import type { RedisObservation, RedisStreamGroupObservation } from '@/lib/observations/redis';
import { evaluateRedisObservation } from './redis-rules';
import { evaluateReachability } from './source-rules';
import { override, ruleContext } from './test-fixtures';

const nowMs = 1_800_000_000_000;

function group(changes: Partial<RedisStreamGroupObservation> = {}): RedisStreamGroupObservation {
  return {
    name: 'signalr-consumers', consumerCount: 1, pending: 0, lastDeliveredId: `${nowMs - 1000}-0`, entriesRead: 10, lag: 0,
    lagEstimate: null, lagSource: 'redis', pendingSummary: null, oldestPending: [],
    consumers: [{ name: 'instance-1', pending: 0, idleMs: 100, inactiveMs: 100 }], ...changes,
  };
}

function observation(groups: RedisStreamGroupObservation[], changes: Partial<RedisObservation> = {}, newestEntryAgeMs = 1000): RedisObservation {
  return {
    observedAtMs: nowMs,
    server: { version: '7.2.0', usedMemoryBytes: 100, maxMemoryBytes: 0, connectedClients: 1, opsPerSecond: 1 },
    streams: [{
      name: 'events:chat', exists: true, length: 10, firstEntryId: '1-0', lastEntryId: `${nowMs - newestEntryAgeMs}-0`,
      lastGeneratedId: `${nowMs - newestEntryAgeMs}-0`, entriesAdded: 10, maxDeletedEntryId: '0-0', groupCount: groups.length, groups,
    }],
    errors: [], roundTrips: 1, ...changes,
  };
}

const evaluate = (value: RedisObservation, overrides = [] as Parameters<typeof ruleContext>[0]) => evaluateRedisObservation(value, nowMs, ruleContext(overrides));

describe('Redis rules', () => {
  it('a stream that keeps up breaks no rule', () => {
    expect(evaluate(observation([group()]))).toEqual([]);
  });

  it('group lag 1,001 is above 1,000 (for 5 minutes); 1,000 is not', () => {
    expect(evaluate(observation([group({ lag: 1001, lastDeliveredId: `${nowMs - 2000}-0` })]))).toMatchObject([{
      key: 'redis.group_lag|redis|stream:events:chat|group:signalr-consumers', stream: 'events:chat', groupId: 'signalr-consumers',
      value: 1001, threshold: 1000, forMs: 300_000, unit: 'messages', summary: 'Lag 1,001 messages on events:chat / signalr-consumers (threshold 1,000 messages)',
    }]);
    expect(evaluate(observation([group({ lag: 1000 })]))).toEqual([]);
  });

  it('an unknown lag is judged on the counted estimate, never as 0', () => {
    expect(evaluate(observation([group({ lag: null, lagEstimate: { entries: 5000, atLeast: true }, lagSource: 'estimated' })]))[0]).toMatchObject({ ruleId: 'redis.group_lag', value: 5000 });
  });

  it('pending 501 is above 500 (for 10 minutes)', () => {
    expect(evaluate(observation([group({ pending: 501 })]))).toMatchObject([{ ruleId: 'redis.pending_high', value: 501, forMs: 600_000 }]);
  });

  it('stream stale: newest entry 301 s old', () => {
    expect(evaluate(observation([group({ lastDeliveredId: `${nowMs - 301_000}-0` })], {}, 301_000))).toMatchObject([{ ruleId: 'redis.stream_stale', value: 301 }]);
  });

  it('stream stale: new entries arrive but the group delivered nothing for 400 s while 20 wait', () => {
    expect(evaluate(observation([group({ lag: 20, lastDeliveredId: `${nowMs - 400_000}-0` })]))).toMatchObject([{ ruleId: 'redis.stream_stale', value: 400 }]);
  });

  it('dead consumer: instance-3 holds 40 pending and is idle 301 s; idle without pending is not dead', () => {
    const consumers = [
      { name: 'instance-3', pending: 40, idleMs: 301_000, inactiveMs: null },
      { name: 'instance-4', pending: 0, idleMs: 900_000, inactiveMs: null },
    ];
    expect(evaluate(observation([group({ pending: 40, consumers })]))).toMatchObject([{
      key: 'redis.dead_consumer|redis|stream:events:chat|group:signalr-consumers|consumer:instance-3', value: 301, threshold: 300, unit: 'seconds', forMs: 0,
    }]);
  });

  it('the stream override beats the default: a 10 s idle threshold for this stream', () => {
    const consumers = [{ name: 'instance-3', pending: 1, idleMs: 11_000, inactiveMs: null }];
    expect(evaluate(observation([group({ pending: 1, consumers })]), [override('redis.dead_consumer', 'stream', 'events:chat', { threshold: 10 })])).toMatchObject([{ threshold: 10 }]);
  });

  it('memory: 85 of 100 bytes is above 80 %; maxmemory 0 is no limit', () => {
    const server = { version: '7.2.0', usedMemoryBytes: 85, maxMemoryBytes: 100, connectedClients: 1, opsPerSecond: 1 };
    expect(evaluate(observation([group()], { server }))).toMatchObject([{ key: 'redis.memory_high|redis|server', value: 0.85, threshold: 0.8, unit: 'ratio' }]);
    expect(evaluate(observation([group()], { server: { ...server, maxMemoryBytes: 0 } }))).toEqual([]);
  });

  it('a missing stream or a failed group is not judged', () => {
    const missing = observation([group({ lag: 5000 })]);
    missing.streams[0] = { ...missing.streams[0]!, exists: false };
    expect(evaluate(missing)).toEqual([]);
    expect(evaluate(observation([group({ lag: 5000, error: 'NOGROUP' })]))).toEqual([]);
  });
});

describe('source reachability', () => {
  it('an unreachable cluster is a condition with its reason; a reachable one none', () => {
    expect(evaluateReachability({ kind: 'kafka', clusterId: 'local' }, 'connection failed (ECONNREFUSED)', ruleContext())).toMatchObject([{
      key: 'kafka.source_unreachable|kafka:local|source', value: 1, forMs: 60_000, severity: 'critical',
      summary: 'Kafka cluster “local” is unreachable: connection failed (ECONNREFUSED)',
    }]);
    expect(evaluateReachability({ kind: 'redis' }, null, ruleContext())).toEqual([]);
    expect(evaluateReachability({ kind: 'redis' }, 'Cannot connect to Redis', ruleContext())).toMatchObject([{
      key: 'redis.source_unreachable|redis|source', source: 'redis', clusterId: null, summary: 'Redis is unreachable: Cannot connect to Redis',
    }]);
    // Disabled for everyone: nothing, even while down.
    const disabled = ruleContext([{ ruleId: 'redis.source_unreachable', scope: 'default', target: '', enabled: false, severity: null, threshold: null, forSeconds: null }]);
    expect(evaluateReachability({ kind: 'redis' }, 'Cannot connect to Redis', disabled)).toEqual([]);
  });
});
