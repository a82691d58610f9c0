import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const binary = 'prometheus-redis-exporter';

export function exporterAvailable(): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0;
}

async function freeLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RunningExporter {
  version: string;
  scrape(): Promise<string>;
  stop(): void;
}

/**
 * Starts the exporter on a free loopback port, watching the streams that match `pattern` in
 * db `database` (`--check-streams=db9=prefix*`: it SCANs that db for them on every scrape).
 */
export async function startExporter(redisHostPort: string, database: number, pattern: string): Promise<RunningExporter> {
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const port = await freeLoopbackPort();
  const child: ChildProcess = spawn(binary, [
    `--redis.addr=redis://${redisHostPort}`,
    `--check-streams=db${database}=${pattern}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/metrics`;
  const scrape = async () => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`exporter answered ${response.status}`);
    return response.text();
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      await scrape();
      break;
    } catch (error) {
      if (attempt >= 50) {
        child.kill();
        throw error;
      }
      await sleep(100);
    }
  }
  return {
    version: /Exporter (\S+)/.exec(`${version.stdout}${version.stderr}`)?.[1] ?? 'unknown',
    scrape,
    stop: () => {
      child.kill();
    },
  };
}
