import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * PGlite is one process per folder, and nothing stops a second process from opening the same
 * folder: each then works on its own copy and the two silently diverge (a token created by
 * `npm run token:create` is unknown to the running dashboard). A lock file beside the folder
 * holding the owner's pid makes the second process fail with a clear message instead. A lock
 * left by a process that no longer runs is taken over.
 */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(readonly dataDir: string, readonly ownerPid: number) {
    super(
      `The embedded database in ${dataDir} is in use by process ${ownerPid} (a running dashboard?). ` +
        'It allows one process at a time: create API tokens on the dashboard\'s API tokens page (/settings/tokens), ' +
        'or stop the dashboard first, or use PostgreSQL (DATABASE_URL).',
    );
    this.name = 'EmbeddedDatabaseInUseError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPathFor(dataDir: string): string {
  return `${dataDir}.lock`;
}

/** Takes the folder's lock for this process; returns its release. Throws EmbeddedDatabaseInUseError. */
export function acquireFolderLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const ownerPid = Number(readFileSync(lockPath, 'utf8').trim());
      if (ownerPid === process.pid) break;
      if (Number.isInteger(ownerPid) && ownerPid > 0 && isRunning(ownerPid)) throw new EmbeddedDatabaseInUseError(dataDir, ownerPid);
      unlinkSync(lockPath);
    }
  }
  const release = () => {
    try {
      if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) unlinkSync(lockPath);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', release);
  return release;
}
