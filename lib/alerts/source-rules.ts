import { findAlertRule } from './rule-catalog';
import { judge, type RuleContext } from './rule-context';
import type { AlertCondition } from './types';

/** `kafka.source_unreachable` or `redis.source_unreachable`: value 1 while the source cannot be reached. */
export function evaluateReachability(
  source: { kind: 'kafka'; clusterId: string } | { kind: 'redis' },
  unreachableReason: string | null,
  context: RuleContext,
): AlertCondition[] {
  const rule = findAlertRule(`${source.kind}.source_unreachable`);
  if (!rule) return [];
  const sourceName = source.kind === 'kafka' ? `kafka:${source.clusterId}` : 'redis';
  const subject = source.kind === 'kafka' ? `Kafka cluster “${source.clusterId}”` : 'Redis';
  const condition = judge(rule, {
    source: sourceName,
    clusterId: source.kind === 'kafka' ? source.clusterId : null,
    groupId: null,
    topic: null,
    stream: null,
    resourceKey: 'source',
    topics: [],
    ownership: null,
  }, unreachableReason === null ? 0 : 1, context, () => `${subject} is unreachable: ${unreachableReason ?? ''}`);
  return condition ? [condition] : [];
}
