// The demo's live workload: Kafka topics and consumer groups in every situation Lagboard
// explains, and the seeds' Redis streams with a consumer falling behind and one leaving
// pending entries. Runs until interrupted.
import { startKafkaDemoScenarios } from '@/lib/kafka/workload';
import { startRedisDemoScenarios } from '@/lib/redis/workload';
import { getConfig } from '@/lib/config';

async function main(): Promise<void> {
  const config = getConfig();
  const stoppers: Array<{ stop(): Promise<void> }> = [];
  if (process.env.DEMO_KAFKA !== '0') {
    const cluster = config.kafka.clusters[0];
    if (cluster) {
      stoppers.push(await startKafkaDemoScenarios({ brokers: cluster.brokers }));
      console.log(`demo-workload: Kafka scenarios running on cluster "${cluster.id}"`);
    }
  }
  if (process.env.DEMO_REDIS !== '0') {
    stoppers.push(await startRedisDemoScenarios({
      redisUrl: config.redis.url,
      streams: config.eventTransport.streams,
      group: config.eventTransport.consumerGroup,
    }));
    console.log('demo-workload: Redis stream scenarios running');
  }
  const stop = async () => {
    await Promise.allSettled(stoppers.map((stopper) => stopper.stop()));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`demo-workload: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
