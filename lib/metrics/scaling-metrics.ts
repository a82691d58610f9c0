import 'server-only';
import { groupLagsByGroupId } from '@/lib/analysis';
import { getConfig } from '@/lib/config';
import { analysisSettingsFrom } from '@/lib/consumers/analysis-settings';
import { groupScaling } from '@/lib/consumers/group-scaling';
import { scalingInputOf, streamGroupScaling } from '@/lib/events/stream-group-scaling';
import { getGroupHistoryWindow } from '@/lib/history';
import { groupWindowPoint } from '@/lib/history/group-window';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import type { RedisObservation } from '@/lib/observations/redis';
import { TtlCache } from '@/lib/cache/ttl-cache';
import type { LagboardGauges } from './registry';

// Window reads per scrape run a few at a time, so a cluster with thousands of groups does not
// open thousands of database queries at once.
const concurrency = 4;

async function inBatches<Item>(items: readonly Item[], work: (item: Item) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += concurrency) {
    await Promise.all(items.slice(start, start + concurrency).map(work));
  }
}

// One window read per group is a database query each; the history changes once per snapshot, so
// the recommendations of a cluster are computed at most once per SNAPSHOT_INTERVAL_MS (or per source
// cache TTL, whichever is longer), whatever the scrape interval and the number of scrapers.
const cacheStore = globalThis as unknown as { lagboardScalingCache?: TtlCache<Map<string, number>> };

function scalingCache(): TtlCache<Map<string, number>> {
  const config = getConfig();
  cacheStore.lagboardScalingCache ??= new TtlCache(Math.max(config.sourceCacheTtlMs, config.history.snapshotIntervalMs));
  return cacheStore.lagboardScalingCache;
}

/**
 * lagboard_group_recommended_members{cluster,group}: the group page's recommendation, for KEDA or an HPA.
 * Computed for every group (one cache per cluster, whoever scrapes) and exported only for `visibleGroupIds`.
 */
export async function recordKafkaScaling(gauges: LagboardGauges, observation: KafkaClusterObservation, visibleGroupIds: ReadonlySet<string>): Promise<void> {
  const recommended = await scalingCache().get(observation.clusterId, () => computeKafkaScaling(observation));
  for (const [groupId, members] of recommended) {
    if (!visibleGroupIds.has(groupId)) continue;
    gauges.groupRecommendedMembers.set({ cluster: observation.clusterId, group: groupId }, members);
  }
}

async function computeKafkaScaling(observation: KafkaClusterObservation): Promise<Map<string, number>> {
  const recommended = new Map<string, number>();
  const config = getConfig();
  const lookbackMs = analysisSettingsFrom(config).lookbackMs;
  const window = getGroupHistoryWindow();
  const groups = observation.groups.filter((group) => group.committedOffsets.length > 0 || group.members.length > 0);
  const lags = groupLagsByGroupId(observation);
  await inBatches(groups, async (group) => {
    const groupLag = lags.get(group.groupId);
    if (!groupLag) return;
    const stored = await window.recentPoints(observation.clusterId, group.groupId, observation.observedAtMs - lookbackMs).catch(() => []);
    const points = stored.filter((point) => point.observedAtMs < observation.observedAtMs);
    points.push(groupWindowPoint(groupLag, group.generationOrEpoch, observation.observedAtMs));
    recommended.set(group.groupId, groupScaling(groupLag, points, config.scaling.lagThresholdPerMember).recommended_members);
  });
  return recommended;
}

/** lagboard_redis_group_recommended_consumers{stream,consumer_group}, only for `visibleStreams`. */
export async function recordRedisScaling(gauges: LagboardGauges, observation: RedisObservation, visibleStreams: ReadonlySet<string>): Promise<void> {
  const recommended = await scalingCache().get('\u0000redis', () => computeRedisScaling(observation));
  for (const [key, consumers] of recommended) {
    const [stream = '', consumerGroup = ''] = key.split('\u0000');
    if (!visibleStreams.has(stream)) continue;
    gauges.redisGroupRecommendedConsumers.set({ stream, consumer_group: consumerGroup }, consumers);
  }
}

async function computeRedisScaling(observation: RedisObservation): Promise<Map<string, number>> {
  const deadConsumerIdleMs = getConfig().streamMonitoring.deadConsumerIdleMs;
  const groups = observation.streams.flatMap((stream) => stream.groups.map((group) => ({ stream: stream.name, group })));
  const recommended = new Map<string, number>();
  await inBatches(groups, async ({ stream, group }) => {
    const scaling = await streamGroupScaling(scalingInputOf(stream, group, deadConsumerIdleMs, observation.observedAtMs));
    recommended.set(`${stream}\u0000${group.name}`, scaling.recommended_consumers);
  });
  return recommended;
}
