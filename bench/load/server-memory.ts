import { readdirSync, readFileSync } from 'node:fs';

/**
 * The dashboard's resident memory from /proc: VmRSS of the `next start` process and of every
 * process under it (Next may serve from a child), summed, so nothing it runs is left out.
 */

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 4 after the command, which is in parentheses and may hold spaces.
    const afterCommand = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(afterCommand[1]);
  } catch {
    return null;
  }
}

function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function descendantsOf(rootPid: number): number[] {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

export interface MemorySample {
  atMs: number;
  /** Sum over the server process and its descendants. */
  rssBytes: number;
  processes: number;
}

export function sampleServerMemory(rootPid: number): MemorySample {
  const pids = descendantsOf(rootPid);
  return { atMs: Date.now(), rssBytes: pids.reduce((sum, pid) => sum + residentBytes(pid), 0), processes: pids.length };
}
