import { describe, expect, it } from 'vitest';
import { computePartitionLag } from './partition-lag';

describe('computePartitionLag', () => {
  it('is log end minus committed', () => {
    // 1500 - 1200 = 300
    expect(computePartitionLag({ committedOffset: 1200, logEndOffset: 1500, logStartOffset: 0 })).toEqual({
      lag: 300,
      neverCommitted: false,
      dataLoss: null,
    });
  });

  it('is zero when the consumer is caught up', () => {
    expect(computePartitionLag({ committedOffset: 1500, logEndOffset: 1500, logStartOffset: 0 }).lag).toBe(0);
  });

  it('is zero, not negative, when the commit is newer than the log-end read', () => {
    // 1498 - 1500 = -2 -> max(0, -2) = 0
    expect(computePartitionLag({ committedOffset: 1500, logEndOffset: 1498, logStartOffset: 0 }).lag).toBe(0);
  });

  it('flags a partition that was never committed, with unknown lag', () => {
    expect(computePartitionLag({ committedOffset: null, logEndOffset: 1500, logStartOffset: 0 })).toEqual({
      lag: null,
      neverCommitted: true,
      dataLoss: null,
    });
  });

  it("treats Kafka's -1 'no offset' marker as never committed", () => {
    expect(computePartitionLag({ committedOffset: -1, logEndOffset: 1500, logStartOffset: 0 }).neverCommitted).toBe(true);
  });

  it('flags data loss when retention deleted records before they were consumed', () => {
    // lag = 1500 - 100 = 1400; lost = logStart 400 - committed 100 = 300
    expect(computePartitionLag({ committedOffset: 100, logEndOffset: 1500, logStartOffset: 400 })).toEqual({
      lag: 1400,
      neverCommitted: false,
      dataLoss: { committedOffset: 100, logStartOffset: 400, lostMessages: 300 },
    });
  });

  it('reports no data loss when the committed offset equals the log start', () => {
    expect(computePartitionLag({ committedOffset: 400, logEndOffset: 1500, logStartOffset: 400 }).dataLoss).toBeNull();
  });
});
