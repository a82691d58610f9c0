import { evaluateSnapshotAlerts } from '@/lib/alerts/evaluate-snapshot';
import { sourceName as alertSourceName } from '@/lib/alerts/source-input';
import type { ConsumerAnalysisSettings } from '@/lib/consumers/analysis-settings';
import type { DatabaseClient } from '@/lib/db/create-client';
import { OutageLog } from '@/lib/history/outage-log';
import { readWindowPoints } from '@/lib/history/read-window-points';
import { applyRetention, type RetentionResult } from '@/lib/history/retention';
import { deleteExpiredRedisServerSamples, writeRedisServerSample } from '@/lib/history/redis-server/write-sample';
import { rollUpClosedBuckets, type RollupResult } from '@/lib/history/rollup';
import type { SnapshotInput } from '@/lib/history/snapshot-input';
import { writeSnapshot, type WrittenSnapshot } from '@/lib/history/write-snapshot';
import { describeError, log } from '@/lib/log';
import { buildSnapshot, kafkaSourceName, observeSources, redisSourceName, sourceNames, splitBySource, type ObservedSources } from './build-snapshot';
import type { Clock } from './clock';
import { currentInstance, renewLease, type CollectorInstance } from './lease';
import { LostLeadershipError, type LeaderElection } from './leader-election';
import { readNewestSnapshotMsBySource } from './newest-snapshot';
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
  /** Called (never awaited) after each pass that this collector led, e.g. to deliver alert notifications. */
  afterLeaderPass?: () => void;
  /**
   * Buckets are rolled up this long after they close, so a bucket's last samples from collectors
   * of other sources (on their own schedule) are in before it is rolled up. 0 with one collector.
   */
  rollupGraceMs?: number;
  /** Who this collector is, as `/api/v1/history/status` shows it; this process by default. */
  instance?: CollectorInstance;
}

/** What a source's listeners get once its snapshot is written (see `onSourceSnapshot`). */
export interface SourceSnapshotAnalysis {
  takenAtMs: number;
  /** The source's part of the snapshot: per group the analysis results, events and errors. */
  snapshot: SnapshotInput;
  written: WrittenSnapshot;
}

/** The observation of one source, as the collector took it (null with `error` when it failed). */
export type SourceObservation = ObservedSources['kafka'][number] | NonNullable<ObservedSources['redis']>;

export type SourceSnapshotListener = (source: string, observation: SourceObservation, analysis: SourceSnapshotAnalysis) => void | Promise<void>;

export interface WrittenSource {
  source: string;
  snapshot: WrittenSnapshot;
}

export type PassOutcome =
  | { role: 'leader'; takenAtMs: number; sources: WrittenSource[]; rollup: RollupResult | null; retention: RetentionResult }
  | { role: 'follower' }
  /** Leading, but one interval has not passed since the newest snapshot (a takeover, a late pass). */
  | { role: 'waiting'; newestSnapshotAtMs: number }
  | { role: 'failed'; error: string };

/**
 * Takes one snapshot per interval of each source it leads. Every pass: keep or try to take the
 * leadership of every source (one lock per Kafka cluster and one for Redis, so several instances
 * split the sources), observe the led sources, analyse, write each source's snapshot in its own
 * transaction, run the source's listeners, then roll up closed buckets and apply retention. A
 * failing pass is logged once per outage and retried on the next interval; the collector itself
 * never stops on an error.
 */
/** Timer jitter: a snapshot this much early still counts as one interval after the previous one. */
const intervalToleranceFraction = 0.05;

export class Collector {
  private readonly recent: RecentPoints;
  private readonly outage: OutageLog;
  private readonly instance: CollectorInstance;
  private readonly listeners = new Set<SourceSnapshotListener>();
  /** Clusters whose recent points mirror the database (not after a start, a failure or a takeover). */
  private readonly seededClusters = new Set<string>();
  /** Per led source, since when this collector leads it. */
  private readonly leadingSinceMs = new Map<string, number>();
  private cancelTimer: (() => void) | null = null;
  private running: Promise<PassOutcome> | null = null;
  private stopped = true;

  constructor(private readonly options: CollectorOptions) {
    this.recent = new RecentPoints(options.analysis.lookbackMs);
    this.outage = new OutageLog('collector.pass', () => options.clock.nowMs());
    this.instance = options.instance ?? currentInstance();
  }

