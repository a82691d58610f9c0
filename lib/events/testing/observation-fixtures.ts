import type {
  RedisConsumerObservation,
  RedisObservation,
  RedisStreamGroupObservation,
  RedisStreamObservation,
} from '@/lib/observations/redis';

/** Small builders of observations for unit tests: defaults are a healthy, caught-up stream. */

export const observedAtMs = Date.UTC(2026, 0, 1, 12, 0, 0);

export function consumer(overrides: Partial<RedisConsumerObservation> & { name: string }): RedisConsumerObservation {
  return { pending: 0, idleMs: 100, inactiveMs: null, ...overrides };
}

export function group(overrides: Partial<RedisStreamGroupObservation> & { name: string }): RedisStreamGroupObservation {
  const consumers = overrides.consumers ?? [];
  return {
    consumerCount: consumers.length,
    pending: 0,
    lastDeliveredId: `${observedAtMs - 1_000}-0`,
    entriesRead: 10,
    lag: 0,
    lagEstimate: null,
    lagSource: overrides.lag === null ? 'estimated' : 'redis',
    pendingSummary: { count: 0, oldestId: null, newestId: null, oldestIdleMs: null, perConsumer: [] },
    oldestPending: [],
    consumers,
    ...overrides,
  };
}

export function stream(overrides: Partial<RedisStreamObservation> & { name: string }): RedisStreamObservation {
  const groups = overrides.groups ?? [];
  return {
    exists: true,
    length: 10,
    firstEntryId: `${observedAtMs - 10_000}-0`,
    lastEntryId: `${observedAtMs - 1_000}-0`,
    lastGeneratedId: `${observedAtMs - 1_000}-0`,
    entriesAdded: 10,
    maxDeletedEntryId: '0-0',
    groupCount: groups.length,
    groups,
    ...overrides,
  };
}

export function missingStream(name: string): RedisStreamObservation {
  return stream({ name, exists: false, length: 0, firstEntryId: null, lastEntryId: null, lastGeneratedId: null, entriesAdded: null, maxDeletedEntryId: null });
}

export function observation(streams: RedisStreamObservation[]): RedisObservation {
  return {
    observedAtMs,
    server: { version: '7.0.15', usedMemoryBytes: 2_000_000, maxMemoryBytes: 0, connectedClients: 3, opsPerSecond: 7 },
    streams,
    errors: [],
    roundTrips: 2,
  };
}
