import { describe, expect, it } from 'vitest';
import { isSloMet, resolveLagThreshold, sloCompliance } from './slo';

const orders = (partition: number, lag: number | null) => ({ topic: 'orders', partition, lag });

describe('sloCompliance', () => {
  it('is the ratio of partitions with lag strictly under the threshold', () => {
    // threshold 1000: 10 ok, 999 ok, 1000 not (strict), 5000 not -> 2 / 4 = 0.5
    expect(sloCompliance([orders(0, 10), orders(1, 999), orders(2, 1000), orders(3, 5000)], 1000)).toBe(0.5);
  });

  it('is 1 when there are no partitions (nothing is behind)', () => {
    expect(sloCompliance([], 1000)).toBe(1);
  });

  it('leaves partitions with unknown lag out of both counts', () => {
    // known: 10 ok, 2000 not -> 1 / 2 = 0.5 (the null partition does not count)
    expect(sloCompliance([orders(0, 10), orders(1, null), orders(2, 2000)], 1000)).toBe(0.5);
    expect(sloCompliance([orders(0, null)], 1000)).toBe(1);
  });

  it('applies per-topic thresholds with a default', () => {
    const threshold = { byTopic: { payments: 10 }, defaultLag: 1000 };
    const readings = [
      { topic: 'payments', partition: 0, lag: 5 }, // 5 < 10 ok
      { topic: 'payments', partition: 1, lag: 50 }, // 50 >= 10 not
      { topic: 'orders', partition: 0, lag: 500 }, // default 1000: ok
      { topic: 'constructor', partition: 0, lag: 500 }, // not an inherited key: default 1000, ok
    ];
    // 3 / 4 = 0.75
    expect(sloCompliance(readings, threshold)).toBe(0.75);
  });

  it('accepts a function of the partition', () => {
    // partition 0 threshold 100 (lag 50 ok), partition 1 threshold 10 (lag 50 not) -> 1 / 2
    const threshold = ({ partition }: { partition: number }) => (partition === 0 ? 100 : 10);
    expect(sloCompliance([orders(0, 50), orders(1, 50)], threshold)).toBe(0.5);
  });
});

describe('resolveLagThreshold', () => {
  it('does not read Object.prototype for topics named like its members', () => {
    expect(resolveLagThreshold({ byTopic: {}, defaultLag: 7 }, { topic: 'toString', partition: 0 })).toBe(7);
  });
});

describe('isSloMet', () => {
  it('passes at exactly the minimum and fails just below it', () => {
    expect(isSloMet(0.95, 0.95)).toBe(true);
    expect(isSloMet(0.9499, 0.95)).toBe(false);
  });
});
