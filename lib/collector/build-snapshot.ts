import type { SourceAlertInput } from '@/lib/alerts/source-input';
import { findUnreachableSources } from '@/lib/analysis/source-reachability';
import type { ConsumerAnalysisSettings } from '@/lib/consumers/analysis-settings';
import type { GroupWindowPoint } from '@/lib/history/group-window';
import type { SnapshotInput, SourceErrorInput } from '@/lib/history/snapshot-input';
import { describeError, redact } from '@/lib/log';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import type { RedisObservation } from '@/lib/observations/redis';
import { RedisUnavailableError } from '@/lib/redis/errors';
import { buildKafkaSnapshotPart } from './kafka-snapshot';
import type { RecentPoints } from './recent-points';
import { buildStreamGroupRows, redisProblems } from './redis-snapshot';
import type { CollectorSources } from './sources';

export interface ObservedSources {
  kafka: { clusterId: string; observation: KafkaClusterObservation | null; error: string | null }[];
  redis: { observation: RedisObservation | null; error: string | null } | null;
}

const listedProblemLimit = 10;
const messageLengthLimit = 2_000;

/** "scope: message; …" for the first few problems, redacted and bounded. */
function summarizeProblems(problems: readonly string[]): string {
  const listed = problems.slice(0, listedProblemLimit).join('; ');
  const rest = problems.length - listedProblemLimit;
  return redact(rest > 0 ? `${listed} (and ${rest} more)` : listed).slice(0, messageLengthLimit);
}

export const kafkaSourceName = (clusterId: string) => `kafka:${clusterId}`;
export const redisSourceName = 'redis';

/** Every source the collector can lead: one per Kafka cluster, and Redis when watched. */
export function sourceNames(sources: CollectorSources): string[] {
  return [...sources.kafkaClusters.map((cluster) => kafkaSourceName(cluster.id)), ...(sources.observeRedis ? [redisSourceName] : [])];
}

/**
 * The sources in `led` observed in parallel (every source when `led` is left out); a failing
 * source becomes an error entry, never a rejection.
 */
export async function observeSources(sources: CollectorSources, led: ReadonlySet<string> | null = null): Promise<ObservedSources> {
  const isLed = (source: string) => led === null || led.has(source);
  const kafka = Promise.all(sources.kafkaClusters.filter((cluster) => isLed(kafkaSourceName(cluster.id))).map(async (cluster) => {
    try {
      return { clusterId: cluster.id, observation: await sources.observeKafka(cluster), error: null };
    } catch (error) {
      return { clusterId: cluster.id, observation: null, error: describeError(error) };
    }
  }));
  const redis = sources.observeRedis === null || !isLed(redisSourceName) ? Promise.resolve(null) : sources.observeRedis().then(
    (observation) => ({ observation, error: null }),
    // RedisUnavailableError's message names only the kind of failure (never the address).
    (error: unknown) => ({ observation: null, error: error instanceof RedisUnavailableError ? error.message : describeError(error) }),
  );
  return { kafka: await kafka, redis: await redis };
}

export interface SnapshotContext {
  takenAtMs: number;
  durationMs: number;
  settings: ConsumerAnalysisSettings;
  recent: RecentPoints;
}

export interface BuiltSnapshot {
  input: SnapshotInput;
  /** Per cluster, the point each group adds to the recent points once the snapshot is written. */
  currentPoints: Map<string, Map<string, GroupWindowPoint>>;
  /** One alert evaluation input per source (lib/alerts), evaluated once the snapshot is written. */
  alertInputs: SourceAlertInput[];
}

/** Why a Kafka cluster could not be read at all (the banner's rule), or null. */
function kafkaUnreachableReason(observation: KafkaClusterObservation | null, error: string | null): string | null {
  if (!observation) return error ?? 'no observation';
  return findUnreachableSources({ kafka: [observation], redisUnreachableReason: null })[0]?.reason ?? null;
}

export function buildSnapshot(observed: ObservedSources, context: SnapshotContext): BuiltSnapshot {
  const input: SnapshotInput = { takenAtMs: context.takenAtMs, durationMs: context.durationMs, groups: [], streamGroups: [], events: [], sourceErrors: [] };
  const currentPoints = new Map<string, Map<string, GroupWindowPoint>>();
  const alertInputs: SourceAlertInput[] = [];
  const addError = (source: string, problems: readonly string[]) => {
    if (problems.length > 0) input.sourceErrors.push({ source, message: summarizeProblems(problems) } satisfies SourceErrorInput);
  };
  for (const { clusterId, observation, error } of observed.kafka) {
    addError(`kafka:${clusterId}`, error ? [error] : (observation?.errors ?? []).map((problem) => `${problem.scope}: ${problem.message}`));
    const unreachableReason = kafkaUnreachableReason(observation, error);
    if (!observation || unreachableReason !== null) {
      alertInputs.push({ kind: 'kafka', clusterId, evaluatedAtMs: context.takenAtMs, unreachableReason, groups: null });
      if (!observation) continue;
    }
    // The snapshot's time, not the observation's wall-clock start: analyses and rows share one clock.
    const part = buildKafkaSnapshotPart({ ...observation, clusterId, observedAtMs: context.takenAtMs }, {
      settings: context.settings,
      nowMs: context.takenAtMs,
      previousPoints: (groupId) => context.recent.points(clusterId, groupId, context.takenAtMs),
    });
    input.groups.push(...part.groups);
    input.events.push(...part.events);
    currentPoints.set(clusterId, part.currentPoints);
    if (unreachableReason === null) alertInputs.push({ kind: 'kafka', clusterId, evaluatedAtMs: context.takenAtMs, unreachableReason, groups: part.alertFacts });
  }
  if (observed.redis) {
    const { observation, error } = observed.redis;
    addError('redis', error ? [error] : observation ? redisProblems(observation) : []);
    if (observation) input.streamGroups.push(...buildStreamGroupRows(observation));
    alertInputs.push({ kind: 'redis', evaluatedAtMs: context.takenAtMs, unreachableReason: observation ? null : error ?? 'no observation', observation });
  }
  return { input, currentPoints, alertInputs };
}

/** One snapshot per source: its groups, events and errors (Kafka cluster) or stream groups (Redis). */
export function splitBySource(input: SnapshotInput, observed: ObservedSources): Map<string, SnapshotInput> {
  const parts = new Map<string, SnapshotInput>();
  const part = (source: string) => {
    let found = parts.get(source);
    if (!found) {
      found = { source, takenAtMs: input.takenAtMs, durationMs: input.durationMs, groups: [], streamGroups: [], events: [], sourceErrors: [] };
      parts.set(source, found);
    }
    return found;
  };
  for (const { clusterId } of observed.kafka) part(kafkaSourceName(clusterId));
  if (observed.redis) part(redisSourceName);
  for (const group of input.groups) part(kafkaSourceName(group.clusterId)).groups.push(group);
  for (const event of input.events) part(kafkaSourceName(event.clusterId)).events.push(event);
  for (const streamGroup of input.streamGroups) part(redisSourceName).streamGroups.push(streamGroup);
  for (const error of input.sourceErrors) part(error.source).sourceErrors.push(error);
  return parts;
}
