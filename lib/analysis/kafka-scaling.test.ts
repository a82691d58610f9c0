import { describe, expect, it } from 'vitest';
import { recommendKafkaMembers, type ScalingPartitionInput } from './kafka-scaling';

// Two observations 60 s apart; each partition given as (committed, log end) at t0 and t1.
function partition(index: number, committed: [number, number], logEnd: [number, number], owned = true): ScalingPartitionInput {
  return {
    topic: 'orders',
    partition: index,
    lag: logEnd[1] - committed[1],
    owned,
    committedOffsets: [{ observedAtMs: 0, value: committed[0] }, { observedAtMs: 60_000, value: committed[1] }],
    logEndOffsets: [{ observedAtMs: 0, value: logEnd[0] }, { observedAtMs: 60_000, value: logEnd[1] }],
  };
}

describe('recommendKafkaMembers', () => {
  it('KEDA sizing: lag 2,500 over 4 partitions at 1,000 per member → ceil(2.5) = 3, catching up', () => {
    // Produced 600 in 60 s (10/s); consumed 1,200 (20/s): the 2,500 lag shrinks by 10/s → 250 s.
    const result = recommendKafkaMembers({
      memberCount: 2,
      lagThresholdPerMember: 1000,
      partitions: [
        partition(0, [0, 300], [1000, 1150]),
        partition(1, [0, 300], [1000, 1150]),
        partition(2, [0, 300], [600, 750]),
        partition(3, [0, 300], [400, 550]),
      ],
    });
    expect(result.totalLag).toBe(850 + 850 + 450 + 250);
    expect(result.productionRatePerSecond).toBe(10);
    expect(result.consumptionRatePerSecond).toBe(20);
    expect(result.trend).toBe('catching_up');
    expect(result.catchUpSeconds).toBe(240);
    expect(result.recommendedMembers).toBe(3);
    expect(result.reason).toBe('catching up in about 4 min at the current rates: lag 2400 at 1000 per member → 3 members');
  });

  it('never more members than partitions', () => {
    const result = recommendKafkaMembers({
      memberCount: 1,
      lagThresholdPerMember: 100,
      partitions: [partition(0, [0, 100], [3000, 3100]), partition(1, [0, 100], [3000, 3100])],
    });
    // ceil(6,000 / 100) = 60, two partitions → 2.
    expect(result.recommendedMembers).toBe(2);
    expect(result.reason).toContain('capped at the partition count (2)');
  });

  it('a stuck partition is left out of the lag: its owner does not advance, more members cannot help', () => {
    const result = recommendKafkaMembers({
      memberCount: 2,
      lagThresholdPerMember: 1000,
      partitions: [partition(0, [500, 500], [5000, 5100]), partition(1, [0, 60], [60, 120]), partition(2, [0, 60], [60, 120])],
    });
    expect(result.stuckPartitions).toEqual([{ topic: 'orders', partition: 0 }]);
    expect(result.scalableLag).toBe(120);
    expect(result.recommendedMembers).toBe(1);
    expect(result.reason).toContain('partition orders-0 is stuck (lag without progress): fix the consumer; adding members will not help');
  });

  it('an unowned partition of an empty group is not stuck: starting members would consume it', () => {
    const result = recommendKafkaMembers({
      memberCount: 0,
      lagThresholdPerMember: 1000,
      partitions: [partition(0, [100, 100], [2100, 2200], false), partition(1, [100, 100], [1100, 1200], false)],
    });
    expect(result.stuckPartitions).toEqual([]);
    expect(result.trend).toBe('falling_behind');
    expect(result.recommendedMembers).toBe(2);
  });

  it('one hot partition: one member for it, the rest by KEDA, and the reason says more will not help', () => {
    const result = recommendKafkaMembers({
      memberCount: 3,
      lagThresholdPerMember: 1000,
      partitions: [partition(0, [0, 600], [9000, 9600]), partition(1, [0, 60], [60, 160]), partition(2, [0, 60], [60, 160]), partition(3, [0, 60], [60, 160])],
    });
    // Lag 9,000 + 3 × 100; 9,000 / 9,300 = 97 %: 1 + ceil(300 / 1,000) = 2 instead of ceil(9.3) = 10 → 4.
    expect(result.hotPartition).toEqual({ topic: 'orders', partition: 0, lagShare: 9000 / 9300 });
    expect(result.recommendedMembers).toBe(2);
    expect(result.reason).toBe('one hot partition (orders-0 holds 97 % of the lag): adding members will not help it');
  });

  it('falling behind with a small lag: at least the members that consume as fast as production', () => {
    // 1 member consumes 5/s, 12/s are produced: ceil(1 × 12 / 5) = 3 although the lag (420) is below one threshold.
    const result = recommendKafkaMembers({
      memberCount: 1,
      lagThresholdPerMember: 1000,
      partitions: [partition(0, [0, 100], [0, 240]), partition(1, [0, 100], [0, 240]), partition(2, [0, 100], [0, 240])],
    });
    expect(result.productionRatePerSecond).toBe(12);
    expect(result.consumptionRatePerSecond).toBe(5);
    expect(result.trend).toBe('falling_behind');
    expect(result.recommendedMembers).toBe(3);
    expect(result.reason).toBe('falling behind: 12.0 msg/s produced, 5.0 msg/s consumed');
  });

  it('idle group: no lag, nothing produced → 0 members; one observation only → rates unknown', () => {
    const idle = recommendKafkaMembers({ memberCount: 1, lagThresholdPerMember: 1000, partitions: [partition(0, [50, 50], [50, 50])] });
    expect(idle.recommendedMembers).toBe(0);
    expect(idle.trend).toBe('caught_up');
    expect(idle.reason).toBe('no lag and no new messages: no member needed');
    const single = recommendKafkaMembers({
      memberCount: 1,
      lagThresholdPerMember: 1000,
      partitions: [{ topic: 't', partition: 0, lag: 1500, owned: true, committedOffsets: [{ observedAtMs: 0, value: 0 }], logEndOffsets: [{ observedAtMs: 0, value: 1500 }] }],
    });
    expect(single.productionRatePerSecond).toBeNull();
    expect(single.trend).toBe('unknown');
    expect(single.recommendedMembers).toBe(1);
  });
});
