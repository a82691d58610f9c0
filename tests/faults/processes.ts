import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rootDirectory } from './settings';

/**
 * Child processes of the fault suite, each in its own process group, so that stopping one stops
 * everything it started (npx, tsx, next's workers) and nothing else on the machine.
 */

const live = new Set<ChildProcess>();

export interface Started {
  child: ChildProcess;
  lines: string[];
  log: WriteStream;
}

export function startProcess(command: string, args: string[], environment: Record<string, string>, logFile: string): Started {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { cwd: rootDirectory, env: { ...process.env, ...environment }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  live.add(child);
  child.on('exit', () => live.delete(child));
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      log.write(chunk);
      pending += chunk;
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      lines.push(...complete);
    });
  }
  return { child, lines, log };
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

export async function signalGroup(child: ChildProcess, signal: NodeJS.Signals, graceMs = 10_000): Promise<void> {
  if (!isRunning(child) || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const send = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // Already gone.
    }
  };
  send(signal);
  const timer = setTimeout(() => send('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...live].map((child) => signalGroup(child, 'SIGTERM')));
}

/** Runs a command to its end; rejects with its output when it fails. */
export function runCommand(command: string, args: string[], environment: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: rootDirectory, env: { ...process.env, ...environment }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${output.slice(-2000)}`))));
  });
}
