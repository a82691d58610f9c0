/** One member of a group and how many partitions it was assigned (0 for an idle member). */
export interface MemberAssignment {
  memberId: string;
  assignedPartitionCount: number;
}

/**
 * Partition counts per member, in first-seen order, for giniCoefficient.
 * Rows with the same memberId are added up, because an adapter may report one row per topic
 * assignment; members with no partitions stay in as 0, since an idle member is part of the
 * unfairness the index measures.
 */
export function partitionCountsPerMember(members: readonly MemberAssignment[]): number[] {
  const countByMember = new Map<string, number>();
  for (const { memberId, assignedPartitionCount } of members) {
    countByMember.set(memberId, (countByMember.get(memberId) ?? 0) + assignedPartitionCount);
  }
  return [...countByMember.values()];
}

/**
 * Gini coefficient of partition counts (seed 004): 0 = perfectly fair, 1 = completely unfair.
 *
 * Standard definition G = sum_i sum_j |x_i - x_j| / (2 n^2 mean), computed with the equivalent
 * sorted form G = sum_i (2i - n - 1) x_(i) / (n^2 mean) (i = 1..n, ascending), which is O(n log n)
 * instead of O(n^2) for groups with hundreds of members.
 *
 * - No members: null, since fairness of nobody is undefined (the caller shows "no members").
 * - One member, or all counts zero: 0, since nothing is unevenly shared.
 * - This is the raw (population) G the seed asks for. With n members its maximum is (n - 1) / n,
 *   not 1: two members, one holding everything, score 0.5. Compare against maximumGini(n) when
 *   a scale-free figure is needed; the seed's threshold (0.3) applies to the raw value.
 */
export function giniCoefficient(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  for (const value of values) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`Gini needs non-negative finite values, got ${value}`);
    }
  }
  const sortedValues = [...values].sort((left, right) => left - right);
  const count = sortedValues.length;
  const total = sortedValues.reduce((sum, value) => sum + value, 0);
  if (total === 0) {
    return 0;
  }
  let weightedSum = 0;
  sortedValues.forEach((value, index) => {
    weightedSum += (2 * (index + 1) - count - 1) * value;
  });
  // n^2 * mean = n * total.
  return weightedSum / (count * total);
}

/** Largest raw Gini possible with `memberCount` members: (n - 1) / n; 0 when there are none. */
export function maximumGini(memberCount: number): number {
  return memberCount <= 0 ? 0 : (memberCount - 1) / memberCount;
}
