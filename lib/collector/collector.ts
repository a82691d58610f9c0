import type { ConsumerAnalysisSettings } from '@/lib/consumers/analysis-settings';
import type { DatabaseClient } from '@/lib/db/create-client';
import { OutageLog } from '@/lib/history/outage-log';
import { readWindowPoints } from '@/lib/history/read-window-points';
import { applyRetention, type RetentionResult } from '@/lib/history/retention';
import { deleteExpiredRedisServerSamples, writeRedisServerSample } from '@/lib/history/redis-server/write-sample';
import { rollUpClosedBuckets, type RollupResult } from '@/lib/history/rollup';
import { writeSnapshot, type WrittenSnapshot } from '@/lib/history/write-snapshot';
import { describeError, log } from '@/lib/log';
import { buildSnapshot, observeSources } from './build-snapshot';
import type { Clock } from './clock';
import { LostLeadershipError, type LeaderElection } from './leader-election';
import { RecentPoints } from './recent-points';
import type { CollectorSources } from './sources';

export interface CollectorOptions {
  /** The database, opened lazily and retried on every pass (it may be down when we start). */
  database: () => Promise<DatabaseClient>;
  election: LeaderElection;
  sources: CollectorSources;
  clock: Clock;
  intervalMs: number;
  retentionRawMs: number;
  retentionRollupMs: number;
  analysis: ConsumerAnalysisSettings;
}

export type PassOutcome =
  | { role: 'leader'; takenAtMs: number; snapshot: WrittenSnapshot; rollup: RollupResult | null; retention: RetentionResult }
  | { role: 'follower' }
  | { role: 'failed'; error: string };

/**
 * Takes one snapshot per interval when it is the leader. Every pass: keep or try to take the
 * leadership, observe every source, analyse, write the snapshot in one transaction, then roll up
 * closed buckets and apply retention. A failing pass is logged once per outage and retried on the
 * next interval; the collector itself never stops on an error.
 */
export class Collector {
  private readonly recent: RecentPoints;
  private readonly outage: OutageLog;
  /** Whether `recent` mirrors the database (false after a start, a failure or a leadership change). */
  private seeded = false;
  private cancelTimer: (() => void) | null = null;
  private running: Promise<PassOutcome> | null = null;
  private stopped = true;

  constructor(private readonly options: CollectorOptions) {
    this.recent = new RecentPoints(options.analysis.lookbackMs);
    this.outage = new OutageLog('collector.pass', () => options.clock.nowMs());
  }

  /** One pass now. Concurrent calls share the pass in progress. */
  runOnce(): Promise<PassOutcome> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Runs a pass now and then every interval, on the injected clock, until `stop`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = (): void => {
      const startedAtMs = this.options.clock.nowMs();
      void this.runOnce().then(() => {
        if (this.stopped) return;
        const elapsedMs = this.options.clock.nowMs() - startedAtMs;
        this.cancelTimer = this.options.clock.schedule(loop, Math.max(0, this.options.intervalMs - elapsedMs));
      });
    };
    loop();
  }

  /** Stops scheduling, waits for the pass in progress and gives up the leadership. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.running?.catch(() => undefined);
    await this.options.election.release();
    this.seeded = false;
  }

  private async pass(): Promise<PassOutcome> {
    try {
      const prisma = await this.options.database();
      if (!(await this.options.election.ensureLeadership())) {
        this.seeded = false;
        this.outage.succeeded();
        return { role: 'follower' };
      }
      const outcome = await this.lead(prisma);
      this.outage.succeeded();
      return outcome;
    } catch (error) {
      // Memory may no longer match the database (a write that failed, another leader meanwhile).
      this.seeded = false;
      if (error instanceof LostLeadershipError) {
        log.warn('collector.leadership_lost', { reason: error.message });
        return { role: 'follower' };
      }
      this.outage.failed(error);
      return { role: 'failed', error: describeError(error) };
    }
  }

  private async lead(prisma: DatabaseClient): Promise<PassOutcome> {
    const takenAtMs = this.options.clock.nowMs();
    if (!this.seeded) await this.seedRecentPoints(prisma, takenAtMs);
    const startedAt = performance.now();
    const observed = await observeSources(this.options.sources);
    const built = buildSnapshot(observed, { takenAtMs, durationMs: performance.now() - startedAt, settings: this.options.analysis, recent: this.recent });
    const snapshot = await writeSnapshot(prisma, built.input, { fence: (sql) => this.options.election.fence(sql) });
    const redisServer = observed.redis?.observation?.server;
    if (redisServer) await writeRedisServerSample(prisma, takenAtMs, redisServer);
    for (const [clusterId, points] of built.currentPoints) this.recent.append(clusterId, points, takenAtMs);
    const rollup = await rollUpClosedBuckets(prisma, takenAtMs);
    const retention = await applyRetention(prisma, {
      nowMs: takenAtMs,
      retentionRawMs: this.options.retentionRawMs,
      retentionRollupMs: this.options.retentionRollupMs,
    });
    await deleteExpiredRedisServerSamples(prisma, takenAtMs - this.options.retentionRawMs);
    return { role: 'leader', takenAtMs, snapshot, rollup, retention };
  }

  /** After a start or a takeover: the recent points come from what the previous leader stored. */
  private async seedRecentPoints(prisma: DatabaseClient, nowMs: number): Promise<void> {
    this.recent.clear();
    for (const cluster of this.options.sources.kafkaClusters) {
      this.recent.replace(cluster.id, await readWindowPoints(prisma, cluster.id, null, nowMs - this.options.analysis.lookbackMs));
    }
    this.seeded = true;
  }
}
