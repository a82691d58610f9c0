import type { RedisConsumerObservation } from '@/lib/observations/redis';

/**
 * A consumer that holds pending entries and has not even tried to read for `idleThresholdMs`
 * (XINFO CONSUMERS `idle` counts from its last attempted interaction, so a live consumer
 * blocked in XREADGROUP stays near 0). Its entries wait until someone XCLAIMs them; they are
 * candidates, not proof: the process may be stuck in a long handler.
 */
export function isDeadConsumerCandidate(consumer: RedisConsumerObservation, idleThresholdMs: number): boolean {
  return consumer.pending > 0 && consumer.idleMs >= idleThresholdMs;
}

/** Candidates first by pending entries held, then by idle time, largest first. */
export function findDeadConsumerCandidates(consumers: readonly RedisConsumerObservation[], idleThresholdMs: number): RedisConsumerObservation[] {
  return consumers
    .filter((consumer) => isDeadConsumerCandidate(consumer, idleThresholdMs))
    .sort((left, right) => right.pending - left.pending || right.idleMs - left.idleMs);
}
