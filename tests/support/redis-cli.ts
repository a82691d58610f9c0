import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testRedisUrl } from './test-env';

/**
 * redis-cli against the suite's Redis db, so tests compare what Lagboard reports with what
 * Redis's own client prints instead of trusting the code (or ioredis) to read replies right.
 */

const execFileAsync = promisify(execFile);
const target = new URL(testRedisUrl);
const cliConnection = [
  '-h', target.hostname, '-p', target.port || '6379', '-n', target.pathname.slice(1) || '0',
  ...(target.password ? ['-a', decodeURIComponent(target.password), '--no-auth-warning'] : []),
];

function parseCliReply(line: string): unknown {
  if (/^(\(error\)|error:)/.test(line)) {
    throw new Error(`redis-cli: ${line}`);
  }
  return JSON.parse(line);
}

/** One redis-cli command, its reply as JSON (RESP3: XINFO maps become objects, nil null). */
export async function cli(...command: string[]): Promise<unknown> {
  const { stdout } = await execFileAsync('redis-cli', [...cliConnection, '--json', ...command]);
  return parseCliReply(stdout.trim());
}

/** Plain text output, for INFO (a verbatim string, which --json does not wrap). */
export async function cliText(...command: string[]): Promise<string> {
  const { stdout } = await execFileAsync('redis-cli', [...cliConnection, ...command]);
  return stdout;
}

/**
 * Several commands in one redis-cli run (read from stdin), one JSON reply per line. Arguments
 * are quoted for redis-cli's line parser, so names with spaces or quotes pass unchanged.
 */
export async function cliBatch(commands: string[][]): Promise<unknown[]> {
  if (commands.length === 0) {
    return [];
  }
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile('redis-cli', [...cliConnection, '--json'], (error, output) => (error ? reject(error) : resolve(output)));
    child.stdin?.end(`${commands.map((command) => command.map(quoteArgument).join(' ')).join('\n')}\n`);
  });
  return stdout.trim().split('\n').map(parseCliReply);
}

function quoteArgument(argument: string): string {
  return /^[A-Za-z0-9:_.+\-()$*]+$/.test(argument) ? argument : `"${argument.replace(/(["\\])/g, '\\$1')}"`;
}

export interface CliStream {
  length: number;
  'first-entry': [string, string[]] | null;
  'last-entry': [string, string[]] | null;
  'last-generated-id': string;
  'entries-added'?: number;
  'max-deleted-entry-id'?: string;
  groups: number;
}
export interface CliGroup {
  name: string;
  consumers: number;
  pending: number;
  'last-delivered-id': string;
  'entries-read'?: number | null;
  lag?: number | null;
}
export interface CliConsumer { name: string; pending: number; idle: number; inactive?: number }
export type CliPendingSummary = [number, string | null, string | null, Array<[string, string]> | null];
export type CliPendingEntry = [string, string, number, number];
export interface CliGroupState { group: CliGroup; consumers: CliConsumer[]; summary: CliPendingSummary; detail: CliPendingEntry[] }
export interface CliState { stream: CliStream; groups: CliGroupState[] }

/** XINFO STREAM, XINFO GROUPS, and per group XINFO CONSUMERS and both XPENDING forms. */
export async function cliState(stream: string, pendingDetailLimit: number): Promise<CliState> {
  const [info, groups] = (await cliBatch([['XINFO', 'STREAM', stream], ['XINFO', 'GROUPS', stream]])) as [CliStream, CliGroup[]];
  const replies = await cliBatch(groups.flatMap((group) => [
    ['XINFO', 'CONSUMERS', stream, group.name],
    ['XPENDING', stream, group.name],
    ['XPENDING', stream, group.name, '-', '+', String(pendingDetailLimit)],
  ]));
  return {
    stream: info,
    groups: groups.map((group, index) => ({
      group,
      consumers: replies[index * 3] as CliConsumer[],
      summary: replies[index * 3 + 1] as CliPendingSummary,
      detail: replies[index * 3 + 2] as CliPendingEntry[],
    })),
  };
}

/** Entries after `id`, as `XRANGE key (id + COUNT limit+1` in redis-cli counts them. */
export async function cliEntriesAfter(stream: string, id: string, limit: number): Promise<number> {
  return ((await cli('XRANGE', stream, `(${id}`, '+', 'COUNT', String(limit + 1))) as unknown[]).length;
}
