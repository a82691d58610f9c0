import { describe, expect, it } from 'vitest';
import { giniCoefficient, maximumGini, partitionCountsPerMember } from './fairness';

describe('giniCoefficient', () => {
  it('is 0 for an even assignment', () => {
    expect(giniCoefficient([1, 1, 1])).toBe(0);
  });

  it('is 2/3 when one of three members holds everything', () => {
    // ordered pairs with |xi - xj| = 3: (1,3),(3,1),(2,3),(3,2) -> sum 12
    // n = 3, mean = 1: 12 / (2 * 9 * 1) = 2/3 (= the maximum (n-1)/n for n = 3)
    expect(giniCoefficient([0, 0, 3])).toBeCloseTo(2 / 3, 12);
  });

  it('is 0.25 for 1,2,3,4', () => {
    // unordered |differences|: 1,2,3,1,2,1 = 10 -> ordered sum 20; n = 4, mean = 2.5
    // 20 / (2 * 16 * 2.5) = 20 / 80 = 0.25
    expect(giniCoefficient([1, 2, 3, 4])).toBeCloseTo(0.25, 12);
  });

  it('is 3/14 for 2,5', () => {
    // ordered sum |2-5| + |5-2| = 6; n = 2, mean = 3.5: 6 / (2 * 4 * 3.5) = 6 / 28 = 3/14 ≈ 0.2143
    expect(giniCoefficient([2, 5])).toBeCloseTo(3 / 14, 12);
  });

  it('does not depend on input order', () => {
    expect(giniCoefficient([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
  });

  it('is 0 for one member and for all zeros, null for no members', () => {
    expect(giniCoefficient([7])).toBe(0);
    expect(giniCoefficient([0, 0, 0])).toBe(0);
    expect(giniCoefficient([])).toBeNull();
  });

  it('rejects negative and non-finite counts', () => {
    expect(() => giniCoefficient([1, -1])).toThrow(RangeError);
    expect(() => giniCoefficient([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('maximumGini', () => {
  it('is (n - 1) / n', () => {
    // n = 2: 1/2; n = 4: 3/4; n = 0: 0
    expect(maximumGini(2)).toBe(0.5);
    expect(maximumGini(4)).toBe(0.75);
    expect(maximumGini(0)).toBe(0);
    // two members, one holding everything: raw G reaches the maximum 0.5, not 1
    expect(giniCoefficient([0, 6])).toBe(maximumGini(2));
  });
});

describe('partitionCountsPerMember', () => {
  it('keeps idle members as 0 and adds up rows of the same member', () => {
    const counts = partitionCountsPerMember([
      { memberId: 'a', assignedPartitionCount: 2 },
      { memberId: 'b', assignedPartitionCount: 0 },
      { memberId: 'a', assignedPartitionCount: 1 },
    ]);
    expect(counts).toEqual([3, 0]);
    // [3, 0]: ordered sum 6, n = 2, mean 1.5 -> 6 / (2 * 4 * 1.5) = 0.5
    expect(giniCoefficient(counts)).toBe(0.5);
  });
});
