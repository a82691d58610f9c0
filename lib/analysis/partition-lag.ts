/** The three offsets a source reads for one partition of one consumer group. */
export interface PartitionOffsets {
  /** null when the group never committed an offset for this partition. */
  committedOffset: number | null;
  logEndOffset: number;
  logStartOffset: number;
}

/** Records that retention (or deleteRecords) removed before the group consumed them. */
export interface DataLoss {
  committedOffset: number;
  logStartOffset: number;
  lostMessages: number;
}

export interface PartitionLag {
  /** Messages between the committed offset and the log end; null when never committed. */
  lag: number | null;
  neverCommitted: boolean;
  dataLoss: DataLoss | null;
}

/**
 * Lag of one partition: logEndOffset - committedOffset, never below zero.
 *
 * - Kafka reports "no committed offset" as -1, so any negative committed offset is treated like
 *   null: the group has no position here, and a lag computed from -1 would be meaningless.
 * - The log-end offset is read in a different request than the committed offset, so a consumer
 *   that commits in between can look ahead of the log end; that is zero lag, not negative lag.
 * - committed < logStart means records were deleted before the group read them. The lag still
 *   counts from the committed offset (what Kafka's own tools report), and the loss is returned
 *   with both offsets so the operator can see how far retention overtook the consumer.
 */
export function computePartitionLag({ committedOffset, logEndOffset, logStartOffset }: PartitionOffsets): PartitionLag {
  if (committedOffset === null || committedOffset < 0) {
    return { lag: null, neverCommitted: true, dataLoss: null };
  }
  const dataLoss =
    committedOffset < logStartOffset
      ? { committedOffset, logStartOffset, lostMessages: logStartOffset - committedOffset }
      : null;
  return { lag: Math.max(0, logEndOffset - committedOffset), neverCommitted: false, dataLoss };
}
