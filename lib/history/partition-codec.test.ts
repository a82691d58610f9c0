import { describe, expect, it } from 'vitest';
import { decodePartitionAt, decodePartitions, encodePartitions, type PartitionValues } from './partition-codec';

const nanToNull = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? null : value);

function roundTrip(partitions: PartitionValues[]): PartitionValues[] {
  const decoded = decodePartitions(encodePartitions(partitions), partitions.length);
  return partitions.map((_entry, index) => ({
    committedOffset: nanToNull(decoded.committedOffset[index]),
    logEndOffset: nanToNull(decoded.logEndOffset[index]),
    lag: nanToNull(decoded.lag[index]),
    lagSeconds: nanToNull(decoded.lagSeconds[index]),
  }));
}

describe('partition codec', () => {
  it('restores offsets, lags and time lags exactly, nulls included', () => {
    const partitions: PartitionValues[] = [
      { committedOffset: 1_000_000_000_000, logEndOffset: 1_000_000_004_321, lag: 4_321, lagSeconds: 12.3 },
      { committedOffset: null, logEndOffset: 17, lag: null, lagSeconds: null },
      { committedOffset: 5, logEndOffset: null, lag: null, lagSeconds: 0 },
      { committedOffset: 900, logEndOffset: 800, lag: 0, lagSeconds: 0.1 },
      { committedOffset: 2 ** 52, logEndOffset: 2 ** 52 + 1, lag: 1, lagSeconds: 86_400.5 },
    ];
    expect(roundTrip(partitions)).toEqual(partitions);
  });

  it('keeps a lag that differs from the offsets (log start past the committed offset)', () => {
    const partitions: PartitionValues[] = [
      { committedOffset: 10, logEndOffset: 500, lag: 200, lagSeconds: 3 },
      { committedOffset: 10, logEndOffset: 500, lag: 490, lagSeconds: null },
    ];
    expect(roundTrip(partitions)).toEqual(partitions);
  });

  it('takes a few bytes per partition for offsets that grow alike', () => {
    const partitions = Array.from({ length: 24 }, (_unused, partition): PartitionValues => {
      const logEndOffset = 250_000_000 + partition * 3_911;
      return { committedOffset: logEndOffset - 120, logEndOffset, lag: 120, lagSeconds: 1.5 };
    });
    const bytes = encodePartitions(partitions);
    expect(bytes.length).toBeLessThanOrEqual(1 + 4 + 24 * 6);
    expect(roundTrip(partitions)).toEqual(partitions);
  });

  it('keeps unsigned values small and a negative time lag signed', () => {
    const caughtUp = Array.from({ length: 10 }, (): PartitionValues => ({ committedOffset: 5_000, logEndOffset: 5_100, lag: 100, lagSeconds: 12.5 }));
    // Flags, then per partition: log-end step (2 bytes first, then 1), gap 100 (1), time lag 125 (1).
    expect(encodePartitions(caughtUp).length).toBe(1 + 2 + 9 + 10 + 10);
    const negative: PartitionValues[] = [{ committedOffset: 5, logEndOffset: 10, lag: 5, lagSeconds: -1.5 }, { committedOffset: 1, logEndOffset: 1, lag: 0, lagSeconds: 3 }];
    expect(roundTrip(negative)).toEqual(negative);
  });

  it('rounds time lag to tenths of a second and refuses numbers it cannot keep exactly', () => {
    expect(roundTrip([{ committedOffset: 1, logEndOffset: 2, lag: 1, lagSeconds: 1.23456 }])[0]?.lagSeconds).toBe(1.2);
    expect(() => encodePartitions([{ committedOffset: 0.5, logEndOffset: 2, lag: 1, lagSeconds: null }])).toThrow(RangeError);
    expect(() => decodePartitions(new Uint8Array([0, 0x81]), 1)).toThrow(RangeError);
  });
});

describe('partition codec near the largest exact integers', () => {
  it('keeps offsets up to 2^53 and differences between them exactly', () => {
    const largest = Number.MAX_SAFE_INTEGER;
    const partitions: PartitionValues[] = [
      { committedOffset: 7, logEndOffset: 7, lag: 0, lagSeconds: 0 },
      { committedOffset: largest - 10, logEndOffset: largest, lag: 10, lagSeconds: null },
      { committedOffset: 0, logEndOffset: 40, lag: 40, lagSeconds: null },
      { committedOffset: largest, logEndOffset: 0, lag: 0, lagSeconds: null },
    ];
    expect(roundTrip(partitions)).toEqual(partitions);
  });
});

describe('decodePartitionAt', () => {
  it('reads one partition as decodePartitions reads it', () => {
    const partitions: PartitionValues[] = [
      { committedOffset: 100, logEndOffset: 150, lag: 50, lagSeconds: -2.5 },
      { committedOffset: null, logEndOffset: 90, lag: null, lagSeconds: null },
      { committedOffset: 10, logEndOffset: 500, lag: 200, lagSeconds: 1 },
    ];
    const bytes = encodePartitions(partitions);
    const all = decodePartitions(bytes, partitions.length);
    partitions.forEach((_entry, index) => {
      expect(decodePartitionAt(bytes, index)).toEqual({
        committedOffset: all.committedOffset[index], logEndOffset: all.logEndOffset[index], lag: all.lag[index], lagSeconds: all.lagSeconds[index],
      });
    });
  });
});
