/**
 * Where a reset of committed offsets would put each partition, computed the way Kafka's own
 * `kafka-consumer-groups --reset-offsets` does: every new offset is clamped to the partition's
 * log start and log end (a target below the log start becomes the log start, one above the log
 * end becomes the log end), and `--to-datetime` with no record that recent resets to the log end.
 */

export type OffsetResetTarget =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'timestamp'; timestampMs: number }
  | { kind: 'offset'; offset: number }
  | { kind: 'shift_by'; shiftBy: number };

export interface OffsetResetPartitionInput {
  partition: number;
  /** null when the group never committed this partition. */
  committedOffset: number | null;
  logStartOffset: number;
  logEndOffset: number;
  /** For a timestamp target: the first offset at or after the time; null when none is. */
  offsetForTimestamp?: number | null;
}

export interface OffsetResetPartitionPlan {
  partition: number;
  currentOffset: number | null;
  newOffset: number;
  logStartOffset: number;
  logEndOffset: number;
  /** null when the partition had no committed offset. */
  lagBefore: number | null;
  lagAfter: number;
  /** The requested offset fell outside [log start, log end] and was moved to the nearest end. */
  clamped: boolean;
}

export class OffsetResetPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OffsetResetPlanError';
  }
}

function requestedOffset(target: OffsetResetTarget, input: OffsetResetPartitionInput): number {
  switch (target.kind) {
    case 'earliest':
      return input.logStartOffset;
    case 'latest':
      return input.logEndOffset;
    case 'timestamp':
      return input.offsetForTimestamp ?? input.logEndOffset;
    case 'offset':
      return target.offset;
    case 'shift_by':
      if (input.committedOffset === null) {
        // Kafka's tool refuses the same way: there is nothing to shift from.
        throw new OffsetResetPlanError(`partition ${input.partition} has no committed offset to shift from`);
      }
      return input.committedOffset + target.shiftBy;
  }
}

/** One row per partition, in the order given. Throws OffsetResetPlanError for an impossible shift. */
export function planOffsetReset(target: OffsetResetTarget, partitions: readonly OffsetResetPartitionInput[]): OffsetResetPartitionPlan[] {
  return partitions.map((input) => {
    const requested = requestedOffset(target, input);
    const newOffset = Math.min(Math.max(requested, input.logStartOffset), input.logEndOffset);
    return {
      partition: input.partition,
      currentOffset: input.committedOffset,
      newOffset,
      logStartOffset: input.logStartOffset,
      logEndOffset: input.logEndOffset,
      lagBefore: input.committedOffset === null ? null : Math.max(0, input.logEndOffset - input.committedOffset),
      lagAfter: input.logEndOffset - newOffset,
      clamped: newOffset !== requested,
    };
  });
}
