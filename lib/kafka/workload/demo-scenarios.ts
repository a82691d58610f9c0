import { startProducerLoop } from './producer-loop';
import {
  startConsumerProtocolGroup,
  startHealthyGroup,
  startSlowGroup,
  startStoppedGroup,
  startUnfairGroup,
  type RunningScenario,
} from './scenarios';
import { ensureTopics } from './topics';

export interface KafkaDemoOptions {
  brokers: string[];
  /** Prepended to every topic and group name (with a `-`), so several demos can share a broker. */
  namePrefix?: string;
  /** Spread evenly over the three topics. */
  messagesPerSecond?: number;
}

/**
 * Every situation the dashboard explains, on three topics (orders 6 partitions, payments 4,
 * audit 3): a healthy classic group, a slow one whose lag grows, a stopped one (Empty, with
 * committed offsets), an unfair one (range assignor, skewed subscriptions) and a KIP-848
 * `consumer` group. One producer feeds all topics. `stop()` ends everything.
 */
export async function startKafkaDemoScenarios(options: KafkaDemoOptions): Promise<RunningScenario> {
  const name = (base: string) => (options.namePrefix ? `${options.namePrefix}-${base}` : base);
  const orders = name('orders');
  const payments = name('payments');
  const audit = name('audit');
  const { brokers } = options;
  await ensureTopics(brokers, [
    { name: orders, partitions: 6 },
    { name: payments, partitions: 4 },
    { name: audit, partitions: 3 },
  ]);
  const producer = await startProducerLoop({ brokers, topics: [orders, payments, audit], messagesPerSecond: options.messagesPerSecond ?? 30 });
  const started = await Promise.allSettled([
    startHealthyGroup({ brokers, groupId: name('billing-healthy'), topics: [orders, payments] }),
    // 250 ms per message is 4 messages/s; orders receives a third of the producer's rate.
    startSlowGroup({ brokers, groupId: name('fraud-scoring-slow'), topics: [orders], processingDelayMs: 250 }),
    startUnfairGroup({ brokers, groupId: name('order-enricher-unfair'), topics: [orders, payments, audit] }),
    startConsumerProtocolGroup({ brokers, groupId: name('shipping-kip848'), topics: [orders, payments] }),
    startStoppedGroup({ brokers, groupId: name('audit-archiver-stopped'), topics: [audit], messagesToConsume: 30 }),
  ]);
  const groups = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = async () => {
    await Promise.allSettled(groups.map((group) => group.stop()));
    await producer.stop();
  };
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }
  return { stop };
}
