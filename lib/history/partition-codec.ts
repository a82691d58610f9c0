/**
 * A group's partitions in one sample, as one compact binary value (stored as bytea in
 * HistoryGroupSample.partitionData) instead of one row per partition: a row costs PostgreSQL
 * ~60 bytes of headers and index before any data, which was most of the old 116 bytes per
 * partition. Each value is a variable-length integer (7 bits per byte), so small numbers take one
 * byte, and the numbers are made small first:
 *
 *   - log-end offset: the difference to the previous partition's log-end offset in the sample
 *     (partitions of one topic grow alike, so the difference is far smaller than the offset);
 *   - committed offset: the distance behind its own log-end offset (the lag, usually small),
 *     unsigned unless a committed offset in the sample lies beyond its log end (a flag);
 *   - lag: left out when it is what the offsets say (max(0, log end - committed), null when either
 *     is null), which is the case for every partition unless the log start moved past the
 *     committed offset; a flag in the first byte says whether lags follow;
 *   - time lag: tenths of a second (the time lag is read off snapshots 30 s apart: a finer
 *     figure would be noise), unsigned unless one in the sample is negative (a flag).
 *
 * Every value is nullable (0 stands for null, a value is stored plus one); signed values are
 * zig-zag encoded, so nothing is clamped. A sample decodes on its own: no value depends on another sample, so
 * dropping a time partition never breaks a neighbour. Every safe integer (up to 2^53) is exact.
 */

export interface PartitionValues {
  committedOffset: number | null;
  logEndOffset: number | null;
  lag: number | null;
  lagSeconds: number | null;
}

/** Decoded columns, one entry per partition of the layout; NaN stands for null. */
export interface DecodedPartitions {
  committedOffset: Float64Array;
  logEndOffset: Float64Array;
  lag: Float64Array;
  lagSeconds: Float64Array;
}

const explicitLagsFlag = 1;
const signedGapsFlag = 2;
const signedTimeLagsFlag = 4;
const largeMagnitude = 2 ** 51;
const lagSecondsScale = 10;

export const derivedLag = (committedOffset: number | null, logEndOffset: number | null): number | null =>
  committedOffset === null || logEndOffset === null ? null : Math.max(0, logEndOffset - committedOffset);

