import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { testKafkaPort } from './test-env';

/**
 * Kafka's own kafka-consumer-groups tool, run with the project's jars, and a parser of its
 * tables: the reference every lag figure of lib/kafka and the API is compared with.
 */

const run = promisify(execFile);
const script = path.resolve(__dirname, '..', '..', 'scripts', 'kafka-tool.sh');

export type ToolRow = Record<string, string>;

/** `candidates` longest first, so a group id that is a prefix of another (with a space) is not taken for it. */
function groupAtLineStart(line: string, candidates: readonly string[]): string | null {
  return candidates.find((groupId) => line.startsWith(`${groupId} `)) ?? null;
}

/**
 * Every table row as column -> value. Columns are split on whitespace, because the tool pads
 * them but lets long values overflow; group ids may contain spaces, so a row that starts with
 * one of `groupIds` takes it whole as its GROUP. "COORDINATOR (ID)" is one column whose values
 * look like "127.0.0.1:19092  (1)": it becomes COORDINATOR-HOST and COORDINATOR-ID.
 */
export function parseConsumerGroupsOutput(stdout: string, groupIds: readonly string[] = []): ToolRow[] {
  const rows: ToolRow[] = [];
  const candidates = [...groupIds].sort((left, right) => right.length - left.length);
  let header: string[] | null = null;
  for (const line of stdout.split('\n').map((text) => text.trim())) {
    if (line === '' || line.startsWith('Consumer group ')) {
      continue;
    }
    if (line.startsWith('GROUP ')) {
      header = line.replace('COORDINATOR (ID)', 'COORDINATOR-HOST COORDINATOR-ID').split(/\s+/);
      continue;
    }
    const groupId = groupAtLineStart(line, candidates);
    const tokens = groupId === null ? line.split(/\s+/) : [groupId, ...line.slice(groupId.length).trim().split(/\s+/)];
    if (!header || tokens.length !== header.length) {
      throw new Error(`unexpected kafka-consumer-groups line: ${line}`);
    }
    rows.push(Object.fromEntries(header.map((column, index) => [column, tokens[index] as string])));
  }
  return rows;
}

/** Runs the tool with its arguments against the suite's broker and returns stdout. */
export async function runConsumerGroupsTool(
  toolArguments: string[],
  timeoutMs = 120_000,
  broker: { port: number; version?: string } = { port: testKafkaPort },
): Promise<string> {
  // The tool of the broker's own release: the reference speaks the broker's protocol versions.
  const versionEnvironment = broker.version ? { KAFKA_VERSION: broker.version } : {};
  const { stdout } = await run('bash', [script, 'consumer-groups', '--bootstrap-server', `127.0.0.1:${broker.port}`, ...toolArguments], {
    env: { ...process.env, KAFKA_PORT: String(broker.port), ...versionEnvironment },
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

/** kafka-consumer-groups --describe for the groups (plus flags such as --members --verbose), parsed. */
export async function describeWithKafkaTool(groupIds: string[], ...flags: string[]): Promise<ToolRow[]> {
  const stdout = await runConsumerGroupsTool(['--describe', ...groupIds.flatMap((groupId) => ['--group', groupId]), ...flags]);
  return parseConsumerGroupsOutput(stdout, groupIds);
}

/** "topicA:0,1;topicB:2" -> ["topicA:0", "topicA:1", "topicB:2"] sorted; "-" -> none. */
export function parseToolAssignment(text: string | undefined): string[] {
  if (!text || text === '-') {
    return [];
  }
  return text.split(';').flatMap((topicPart) => {
    const separator = topicPart.lastIndexOf(':');
    const topic = topicPart.slice(0, separator);
    return topicPart.slice(separator + 1).split(',').map((partition) => `${topic}:${partition}`);
  }).sort();
}

/** The per-partition figures the API reports, as compared with the tool. */
export interface ComparedPartition {
  topic: string;
  partition: number;
  committed_offset: number | null;
  log_end_offset: number | null;
  lag: number | null;
}

/** The tool prints "-" for an unknown offset or lag. */
function toolNumber(text: string | undefined): number | null {
  return text === undefined || text === '-' ? null : Number(text);
}

/**
 * Every difference between the API's partitions of one group and the tool's offset rows for it;
 * [] when they agree. The tool lists the partitions a group committed or is assigned, so each of
 * its rows must match the API, and every partition the API reports as committed must be listed.
 * Partitions the API adds (never committed, unassigned: flagged) have no row to compare with.
 */
export function differencesFromTool(groupId: string, partitions: readonly ComparedPartition[], rows: readonly ToolRow[]): string[] {
  const toolRows = rows.filter((row) => row.GROUP === groupId);
  const byKey = new Map(partitions.map((partition) => [`${partition.topic}:${partition.partition}`, partition]));
  const listedKeys = new Set(toolRows.map((row) => `${row.TOPIC}:${row.PARTITION}`));
  const differences: string[] = [];
  for (const row of toolRows) {
    const key = `${row.TOPIC}:${row.PARTITION}`;
    const partition = byKey.get(key);
    if (!partition) {
      differences.push(`${key}: listed by the tool, missing from the API`);
      continue;
    }
    const expected: Record<string, number | null> = {
      committed_offset: toolNumber(row['CURRENT-OFFSET']),
      log_end_offset: toolNumber(row['LOG-END-OFFSET']),
      lag: toolNumber(row.LAG),
    };
    for (const [field, value] of Object.entries(expected)) {
      const actual = partition[field as keyof ComparedPartition];
      if (actual !== value) {
        differences.push(`${key} ${field}: API ${String(actual)}, tool ${String(value)}`);
      }
    }
  }
  for (const [key, partition] of byKey) {
    if (partition.committed_offset !== null && !listedKeys.has(key)) {
      differences.push(`${key}: committed in the API, not listed by the tool`);
    }
  }
  return differences;
}
