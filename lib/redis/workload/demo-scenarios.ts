import { Redis } from 'ioredis';
import { toRedisUnavailableError } from '../errors';
import { acknowledge, ensureGroup, entryIdsOf } from './builders';
import { repeat } from './repeat';

export interface RedisDemoScenarioOptions {
  redisUrl: string;
  /** The first stream gets the consumer that falls behind, the second the one that never acks. */
  streams?: string[];
  group?: string;
  /** Prepended to every stream name, so tests can run the scenarios in isolation. */
  keyPrefix?: string;
}

export interface RedisDemoScenarios {
  streams: string[];
  group: string;
  /** Stops producing and consuming and closes the connections; the data stays. */
  stop(): Promise<void>;
}

const maxStreamLength = 10_000;
const tickMs = 250;
/** instance-3 reads for the first 20 s of the demo, then goes idle. */
const instanceThreeLastTick = 80;

/**
 * The seeds' event streams in the situations Lagboard explains, in one consumer group. One
 * clock drives every role (each on its own connection) in a fixed order, so which consumer
 * gets which entries does not depend on timer races:
 * - a producer adds 8 entries/s to the first stream (events:chat), 4/s to the second and 3/s
 *   to the others, trimmed with MAXLEN ~ 10000;
 * - instance-3 reads 2 entries/s from the second stream (events:ticket) for 20 s and never
 *   acknowledges them, then stops: its pending entries stay and its idle time grows;
 * - instance-1 reads and acknowledges at once on every stream, so it has nothing pending,
 *   but on the first stream it takes a fixed batch of 4 entries/s;
 * - instance-2 helps on the first stream slowly (1 entry every 2 s, acknowledged on its next
 *   round), so the group's lag there grows by about 3.5 entries/s.
 */
export async function startRedisDemoScenarios(options: RedisDemoScenarioOptions): Promise<RedisDemoScenarios> {
  const group = options.group ?? 'signalr-consumers';
  const streams = (options.streams ?? ['events:chat', 'events:ticket', 'events:remote'])
    .map((stream) => `${options.keyPrefix ?? ''}${stream}`);
  const [behindStream, unackedStream] = streams;
  const connections: Redis[] = [];
  const connect = async (role: string) => {
    const connection = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectionName: `lagboard-demo:${options.keyPrefix ?? ''}${role}` });
    connection.on('error', () => undefined);
    connections.push(connection);
    await connection.connect();
    return connection;
  };
  const reportedReasons = new Set<string>();
  const report = (role: string) => (error: unknown) => {
    // Once per kind of failure, and without the URL that ioredis messages carry.
    const reason = `${role}: ${error instanceof Error && error.name === 'ReplyError' ? error.message : toRedisUnavailableError(error).message}`;
    if (!reportedReasons.has(reason)) {
      reportedReasons.add(reason);
      console.warn(`redis demo ${reason}`);
    }
  };

  try {
    const producer = await connect('producer');
    for (const stream of streams) {
      await ensureGroup(producer, stream, group, '$');
    }
    const [instanceOne, instanceTwo, instanceThree] = await Promise.all([connect('instance-1'), connect('instance-2'), connect('instance-3')]);

    const produce = async (tick: number) => {
      const pipeline = producer.pipeline();
      streams.forEach((stream, index) => {
        const perTick = index === 0 ? 2 : index === 1 || tick % 4 !== 3 ? 1 : 0;
        for (let entry = 0; entry < perTick; entry += 1) {
          pipeline.xadd(stream, 'MAXLEN', '~', maxStreamLength, '*', 'type', 'demo.event', 'tick', String(tick), 'producedAtMs', String(Date.now()));
        }
      });
      await pipeline.exec();
    };

    const neverAck = async (tick: number) => {
      if (unackedStream && tick <= instanceThreeLastTick && tick % 2 === 0) {
        await instanceThree.xreadgroup('GROUP', group, 'instance-3', 'COUNT', 1, 'STREAMS', unackedStream, '>');
      }
    };

    const keepUp = async (tick: number) => {
      if (tick % 2 !== 0) {
        return;
      }
      for (const stream of streams) {
        const count = stream === behindStream ? 2 : 100;
        const ids = entryIdsOf(await instanceOne.xreadgroup('GROUP', group, 'instance-1', 'COUNT', count, 'STREAMS', stream, '>'));
        await acknowledge(instanceOne, stream, group, ids);
      }
    };

    let slowBatch: string[] = [];
    const fallBehind = async (tick: number) => {
      if (!behindStream || tick % 8 !== 0) {
        return;
      }
      await acknowledge(instanceTwo, behindStream, group, slowBatch);
      slowBatch = entryIdsOf(await instanceTwo.xreadgroup('GROUP', group, 'instance-2', 'COUNT', 1, 'STREAMS', behindStream, '>'));
    };

    const roles: Array<[string, (tick: number) => Promise<void>]> = [
      ['producer', produce], ['instance-3', neverAck], ['instance-1', keepUp], ['instance-2', fallBehind],
    ];
    let tick = 0;
    const clock = repeat(tickMs, async () => {
      for (const [role, step] of roles) {
        await step(tick).catch(report(role));
      }
      tick += 1;
    }, report('clock'));
    return {
      streams,
      group,
      async stop() {
        await clock.stop();
        await closeAll(connections);
      },
    };
  } catch (error) {
    await closeAll(connections);
    throw error;
  }
}

async function closeAll(connections: Redis[]): Promise<void> {
  await Promise.all(connections.map(async (connection) => {
    try {
      await connection.quit();
    } catch {
      connection.disconnect();
    }
  }));
}