class ByteWriter {
  private bytes: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }

  /** A non-negative integer, 7 bits per byte, low bits first. */
  private reserve(byteCount: number): void {
    if (this.length + byteCount <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + byteCount));
    grown.set(this.bytes);
    this.bytes = grown;
  }

  unsigned(value: number): void {
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.length++] = rest;
  }

  /** null as 0, otherwise the value (signed: zig-zag) plus one. */
  nullable(value: number | null, signed: boolean): void {
    if (signed || value === null) {
      this.nullableSigned(value);
      return;
    }
    if (!Number.isSafeInteger(value)) throw new RangeError(`history: ${value} cannot be stored exactly`);
    // value + 1 <= 2^53 is still exact.
    this.unsigned(value + 1);
  }

  /** null as 0, otherwise the zig-zag value plus one. */
  nullableSigned(value: number | null): void {
    if (value === null) {
      this.unsigned(0);
      return;
    }
    if (!Number.isSafeInteger(value)) throw new RangeError(`history: ${value} cannot be stored exactly`);
    if (Math.abs(value) < largeMagnitude) {
      this.unsigned((value >= 0 ? value * 2 : -value * 2 - 1) + 1);
      return;
    }
    // Beyond 2^51 the zig-zag value outgrows a double's exact integers: BigInt for those few.
    const big = BigInt(value);
    let rest = big >= 0n ? big * 2n + 1n : -big * 2n;
    this.reserve(12);
    while (rest >= 0x80n) {
      this.bytes[this.length++] = Number(rest % 0x80n) | 0x80;
      rest /= 0x80n;
    }
    this.bytes[this.length++] = Number(rest);
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

export function encodePartitions(partitions: readonly PartitionValues[]): Uint8Array {
  const lagsDerived = partitions.every((entry) => entry.lag === derivedLag(entry.committedOffset, entry.logEndOffset));
  const gap = (entry: PartitionValues) => (entry.committedOffset === null ? null : (entry.logEndOffset ?? 0) - entry.committedOffset);
  const timeLag = (entry: PartitionValues) => (entry.lagSeconds === null ? null : Math.round(entry.lagSeconds * lagSecondsScale));
  const signedGaps = partitions.some((entry) => (gap(entry) ?? 0) < 0);
  const signedTimeLags = partitions.some((entry) => (timeLag(entry) ?? 0) < 0);
  const writer = new ByteWriter(partitions.length * 6 + 1);
  writer.unsigned((lagsDerived ? 0 : explicitLagsFlag) | (signedGaps ? signedGapsFlag : 0) | (signedTimeLags ? signedTimeLagsFlag : 0));
  let previousLogEnd = 0;
  for (const entry of partitions) {
    writer.nullableSigned(entry.logEndOffset === null ? null : entry.logEndOffset - previousLogEnd);
    if (entry.logEndOffset !== null) previousLogEnd = entry.logEndOffset;
    writer.nullable(gap(entry), signedGaps);
    if (!lagsDerived) writer.nullableSigned(entry.lag);
    writer.nullable(timeLag(entry), signedTimeLags);
  }
  return writer.result();
}

class ByteReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** A number while exact (up to 7 bytes, 2^49), a BigInt beyond. */
  unsigned(): number | bigint {
    let value = 0;
    let scale = 1;
    for (let index = 0; ; index += 1) {
      const byte = this.bytes[this.position++];
      if (byte === undefined) throw new RangeError('history: partition data ends early');
      if (index === 7) return this.unsignedBig(BigInt(value), byte);
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  private unsignedBig(low: bigint, firstByte: number): bigint {
    let value = low;
    let shift = 49n;
    let byte: number | undefined = firstByte;
    for (;;) {
      if (byte === undefined) throw new RangeError('history: partition data ends early');
      value += BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
      shift += 7n;
      byte = this.bytes[this.position++];
    }
  }

  /** NaN for null; `signed` as written by ByteWriter.nullable. */
  nullable(signed: boolean): number {
    if (signed) return this.nullableSigned();
    const stored = this.unsigned();
    if (typeof stored === 'bigint') return Number(stored - 1n);
    return stored === 0 ? Number.NaN : stored - 1;
  }

  /** NaN for null. */
  nullableSigned(): number {
    const stored = this.unsigned();
    if (typeof stored === 'bigint') {
      const zigzag = stored - 1n;
      return Number(zigzag % 2n === 0n ? zigzag / 2n : -(zigzag + 1n) / 2n);
    }
    if (stored === 0) return Number.NaN;
    const zigzag = stored - 1;
    return zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
  }
}

export function decodePartitions(bytes: Uint8Array, count: number): DecodedPartitions {
  const reader = new ByteReader(bytes);
  const decoded: DecodedPartitions = {
    committedOffset: new Float64Array(count),
    logEndOffset: new Float64Array(count),
    lag: new Float64Array(count),
    lagSeconds: new Float64Array(count),
  };
  const flags = Number(reader.unsigned());
  const explicitLags = (flags & explicitLagsFlag) !== 0;
  let previousLogEnd = 0;
  for (let index = 0; index < count; index += 1) {
    const logEndDelta = reader.nullableSigned();
    const logEnd = Number.isNaN(logEndDelta) ? Number.NaN : previousLogEnd + logEndDelta;
    if (!Number.isNaN(logEnd)) previousLogEnd = logEnd;
    const behind = reader.nullable((flags & signedGapsFlag) !== 0);
    const committed = Number.isNaN(behind) ? Number.NaN : (Number.isNaN(logEnd) ? 0 : logEnd) - behind;
    decoded.logEndOffset[index] = logEnd;
    decoded.committedOffset[index] = committed;
    decoded.lag[index] = explicitLags
      ? reader.nullableSigned()
      : Number.isNaN(committed) || Number.isNaN(logEnd) ? Number.NaN : Math.max(0, logEnd - committed);
    const lagSeconds = reader.nullable((flags & signedTimeLagsFlag) !== 0);
    decoded.lagSeconds[index] = Number.isNaN(lagSeconds) ? Number.NaN : lagSeconds / lagSecondsScale;
  }
  return decoded;
}

/**
 * One partition's values (the `position`-th of the layout) without decoding the others into
 * arrays: a partition's trend reads one position out of thousands of samples.
 */
export function decodePartitionAt(bytes: Uint8Array, position: number): { committedOffset: number; logEndOffset: number; lag: number; lagSeconds: number } {
  const reader = new ByteReader(bytes);
  const flags = Number(reader.unsigned());
  const explicitLags = (flags & explicitLagsFlag) !== 0;
  let previousLogEnd = 0;
  for (let index = 0; ; index += 1) {
    const logEndDelta = reader.nullableSigned();
    const logEnd = Number.isNaN(logEndDelta) ? Number.NaN : previousLogEnd + logEndDelta;
    if (!Number.isNaN(logEnd)) previousLogEnd = logEnd;
    const behind = reader.nullable((flags & signedGapsFlag) !== 0);
    const storedLag = explicitLags ? reader.nullableSigned() : Number.NaN;
    const lagSeconds = reader.nullable((flags & signedTimeLagsFlag) !== 0);
    if (index < position) continue;
    const committed = Number.isNaN(behind) ? Number.NaN : (Number.isNaN(logEnd) ? 0 : logEnd) - behind;
    return {
      committedOffset: committed,
      logEndOffset: logEnd,
      lag: explicitLags ? storedLag : Number.isNaN(committed) || Number.isNaN(logEnd) ? Number.NaN : Math.max(0, logEnd - committed),
      lagSeconds: Number.isNaN(lagSeconds) ? Number.NaN : lagSeconds / lagSecondsScale,
    };
  }
}

/** Bytes as PostgreSQL's hex text (`\x0a0b…`), for a text[] parameter decoded in SQL. */
export function byteaHex(bytes: Uint8Array): string {
  return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex')}`;
}

/**
 * Partition data as read: readers select `encode("partitionData", 'hex')`, because the driver's
 * own bytea conversion took 3–4x longer than the hex text for thousands of samples
 * (bench/history); a Uint8Array (a bytea column selected as it is) is taken too.
 */
export function byteaValue(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return Buffer.from(value.startsWith('\\x') ? value.slice(2) : value, 'hex');
  throw new TypeError('history: partition data is not binary');
}
