import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { giniCoefficient } from '@/lib/analysis/fairness';
import { loadConfig } from '@/lib/config';
import { closeKafkaConnections, observeKafkaCluster, type KafkaClusterObservation, type KafkaGroupObservation } from '@/lib/kafka';
import { startKafkaDemoScenarios, type RunningScenario } from '@/lib/kafka/workload';
import { testKafkaBrokers, uniqueName } from '../support/test-env';

// The demo workload must produce what the dashboard is meant to explain, as Kafka reports it:
// a group that keeps up, one whose lag grows, one that stopped (Empty, committed offsets), one
// with a skewed assignment, and a KIP-848 `consumer` group.

const cluster = { id: uniqueName('demo-scenarios'), brokers: testKafkaBrokers };
const namePrefix = uniqueName('demo');
const groupIds = {
  healthy: `${namePrefix}-billing-healthy`,
  slow: `${namePrefix}-fraud-scoring-slow`,
  stopped: `${namePrefix}-audit-archiver-stopped`,
  unfair: `${namePrefix}-order-enricher-unfair`,
  consumerProtocol: `${namePrefix}-shipping-kip848`,
};
let demo: RunningScenario | null = null;

afterAll(async () => {
  await demo?.stop();
  await closeKafkaConnections();
});

function observe(): Promise<KafkaClusterObservation> {
  return observeKafkaCluster(cluster, { requestTimeoutMs: 5_000 });
}

function group(observation: KafkaClusterObservation, groupId: string): KafkaGroupObservation {
  const found = observation.groups.find((candidate) => candidate.groupId === groupId);
  expect(found, groupId).toBeDefined();
  return found as KafkaGroupObservation;
}

function totalLag(observation: KafkaClusterObservation, groupId: string): number {
  const ends = new Map(observation.topics.flatMap((topic) =>
    topic.partitions.map((partition) => [`${topic.name}:${partition.partition}`, partition.logEndOffset ?? 0] as const)));
  return group(observation, groupId).committedOffsets
    .reduce((sum, offset) => sum + (ends.get(`${offset.topic}:${offset.partition}`) ?? 0) - offset.committedOffset, 0);
}

describe('startKafkaDemoScenarios', () => {
  it('runs every scenario and stops them all', { timeout: 180_000 }, async () => {
    demo = await startKafkaDemoScenarios({ brokers: testKafkaBrokers, namePrefix });
    const live = [groupIds.healthy, groupIds.slow, groupIds.unfair, groupIds.consumerProtocol];
    let first = await observe();
    for (let attempt = 0; attempt < 45; attempt++) {
      const ready = live.every((groupId) => first.groups.find((candidate) => candidate.groupId === groupId)?.state === 'Stable')
        && first.groups.some((candidate) => candidate.groupId === groupIds.stopped);
      if (ready) {
        break;
      }
      await sleep(1_000);
      first = await observe();
    }
    await sleep(6_000);
    const second = await observe();
    expect(second.errors).toEqual([]);

    for (const groupId of live) {
      expect(group(second, groupId).state, groupId).toBe('Stable');
    }
    expect(group(second, groupIds.consumerProtocol).groupType).toBe('consumer');
    expect(group(second, groupIds.consumerProtocol).members.every((member) => (member.memberEpoch ?? 0) > 0)).toBe(true);
    for (const groupId of [groupIds.healthy, groupIds.slow, groupIds.unfair]) {
      expect(group(second, groupId).groupType).toBe('classic');
    }

    // Slow: more behind than before, and more behind than the healthy group.
    expect(totalLag(second, groupIds.slow)).toBeGreaterThan(totalLag(first, groupIds.slow));
    expect(totalLag(second, groupIds.slow)).toBeGreaterThan(totalLag(second, groupIds.healthy));

    // Stopped: no members, committed offsets kept, lag growing with the producer.
    const stopped = group(second, groupIds.stopped);
    expect(stopped.state).toBe('Empty');
    expect(stopped.members).toEqual([]);
    expect(stopped.committedOffsets.length).toBeGreaterThan(0);
    expect(totalLag(second, groupIds.stopped)).toBeGreaterThan(totalLag(first, groupIds.stopped));

    // Unfair: above the configured fairness threshold (seed 004 FAIRNESS_GINI_MAX).
    const unfair = group(second, groupIds.unfair);
    expect(unfair.members).toHaveLength(3);
    const gini = giniCoefficient(unfair.members.map((member) => member.assignedPartitions.length));
    expect(gini).toBeGreaterThan(loadConfig({}).thresholds.fairnessGiniMax);

    await demo.stop();
    demo = null;
    const afterStop = await observe();
    for (const groupId of Object.values(groupIds)) {
      expect(group(afterStop, groupId).state, groupId).toBe('Empty');
    }
  });
});
