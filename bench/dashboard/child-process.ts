import { spawn, type ChildProcess } from 'node:child_process';
import { rootDirectory } from './settings';

/**
 * Child processes of the benchmark, each in its own process group, so that stopping one stops
 * everything it started (npx, next's workers, a broker's java) and a Ctrl-C is handled by the
 * cleanup in a known order instead of reaching every process at once.
 */

const liveChildren = new Set<ChildProcess>();

export interface CommandOptions {
  environment?: Record<string, string>;
  /** Prefix of every output line, e.g. "kafka 19392". */
  label: string;
  /** Lines are also passed here (the server's log file); the console gets them unless `quiet`. */
  onLine?: (line: string) => void;
  quiet?: boolean;
}

function forwardLines(stream: NodeJS.ReadableStream | null, options: CommandOptions): void {
  let pending = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      options.onLine?.(line);
      if (!options.quiet) console.log(`[${options.label}] ${line}`);
    }
  });
}

export function startCommand(command: string, args: string[], options: CommandOptions): ChildProcess {
  const child = spawn(command, args, {
    cwd: rootDirectory,
    env: { ...process.env, ...options.environment },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  child.on('exit', () => liveChildren.delete(child));
  forwardLines(child.stdout, options);
  forwardLines(child.stderr, options);
  return child;
}

/** Runs a command to its end; rejects with its last lines when it fails. */
export function runCommand(command: string, args: string[], options: CommandOptions): Promise<void> {
  const lastLines: string[] = [];
  const child = startCommand(command, args, {
    ...options,
    onLine: (line) => {
      options.onLine?.(line);
      lastLines.push(line);
      if (lastLines.length > 20) lastLines.shift();
    },
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${options.label}: "${command} ${args.join(' ')}" ended with ${signal ?? `exit code ${code}`}\n${lastLines.join('\n')}`));
    });
  });
}

/** SIGTERM to the child's whole process group, SIGKILL after `graceMs`. */
export async function stopProcessGroup(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // The group is gone already.
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** For the cleanup: whatever is still running (a build interrupted by Ctrl-C, for example). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...liveChildren].map((child) => stopProcessGroup(child, 10_000)));
}
