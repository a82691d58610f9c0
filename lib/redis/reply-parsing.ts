import type {
  RedisConsumerObservation,
  RedisPendingEntry,
  RedisPendingSummary,
  RedisServerObservation,
} from '@/lib/observations/redis';

/**
 * Turns raw RESP2 replies (as ioredis returns them, no transformers) into plain values.
 * Nil stays null everywhere: a client that turns nil into 0 reports "no lag" exactly when
 * Redis says it cannot tell.
 */

export type FlatMap = Map<string, unknown>;

/** XINFO replies are flat [field, value, field, value, ...] arrays. */
export function toFlatMap(reply: unknown): FlatMap {
  if (!Array.isArray(reply) || reply.length % 2 !== 0) {
    throw new Error('unexpected reply shape');
  }
  const map: FlatMap = new Map();
  for (let index = 0; index < reply.length; index += 2) {
    map.set(String(reply[index]), reply[index + 1]);
  }
  return map;
}

export function requiredNumber(map: FlatMap, field: string): number {
  const value = toNumberOrNull(map.get(field));
  if (value === null) {
    throw new Error(`reply lacks a number for "${field}"`);
  }
  return value;
}

/** Null when the field is absent (older Redis) or nil. */
export function optionalNumber(map: FlatMap, field: string): number | null {
  return toNumberOrNull(map.get(field));
}

export function optionalString(map: FlatMap, field: string): string | null {
  const value = map.get(field);
  return value === undefined || value === null ? null : String(value);
}

function toNumberOrNull(value: unknown): number | null {
  if (value === undefined || value === null || value === '') {
    return null;
  }
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/** `first-entry` / `last-entry` of XINFO STREAM: [id, [field, value, ...]] or nil. */
export function entryId(entry: unknown): string | null {
  return Array.isArray(entry) && entry.length > 0 ? String(entry[0]) : null;
}

export function parseInfo(text: unknown): RedisServerObservation {
  if (typeof text !== 'string') {
    throw new Error('INFO reply is not text');
  }
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const separator = line.indexOf(':');
    if (separator > 0 && !line.startsWith('#')) {
      fields.set(line.slice(0, separator), line.slice(separator + 1).trim());
    }
  }
  const number = (field: string): number => {
    const value = Number(fields.get(field));
    if (!fields.has(field) || !Number.isFinite(value)) {
      throw new Error(`INFO lacks ${field}`);
    }
    return value;
  };
  const version = fields.get('redis_version');
  if (!version) {
    throw new Error('INFO lacks redis_version');
  }
  return {
    version,
    usedMemoryBytes: number('used_memory'),
    maxMemoryBytes: number('maxmemory'),
    connectedClients: number('connected_clients'),
    opsPerSecond: number('instantaneous_ops_per_sec'),
  };
}

/** XPENDING key group: [count, smallest id, greatest id, [[consumer, "count"], ...]]. */
export function parsePendingSummary(reply: unknown): Omit<RedisPendingSummary, 'oldestIdleMs'> {
  if (!Array.isArray(reply) || reply.length < 4) {
    throw new Error('unexpected XPENDING reply');
  }
  const [count, oldestId, newestId, consumers] = reply as [unknown, unknown, unknown, unknown];
  const perConsumer = Array.isArray(consumers)
    ? consumers.map((pair: unknown) => {
      const [consumer, consumerCount] = pair as [unknown, unknown];
      return { consumer: String(consumer), count: Number(consumerCount) };
    })
    : [];
  return {
    count: Number(count),
    oldestId: oldestId === null ? null : String(oldestId),
    newestId: newestId === null ? null : String(newestId),
    perConsumer,
  };
}

/** XPENDING key group - + count: [[id, consumer, idle ms, delivery count], ...]. */
export function parsePendingEntries(reply: unknown): RedisPendingEntry[] {
  if (!Array.isArray(reply)) {
    throw new Error('unexpected XPENDING reply');
  }
  return reply.map((row: unknown) => {
    const [id, consumer, idleMs, deliveryCount] = row as [unknown, unknown, unknown, unknown];
    return { id: String(id), consumer: String(consumer), idleMs: Number(idleMs), deliveryCount: Number(deliveryCount) };
  });
}

export function parseConsumers(reply: unknown): RedisConsumerObservation[] {
  if (!Array.isArray(reply)) {
    throw new Error('unexpected XINFO CONSUMERS reply');
  }
  return reply.map((row: unknown) => {
    const map = toFlatMap(row);
    return {
      name: String(map.get('name')),
      pending: requiredNumber(map, 'pending'),
      idleMs: requiredNumber(map, 'idle'),
      inactiveMs: optionalNumber(map, 'inactive'),
    };
  });
}

const maxSequence = (1n << 64n) - 1n;

/**
 * The smallest ID greater than `id`. `XRANGE key <successor> +` is the exclusive range
 * `(id +`, but also works before Redis 6.2, where streams without a lag field live.
 */
export function successorId(id: string): string {
  const match = /^(\d+)-(\d+)$/.exec(id);
  if (!match) {
    throw new Error(`"${id}" is not a stream ID`);
  }
  const milliseconds = BigInt(match[1] as string);
  const sequence = BigInt(match[2] as string);
  return sequence < maxSequence ? `${milliseconds}-${sequence + 1n}` : `${milliseconds + 1n}-0`;
}