  /**
   * Runs `listener` after each snapshot this collector writes, once per source, with the source's
   * observation and analysis (alert evaluation hooks in here: it then runs only for the sources
   * this instance leads). A listener that throws is logged; it never fails the pass. Returns a
   * function that removes the listener.
   */
  onSourceSnapshot(listener: SourceSnapshotListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The sources this collector led on its latest pass. */
  get ledSources(): string[] {
    return [...this.leadingSinceMs.keys()].sort();
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

  /** Stops scheduling, waits for the pass in progress and gives up every leadership. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.running?.catch(() => undefined);
    await this.options.election.release();
    this.forgetLeadership();
  }

  private forgetLeadership(): void {
    this.seededClusters.clear();
    this.leadingSinceMs.clear();
  }

  private async pass(): Promise<PassOutcome> {
    // The snapshot's time is the pass's start on the collector's cadence, not after the lock and
    // database waits: a slow lock check then cannot put two snapshots of one writer into one interval.
    const takenAtMs = this.options.clock.nowMs();
    try {
      const prisma = await this.options.database();
      const led = await this.electSources();
      if (led.size === 0) {
        this.outage.succeeded();
        return { role: 'follower' };
      }
      const outcome = await this.lead(prisma, led, takenAtMs);
      if (outcome.role === 'leader') this.options.afterLeaderPass?.();
      this.outage.succeeded();
      return outcome;
    } catch (error) {
      // Memory may no longer match the database (a write that failed, another leader meanwhile).
      this.forgetLeadership();
      this.outage.failed(error);
      return { role: 'failed', error: describeError(error) };
    }
  }

  /** The sources this collector leads for this pass; a source lost since the last pass is forgotten. */
  private async electSources(): Promise<Set<string>> {
    const nowMs = this.options.clock.nowMs();
    const led = await this.options.election.elect(sourceNames(this.options.sources));
    for (const source of sourceNames(this.options.sources)) {
      if (led.has(source)) {
        if (!this.leadingSinceMs.has(source)) this.leadingSinceMs.set(source, nowMs);
      } else {
        this.leadingSinceMs.delete(source);
        this.seededClusters.delete(source);
      }
    }
    return led;
  }

  private async lead(prisma: DatabaseClient, ledSources: ReadonlySet<string>, takenAtMs: number): Promise<PassOutcome> {
    // After a takeover or a restart the previous leader of a source may have written moments ago,
    // and a pass that waited long for its lock starts late: never two snapshots of a source within
    // one interval.
    const newestBySource = await readNewestSnapshotMsBySource(prisma);
    const led = new Set<string>();
    let newestWaitingMs: number | null = null;
    for (const source of ledSources) {
      const newestMs = newestBySource(source);
      const sinceNewestMs = newestMs === null ? null : takenAtMs - newestMs;
      if (newestMs !== null && sinceNewestMs !== null && sinceNewestMs >= 0 && sinceNewestMs < this.options.intervalMs * (1 - intervalToleranceFraction)) {
        newestWaitingMs = Math.max(newestWaitingMs ?? newestMs, newestMs);
      } else {
        led.add(source);
      }
    }
    if (led.size === 0 && newestWaitingMs !== null) return { role: 'waiting', newestSnapshotAtMs: newestWaitingMs };
    await this.seedRecentPoints(prisma, led, takenAtMs);
    const startedAt = performance.now();
    const observed = await observeSources(this.options.sources, led);
    const built = buildSnapshot(observed, { takenAtMs, durationMs: performance.now() - startedAt, settings: this.options.analysis, recent: this.recent });
    const written: WrittenSource[] = [];
    for (const [source, snapshot] of splitBySource(built.input, observed)) {
      const result = await this.writeSource(prisma, source, snapshot);
      if (!result) continue;
      written.push({ source, snapshot: result });
      const clusterId = observed.kafka.find((entry) => kafkaSourceName(entry.clusterId) === source)?.clusterId;
      const points = clusterId === undefined ? undefined : built.currentPoints.get(clusterId);
      if (clusterId !== undefined && points) this.recent.append(clusterId, points, takenAtMs);
      // Alerts of this source only, fenced by its lock: an instance evaluates what it leads.
      const alertInputs = built.alertInputs.filter((input) => alertSourceName(input) === source);
      await evaluateSnapshotAlerts(prisma, alertInputs, { fence: (sql) => this.options.election.fence(source, sql) });
      const redisServer = source === redisSourceName ? observed.redis?.observation?.server : undefined;
      if (redisServer) await writeRedisServerSample(prisma, takenAtMs, redisServer);
      await this.notify(source, observed, { takenAtMs, snapshot, written: result });
    }
    if (written.length === 0) return { role: 'follower' };
    const rollup = await rollUpClosedBuckets(prisma, takenAtMs - (this.options.rollupGraceMs ?? 0));
    const retention = await applyRetention(prisma, {
      nowMs: takenAtMs,
      retentionRawMs: this.options.retentionRawMs,
      retentionRollupMs: this.options.retentionRollupMs,
    });
    await deleteExpiredRedisServerSamples(prisma, takenAtMs - this.options.retentionRawMs);
    return { role: 'leader', takenAtMs, sources: written, rollup, retention };
  }

  /** Writes one source's snapshot; null when the source was lost to another collector meanwhile. */
  private async writeSource(prisma: DatabaseClient, source: string, snapshot: SnapshotInput): Promise<WrittenSnapshot | null> {
    try {
      return await writeSnapshot(prisma, snapshot, {
        fence: (sql) => this.options.election.fence(source, sql),
        afterWrite: (sql) => renewLease(sql, { source, instance: this.instance, sinceMs: this.leadingSinceMs.get(source) ?? snapshot.takenAtMs, nowMs: snapshot.takenAtMs }),
      });
    } catch (error) {
      if (!(error instanceof LostLeadershipError)) throw error;
      log.warn('collector.leadership_lost', { source, reason: error.message });
      this.leadingSinceMs.delete(source);
      this.seededClusters.delete(source);
      return null;
    }
  }

  private async notify(source: string, observed: ObservedSources, analysis: SourceSnapshotAnalysis): Promise<void> {
    const observation: SourceObservation | undefined = source === redisSourceName
      ? observed.redis ?? undefined
      : observed.kafka.find((entry) => kafkaSourceName(entry.clusterId) === source);
    if (!observation) return;
    for (const listener of this.listeners) {
      try {
        await listener(source, observation, analysis);
      } catch (error) {
        log.warn('collector.listener_failed', { source, error: describeError(error) });
      }
    }
  }

  /** After a start or a takeover: a cluster's recent points come from what its previous leader stored. */
  private async seedRecentPoints(prisma: DatabaseClient, led: ReadonlySet<string>, nowMs: number): Promise<void> {
    for (const cluster of this.options.sources.kafkaClusters) {
      const source = kafkaSourceName(cluster.id);
      if (!led.has(source) || this.seededClusters.has(source)) continue;
      this.recent.replace(cluster.id, await readWindowPoints(prisma, cluster.id, null, nowMs - this.options.analysis.lookbackMs));
      this.seededClusters.add(source);
    }
  }
}
