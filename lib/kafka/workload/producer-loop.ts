import { randomUUID } from 'node:crypto';
import { Producer, stringSerializers } from '@platformatic/kafka';

function createProducer(brokers: string[], clientId: string): Producer<string, string, string, string> {
  return new Producer({ clientId, bootstrapBrokers: brokers, serializers: stringSerializers });
}

/** Sends `count` messages to one topic at once; to one partition when `partition` is given. */
export async function produceMessages(options: {
  brokers: string[];
  topic: string;
  count: number;
  partition?: number;
}): Promise<void> {
  const producer = createProducer(options.brokers, 'lagboard-workload-producer');
  try {
    const messages = Array.from({ length: options.count }, (_unused, index) => ({
      topic: options.topic,
      key: randomUUID(),
      value: JSON.stringify({ index, producedAtMs: Date.now() }),
      ...(options.partition === undefined ? {} : { partition: options.partition }),
    }));
    await producer.send({ messages });
  } finally {
    await producer.close();
  }
}

export interface ProducerLoop {
  producedCount(): number;
  stop(): Promise<void>;
}

const tickMs = 100;

/**
 * Produces to `topics` in turn at about `messagesPerSecond` until stopped. Keys are random, so
 * the default partitioner spreads messages over all partitions. A slow broker makes it fall
 * behind rather than pile up sends: at most two seconds of budget are kept.
 */
export async function startProducerLoop(options: {
  brokers: string[];
  topics: string[];
  messagesPerSecond: number;
  clientId?: string;
}): Promise<ProducerLoop> {
  const producer = createProducer(options.brokers, options.clientId ?? 'lagboard-workload-producer');
  let produced = 0;
  let budget = 0;
  let topicIndex = 0;
  let inFlight: Promise<void> | null = null;
  let lastTickMs = Date.now();
  const timer = setInterval(() => {
    const nowMs = Date.now();
    budget = Math.min(budget + (options.messagesPerSecond * (nowMs - lastTickMs)) / 1000, options.messagesPerSecond * 2);
    lastTickMs = nowMs;
    const count = Math.floor(budget);
    if (inFlight || count === 0) {
      return;
    }
    budget -= count;
    const messages = Array.from({ length: count }, () => ({
      topic: options.topics[topicIndex++ % options.topics.length] as string,
      key: randomUUID(),
      value: JSON.stringify({ producedAtMs: nowMs }),
    }));
    inFlight = producer.send({ messages })
      .then(() => { produced += count; })
      .catch(() => undefined) // a failed batch is dropped; the loop goes on
      .finally(() => { inFlight = null; });
  }, tickMs);
  return {
    producedCount: () => produced,
    async stop() {
      clearInterval(timer);
      await inFlight;
      await producer.close().catch(() => undefined);
    },
  };
}
