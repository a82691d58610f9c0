import { describe, expect, it } from 'vitest';
import { totalsPerBucket } from './overview-trend';

describe('totalsPerBucket', () => {
  it('sums lag and keeps the worst lag in time per bucket, over the visible resources only', () => {
    const rows = [
      { name: 'a', bucket_ms: 2_000, lag: 10, lag_seconds: 5 },
      { name: 'b', bucket_ms: 2_000, lag: 30.4, lag_seconds: 50 },
      { name: 'hidden', bucket_ms: 2_000, lag: 1_000, lag_seconds: 900 },
      { name: 'a', bucket_ms: 1_000, lag: null, lag_seconds: null },
    ];
    // bucket 1000: only a null lag -> null; bucket 2000: 10 + 30.4 = 40.4 -> 40, worst 50 s
    expect(totalsPerBucket(rows, (name) => name !== 'hidden')).toEqual([
      { atMs: 1_000, total_lag: null, lag_seconds: null },
      { atMs: 2_000, total_lag: 40, lag_seconds: 50 },
    ]);
  });
});
