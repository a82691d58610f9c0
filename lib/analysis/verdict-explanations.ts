import { describeDurationMs } from './stream-group-health';

/**
 * Plain-word explanations of the Burrow status and the stuck-partition check, with the numbers
 * behind them, so "ERR" or "WARN" never stands alone. Pure: the caller passes the figures it shows.
 */

export interface BurrowPartitionFacts {
  topic: string;
  partition: number;
  status: 'OK' | 'WARN' | 'STOP' | 'STALL' | 'REWIND';
  complete: number;
  current_lag: number;
  start: { offset: number; timestamp: string; lag: number | null } | null;
  end: { offset: number; timestamp: string; lag: number | null } | null;
}

export interface BurrowFacts {
  status: 'OK' | 'WARN' | 'ERR';
  /** Share of partitions whose window of commits is full. */
  complete: number;
  partitions: readonly BurrowPartitionFacts[];
}

export interface StuckFacts {
  topic: string;
  partition: number;
  committed_offset: number;
  lag_at_start: number;
  lag_at_end: number;
  since: string;
  until: string;
}

const count = (value: number) => value.toLocaleString('en-US');
const name = (partition: { topic: string; partition: number }) => `${partition.topic}-${partition.partition}`;
const plural = (amount: number, word: string) => `${amount} ${word}${amount === 1 ? '' : 's'}`;

function spanOf(partition: BurrowPartitionFacts): string {
  if (!partition.start || !partition.end) return '';
  const spanMs = Date.parse(partition.end.timestamp) - Date.parse(partition.start.timestamp);
  return spanMs > 0 ? ` over ${describeDurationMs(spanMs)}` : '';
}

function lagChange(partition: BurrowPartitionFacts): string {
  const from = partition.start?.lag;
  const to = partition.end?.lag ?? partition.current_lag;
  return from === null || from === undefined ? `lag ${count(to)} messages` : `lag ${count(from)} → ${count(to)} messages`;
}

function example(partitions: readonly BurrowPartitionFacts[], status: BurrowPartitionFacts['status']): BurrowPartitionFacts | undefined {
  return partitions.filter((partition) => partition.status === status).sort((left, right) => right.current_lag - left.current_lag)[0];
}

/** One sentence per kind of finding, worst first; the OK case says why it is OK. */
export function explainBurrowStatus(burrow: BurrowFacts): string[] {
  const byStatus = (status: BurrowPartitionFacts['status']) => burrow.partitions.filter((partition) => partition.status === status);
  const sentences: string[] = [];
  const stopped = example(burrow.partitions, 'STOP');
  if (stopped) {
    const lastCommit = stopped.end ? ` (last commit at offset ${count(stopped.end.offset)}, ${stopped.end.timestamp.slice(11, 19)} UTC)` : '';
    sentences.push(`Stopped: ${plural(byStatus('STOP').length, 'partition')} had no commit for longer than the window while messages wait, e.g. ${name(stopped)} with ${count(stopped.current_lag)} messages${lastCommit}.`);
  }
  const stalled = example(burrow.partitions, 'STALL');
  if (stalled) {
    sentences.push(`Stalled: on ${plural(byStatus('STALL').length, 'partition')} the consumer keeps committing the same offset while lag is not zero, e.g. ${name(stalled)} at offset ${count(stalled.end?.offset ?? 0)} with ${count(stalled.current_lag)} messages behind.`);
  }
  const rewound = example(burrow.partitions, 'REWIND');
  if (rewound) {
    sentences.push(`Rewound: the committed offset went backwards on ${plural(byStatus('REWIND').length, 'partition')}, e.g. ${name(rewound)}; messages are being read again.`);
  }
  const slow = example(burrow.partitions, 'WARN');
  if (slow) {
    sentences.push(`Falling behind: on ${plural(byStatus('WARN').length, 'partition')} lag grew at every commit in the window while offsets still move, so the consumer is slower than the producers, not stopped; e.g. ${name(slow)}: ${lagChange(slow)}${spanOf(slow)}.`);
  }
  if (sentences.length > 0) return sentences;
  if (burrow.partitions.length === 0) return ['No committed partitions to judge yet.'];
  if (burrow.complete < 1) {
    return [`OK so far: ${Math.round(burrow.complete * 100)} % of partitions have a full window of commits; the verdict firms up as snapshots arrive.`];
  }
  return ['OK: on every partition lag reached zero or went down at some point in the window of recent commits.'];
}

/** The stuck-partition check in words: none, or which partitions with their numbers. */
export function explainStuckPartitions(stuck: readonly StuckFacts[], windowSeconds: number): string {
  const window = describeDurationMs(windowSeconds * 1000);
  if (stuck.length === 0) return `None: no partition kept the same committed offset for ${window} while its lag rose.`;
  const first = stuck[0]!;
  const more = stuck.length > 1 ? ` and ${plural(stuck.length - 1, 'more partition')}` : '';
  return `${name(first)} stayed at offset ${count(first.committed_offset)} while lag rose ${count(first.lag_at_start)} → ${count(first.lag_at_end)} messages since ${first.since.slice(11, 19)} UTC${more}.`;
}
