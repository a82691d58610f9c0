import { setTimeout as sleep } from 'node:timers/promises';
import { Consumer, type MessagesStream } from '@platformatic/kafka';
import { rangeAssigner } from './range-assignor';

export type GroupProtocol = 'classic' | 'consumer';

export interface ConsumerMemberOptions {
  brokers: string[];
  groupId: string;
  topics: string[];
  /** `classic` (JoinGroup/SyncGroup, client-side range assignor) or `consumer` (KIP-848 heartbeats). */
  groupProtocol: GroupProtocol;
  clientId?: string;
  /** Time spent on each message before it counts as processed: makes a slow group. */
  processingDelayMs?: number;
  /** How often processed offsets are committed. */
  commitIntervalMs?: number;
  /** Process this many messages, commit them, then hold: the member stays in the group, its lag stops moving. */
  maxMessages?: number;
}

export interface ConsumerMember {
  readonly groupId: string;
  memberId(): string | null;
  processedCount(): number;
  /** True while processed offsets wait for, or are in, a commit. */
  hasUncommittedWork(): boolean;
  stop(): Promise<void>;
}

type Stream = MessagesStream<Buffer, Buffer, Buffer, Buffer>;

function groupProtocolOptions(protocol: GroupProtocol) {
  return protocol === 'consumer'
    // The library checks rebalanceTimeout >= sessionTimeout (default 60 s) for both protocols.
    ? { groupProtocol: 'consumer' as const, sessionTimeout: 10_000, rebalanceTimeout: 15_000 }
    : {
      groupProtocol: 'classic' as const,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      rebalanceTimeout: 15_000,
      protocols: [{ name: 'range', version: 0 }],
      partitionAssigner: rangeAssigner,
    };
}

/**
 * One member of a consumer group that reads from the committed offset (earliest when none),
 * processes messages one by one and commits what it processed every `commitIntervalMs`.
 */
export async function startConsumerMember(options: ConsumerMemberOptions): Promise<ConsumerMember> {
  const consumer = new Consumer({
    clientId: options.clientId ?? `lagboard-workload-${options.groupProtocol}`,
    bootstrapBrokers: options.brokers,
    groupId: options.groupId,
    autocommit: false,
    maxWaitTime: 500,
    ...groupProtocolOptions(options.groupProtocol),
  });
  // The library emits rejoin failures as 'error' events; unhandled they would end the process.
  consumer.on('error', () => undefined);

  let stopping = false;
  let processed = 0;
  let stream: Stream | null = null;
  let releaseHold: () => void = () => undefined;
  const hold = new Promise<void>((resolve) => { releaseHold = resolve; });
  let committing = false;
  const uncommitted = new Map<string, { topic: string; partition: number; offset: bigint }>();

  async function commitProcessed(): Promise<void> {
    const owned = new Set((consumer.assignments ?? []).flatMap(({ topic, partitions }) => partitions.map((partition) => `${topic}:${partition}`)));
    const offsets = [...uncommitted.entries()].filter(([key]) => owned.has(key));
    // Partitions taken away by a rebalance belong to another member now: never commit for them.
    uncommitted.clear();
    if (offsets.length === 0) {
      return;
    }
    committing = true;
    try {
      await consumer.commit({ offsets: offsets.map(([, offset]) => ({ ...offset, leaderEpoch: -1 })) });
    } catch {
      for (const [key, offset] of offsets) {
        if (!uncommitted.has(key)) {
          uncommitted.set(key, offset);
        }
      }
    } finally {
      committing = false;
    }
  }

  async function consumeUntilStopped(): Promise<void> {
    while (!stopping) {
      try {
        stream = await consumer.consume({ topics: options.topics, mode: 'committed', fallbackMode: 'earliest', autocommit: false });
        stream.on('error', () => undefined);
        for await (const message of stream) {
          if (stopping) {
            break;
          }
          if (options.maxMessages !== undefined && processed >= options.maxMessages) {
            await hold;
            break;
          }
          if (options.processingDelayMs) {
            await sleep(options.processingDelayMs);
          }
          processed++;
          uncommitted.set(`${message.topic}:${message.partition}`, { topic: message.topic, partition: message.partition, offset: message.offset + 1n });
        }
      } catch {
        // The stream failed (rebalance, broker restart): start a new one unless stopping.
      }
      if (!stopping) {
        await sleep(1_000);
      }
    }
  }

  let commitChain = Promise.resolve();
  const commitTimer = setInterval(() => {
    commitChain = commitChain.then(commitProcessed);
  }, options.commitIntervalMs ?? 1_000);
  const loop = consumeUntilStopped();

  return {
    groupId: options.groupId,
    memberId: () => consumer.memberId,
    processedCount: () => processed,
    hasUncommittedWork: () => committing || uncommitted.size > 0,
    async stop() {
      if (stopping) {
        return;
      }
      stopping = true;
      clearInterval(commitTimer);
      releaseHold();
      await commitChain;
      await commitProcessed();
      await (stream as Stream | null)?.close().catch(() => undefined);
      await loop;
      // Forced: open streams are closed too. Errors while leaving do not matter any more.
      await new Promise<void>((resolve) => consumer.close(true, () => resolve()));
    },
  };
}
