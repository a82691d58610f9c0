import { entryAgeMs } from '@/lib/events/entry-id-time';
import type { RedisObservation, RedisStreamGroupObservation, RedisStreamObservation } from '@/lib/observations/redis';
import { findAlertRule, type AlertRuleDefinition } from './rule-catalog';
import { judge, type RuleContext, type RuleResource } from './rule-context';
import type { AlertCondition } from './types';

function rule(id: string): AlertRuleDefinition {
  const found = findAlertRule(id);
  if (!found) throw new Error(`alerts: unknown rule ${id}`);
  return found;
}

const groupLagRule = rule('redis.group_lag');
const pendingRule = rule('redis.pending_high');
const staleRule = rule('redis.stream_stale');
const deadConsumerRule = rule('redis.dead_consumer');
const memoryRule = rule('redis.memory_high');

export const redisObservationRuleIds = [groupLagRule.id, pendingRule.id, staleRule.id, deadConsumerRule.id, memoryRule.id];

/** Redis's lag, else the counted estimate; null when neither is known (never read as 0). */
function groupLag(group: RedisStreamGroupObservation): number | null {
  return group.lag ?? group.lagEstimate?.entries ?? null;
}

/**
 * Seconds the stream has been stale for this group: the newest entry's age (no new entries),
 * or, when entries wait for the group, the age of the last entry it was given (no progress).
 */
export function staleSeconds(stream: RedisStreamObservation, group: RedisStreamGroupObservation, nowMs: number): number | null {
  const newestAgeMs = entryAgeMs(stream.lastEntryId, nowMs);
  const lag = groupLag(group);
  const deliveredAgeMs = lag !== null && lag > 0 ? entryAgeMs(group.lastDeliveredId, nowMs) : null;
  const ages = [newestAgeMs, deliveredAgeMs].filter((age): age is number => age !== null);
  return ages.length === 0 ? null : Math.max(...ages) / 1000;
}

/** Every violated Redis rule of one observation (stream groups, consumers, memory). Pure. */
export function evaluateRedisObservation(observation: RedisObservation, nowMs: number, context: RuleContext): AlertCondition[] {
  const conditions: AlertCondition[] = [];
  const add = (condition: AlertCondition | null) => {
    if (condition) conditions.push(condition);
  };
  for (const stream of observation.streams) {
    if (!stream.exists || stream.error) continue;
    const ownership = context.ownership('redis_stream', stream.name, null);
    for (const group of stream.groups) {
      if (group.error) continue;
      const resource: RuleResource = {
        source: 'redis', clusterId: null, groupId: group.name, topic: null, stream: stream.name,
        resourceKey: `stream:${stream.name}|group:${group.name}`, topics: [], ownership,
      };
      const where = `${stream.name} / ${group.name}`;
      add(judge(groupLagRule, resource, groupLag(group), context, (value, threshold) => `Lag ${value} on ${where} (threshold ${threshold})`));
      add(judge(pendingRule, resource, group.pending, context, (value, threshold) => `${value} pending on ${where} (threshold ${threshold})`));
      add(judge(staleRule, resource, staleSeconds(stream, group, nowMs), context, (value, threshold) => `No new entries or no progress on ${where} for ${value} (threshold ${threshold})`));
      for (const consumer of group.consumers) {
        // Only a consumer holding entries can be dead: an idle one with nothing pending is just idle.
        const idleSeconds = consumer.pending > 0 ? consumer.idleMs / 1000 : null;
        add(judge(deadConsumerRule, { ...resource, resourceKey: `${resource.resourceKey}|consumer:${consumer.name}` }, idleSeconds, context,
          (value, threshold) => `Consumer ${consumer.name} on ${where} holds ${consumer.pending.toLocaleString('en-US')} pending and is idle ${value} (threshold ${threshold})`));
      }
    }
  }
  const server = observation.server;
  const memoryRatio = server && server.maxMemoryBytes > 0 ? server.usedMemoryBytes / server.maxMemoryBytes : null;
  add(judge(memoryRule, { source: 'redis', clusterId: null, groupId: null, topic: null, stream: null, resourceKey: 'server', topics: [], ownership: null },
    memoryRatio, context, (value, threshold) => `Redis memory ${value} of maxmemory (threshold ${threshold})`));
  return conditions;
}
