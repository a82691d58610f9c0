import { setTimeout as sleep } from 'node:timers/promises';
import { startConsumerMember, type ConsumerMember, type ConsumerMemberOptions } from './consumer-member';

export interface RunningScenario {
  stop(): Promise<void>;
}

export interface GroupScenarioOptions {
  brokers: string[];
  groupId: string;
  topics: string[];
}

export interface RunningGroup extends RunningScenario {
  members: ConsumerMember[];
}

type MemberSpecification = Omit<ConsumerMemberOptions, 'brokers' | 'groupId'>;

async function startGroup(brokers: string[], groupId: string, specifications: MemberSpecification[]): Promise<RunningGroup> {
  const members = await Promise.all(specifications.map((specification) =>
    startConsumerMember({ brokers, groupId, ...specification })));
  return {
    members,
    async stop() {
      await Promise.all(members.map((member) => member.stop()));
    },
  };
}

/** Classic members that keep up: no processing delay, commits every second. */
export function startHealthyGroup(options: GroupScenarioOptions & { memberCount?: number }): Promise<RunningGroup> {
  const specification: MemberSpecification = { topics: options.topics, groupProtocol: 'classic', clientId: 'healthy-worker' };
  return startGroup(options.brokers, options.groupId, Array.from({ length: options.memberCount ?? 2 }, () => specification));
}

/** One classic member that spends `processingDelayMs` per message: slower than the producer, lag grows. */
export function startSlowGroup(options: GroupScenarioOptions & { processingDelayMs?: number }): Promise<RunningGroup> {
  return startGroup(options.brokers, options.groupId, [
    { topics: options.topics, groupProtocol: 'classic', clientId: 'slow-worker', processingDelayMs: options.processingDelayMs ?? 250 },
  ]);
}

/**
 * Skewed classic assignment: three members with the range assignor, the first subscribed to
 * every topic, the other two only to the first topic. With topics of 6, 4 and 3 partitions the
 * counts are 9, 2, 2 (Gini about 0.36).
 */
export function startUnfairGroup(options: GroupScenarioOptions): Promise<RunningGroup> {
  const [firstTopic] = options.topics;
  if (!firstTopic) {
    throw new Error('startUnfairGroup needs at least one topic');
  }
  return startGroup(options.brokers, options.groupId, [
    { topics: options.topics, groupProtocol: 'classic', clientId: 'unfair-busy-worker' },
    { topics: [firstTopic], groupProtocol: 'classic', clientId: 'unfair-idle-worker' },
    { topics: [firstTopic], groupProtocol: 'classic', clientId: 'unfair-idle-worker' },
  ]);
}

/** KIP-848 `consumer` group: members heartbeat with ConsumerGroupHeartbeat, the broker assigns. */
export function startConsumerProtocolGroup(options: GroupScenarioOptions & { memberCount?: number; processingDelayMs?: number }): Promise<RunningGroup> {
  const specification: MemberSpecification = {
    topics: options.topics,
    groupProtocol: 'consumer',
    clientId: 'kip848-worker',
    processingDelayMs: options.processingDelayMs,
  };
  return startGroup(options.brokers, options.groupId, Array.from({ length: options.memberCount ?? 2 }, () => specification));
}

/**
 * A group that consumed and committed `messagesToConsume` messages (or whatever arrived within
 * `timeoutMs`), then lost all its members: it stays as an Empty group with committed offsets,
 * and its lag grows with every message produced afterwards. Resolves once the members have left.
 */
export async function startStoppedGroup(options: GroupScenarioOptions & {
  messagesToConsume: number;
  groupProtocol?: 'classic' | 'consumer';
  timeoutMs?: number;
}): Promise<RunningScenario> {
  const group = await startGroup(options.brokers, options.groupId, [{
    topics: options.topics,
    groupProtocol: options.groupProtocol ?? 'classic',
    clientId: 'stopped-worker',
    maxMessages: options.messagesToConsume,
    commitIntervalMs: 200,
  }]);
  const deadlineMs = Date.now() + (options.timeoutMs ?? 60_000);
  const settled = () => group.members.every((member) => member.processedCount() >= options.messagesToConsume && !member.hasUncommittedWork());
  while (!settled() && Date.now() < deadlineMs) {
    await sleep(200);
  }
  await group.stop();
  return { stop: async () => undefined };
}
