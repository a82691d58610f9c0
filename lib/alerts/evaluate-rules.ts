import { evaluateKafkaGroups, kafkaGroupRuleIds } from './kafka-rules';
import { evaluateRedisObservation, redisObservationRuleIds } from './redis-rules';
import type { RuleContext } from './rule-context';
import { evaluateReachability } from './source-rules';
import { sourceName, type SourceAlertInput } from './source-input';
import type { AlertCondition } from './types';

export interface SourceEvaluation {
  source: string;
  conditions: AlertCondition[];
  /**
   * The rules judged this time. An open alert of the source whose rule is listed and whose key
   * has no condition has cleared; alerts of rules not judged (a source unreachable: its group
   * rules) stay as they are, because nothing is known about them.
   */
  judgedRuleIds: ReadonlySet<string>;
  /** Every judged key's figure, breached or not. */
  figures: ReadonlyMap<string, number>;
}

/** All rules of one source on its observation and analysis. Pure. */
export function evaluateSourceRules(input: SourceAlertInput, ruleContext: RuleContext): SourceEvaluation {
  const source = sourceName(input);
  const figures = new Map<string, number>();
  const context: RuleContext = { ...ruleContext, figures };
  if (input.kind === 'kafka') {
    const conditions = evaluateReachability({ kind: 'kafka', clusterId: input.clusterId }, input.unreachableReason, context);
    const judged = new Set(['kafka.source_unreachable']);
    if (input.groups !== null && input.unreachableReason === null) {
      conditions.push(...evaluateKafkaGroups(input.clusterId, input.groups, context));
      for (const ruleId of kafkaGroupRuleIds) judged.add(ruleId);
    }
    return { source, conditions, judgedRuleIds: judged, figures };
  }
  const conditions = evaluateReachability({ kind: 'redis' }, input.unreachableReason, context);
  const judged = new Set(['redis.source_unreachable']);
  if (input.observation !== null && input.unreachableReason === null) {
    conditions.push(...evaluateRedisObservation(input.observation, input.evaluatedAtMs, context));
    for (const ruleId of redisObservationRuleIds) judged.add(ruleId);
  }
  return { source, conditions, judgedRuleIds: judged, figures };
}
