import { describe, expect, it } from 'vitest';
import { recommendRedisConsumers } from './redis-scaling';

const samples = (lags: number[]) => lags.map((lag, index) => ({ observedAtMs: index * 30_000, lag }));

describe('recommendRedisConsumers', () => {
  it('sizes on lag plus pending of live consumers: (1,800 + 700) / 1,000 → 3', () => {
    const result = recommendRedisConsumers({
      lag: 1800, pending: 700, pendingOnDeadConsumers: 0, consumerCount: 2, deadConsumerCount: 0,
      lagSamples: samples([2400, 2100, 1800]), lagThresholdPerMember: 1000,
    });
    // 600 fewer in 60 s: −10/s, 1,800 left → 180 s.
    expect(result.lagGrowthPerSecond).toBe(-10);
    expect(result.trend).toBe('catching_up');
    expect(result.catchUpSeconds).toBe(180);
    expect(result.recommendedConsumers).toBe(3);
    expect(result.reason).toBe('catching up in about 3 min: backlog 2500 at 1000 per consumer → 3');
  });

  it('pending on a dead consumer is left out and named', () => {
    const result = recommendRedisConsumers({
      lag: 0, pending: 41, pendingOnDeadConsumers: 41, consumerCount: 2, deadConsumerCount: 1,
      lagSamples: samples([0, 0]), lagThresholdPerMember: 1000,
    });
    expect(result.scalableBacklog).toBe(0);
    expect(result.recommendedConsumers).toBe(1);
    expect(result.reason).toBe('41 entries pending on 1 dead consumer: claim or acknowledge them; adding consumers will not help');
  });

  it('a growing small lag asks for one more live consumer', () => {
    const result = recommendRedisConsumers({
      lag: 300, pending: 1, pendingOnDeadConsumers: 0, consumerCount: 2, deadConsumerCount: 0,
      lagSamples: samples([0, 150, 300]), lagThresholdPerMember: 1000,
    });
    expect(result.lagGrowthPerSecond).toBe(5);
    expect(result.trend).toBe('falling_behind');
    expect(result.recommendedConsumers).toBe(3);
    expect(result.reason).toBe('falling behind: lag grows by 5.0 entries/s');
  });
});
