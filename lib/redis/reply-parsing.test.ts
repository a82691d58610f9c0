import { describe, expect, it } from 'vitest';
import { parseConsumers, parseInfo, parsePendingEntries, parsePendingSummary, successorId, toFlatMap, optionalNumber } from './reply-parsing';

describe('successorId', () => {
  it('adds one to the sequence', () => {
    expect(successorId('1700000000000-0')).toBe('1700000000000-1');
    expect(successorId('0-0')).toBe('0-1');
  });

  it('carries into the milliseconds at the largest sequence', () => {
    expect(successorId('5-18446744073709551615')).toBe('6-0');
  });

  it('rejects what is not an ID', () => {
    expect(() => successorId('$')).toThrow();
  });
});

describe('nil stays null', () => {
  it('keeps a nil lag and an absent lag apart from 0', () => {
    const redisSeven = toFlatMap(['name', 'g', 'entries-read', null, 'lag', null]);
    const redisSix = toFlatMap(['name', 'g', 'pending', 0]);
    const zero = toFlatMap(['lag', 0]);
    expect(optionalNumber(redisSeven, 'lag')).toBeNull();
    expect(optionalNumber(redisSeven, 'entries-read')).toBeNull();
    expect(optionalNumber(redisSix, 'lag')).toBeNull();
    expect(optionalNumber(zero, 'lag')).toBe(0);
  });
});

describe('parseInfo', () => {
  it('reads the five server fields', () => {
    const text = '# Server\r\nredis_version:7.0.15\r\n# Clients\r\nconnected_clients:4\r\n# Memory\r\nused_memory:1048576\r\nmaxmemory:0\r\n# Stats\r\ninstantaneous_ops_per_sec:12\r\n';
    expect(parseInfo(text)).toEqual({ version: '7.0.15', usedMemoryBytes: 1048576, maxMemoryBytes: 0, connectedClients: 4, opsPerSecond: 12 });
  });

  it('says which field is missing', () => {
    expect(() => parseInfo('redis_version:7.0.15\r\n')).toThrow(/used_memory/);
  });
});

describe('XPENDING replies', () => {
  it('reads the summary, with string counts per consumer', () => {
    expect(parsePendingSummary([3, '1-0', '3-0', [['a', '2'], ['b', '1']]])).toEqual({
      count: 3,
      oldestId: '1-0',
      newestId: '3-0',
      perConsumer: [{ consumer: 'a', count: 2 }, { consumer: 'b', count: 1 }],
    });
    expect(parsePendingSummary([0, null, null, null])).toEqual({ count: 0, oldestId: null, newestId: null, perConsumer: [] });
  });

  it('reads the extended form', () => {
    expect(parsePendingEntries([['1-0', 'a', 1500, 2]])).toEqual([{ id: '1-0', consumer: 'a', idleMs: 1500, deliveryCount: 2 }]);
  });
});

describe('parseConsumers', () => {
  it('has inactiveMs only where Redis reports it (7.2+)', () => {
    expect(parseConsumers([
      ['name', 'a', 'pending', 2, 'idle', 10],
      ['name', 'b', 'pending', 0, 'idle', 20, 'inactive', 30],
    ])).toEqual([
      { name: 'a', pending: 2, idleMs: 10, inactiveMs: null },
      { name: 'b', pending: 0, idleMs: 20, inactiveMs: 30 },
    ]);
  });
});
