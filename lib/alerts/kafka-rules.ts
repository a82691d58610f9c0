import { sloCompliance } from '@/lib/analysis/slo';
import type { KafkaGroupAlertFacts } from './kafka-facts';
import { findAlertRule, type AlertRuleDefinition } from './rule-catalog';
import { judge, type RuleContext, type RuleResource } from './rule-context';
import type { AlertCondition } from './types';

function rule(id: string): AlertRuleDefinition {
  const found = findAlertRule(id);
  if (!found) throw new Error(`alerts: unknown rule ${id}`);
  return found;
}

/** The group rules: each gives its figure for the group (null: not judged) and its summary. */
const groupRules: Array<{
  rule: AlertRuleDefinition;
  value(facts: KafkaGroupAlertFacts, resource: RuleResource): number | null;
  describe(value: string, threshold: string, facts: KafkaGroupAlertFacts): string;
}> = [
  {
    rule: rule('kafka.slo_violation'),
    // Judged with the owning team's SLO lag threshold, as the group page shows it.
    value: (facts, resource) => {
      const thresholds = resource.ownership?.thresholds;
      return thresholds
        ? sloCompliance(facts.partitions, { byTopic: thresholds.sloTopicThresholds, defaultLag: thresholds.sloThresholdP95Lag })
        : null;
    },
    describe: (value, threshold) => `SLO compliance ${value} (minimum ${threshold})`,
  },
  {
    rule: rule('kafka.stuck_partitions'),
    value: (facts) => facts.stuckCount,
    describe: (value) => `${value} stuck partition${value === '1' ? '' : 's'} (lag and no commit over the stuck window)`,
  },
  {
    rule: rule('kafka.rebalance_instability'),
    value: (facts) => facts.rebalanceScore,
    describe: (value, threshold) => `Rebalance score ${value} (minimum ${threshold})`,
  },
  {
    rule: rule('kafka.unfair_assignment'),
    value: (facts) => facts.fairnessGini,
    describe: (value, threshold) => `Unfair assignment: Gini ${value} (maximum ${threshold})`,
  },
  {
    rule: rule('kafka.burrow_status'),
    value: (facts) => (facts.burrowStatus === 'ERR' ? facts.burrowProblemCount : 0),
    describe: (value) => `Burrow status ERR: ${value} partition${value === '1' ? '' : 's'} in STOP, STALL or REWIND`,
  },
  {
    rule: rule('kafka.records_lost'),
    value: (facts) => facts.dataLossCount,
    describe: (value) => `Records lost on ${value} partition${value === '1' ? '' : 's'} (committed offset below the log start)`,
  },
  {
    rule: rule('kafka.lag_seconds'),
    value: (facts) => facts.lagSecondsMax,
    describe: (value, threshold) => `Lag in time ${value} (threshold ${threshold})`,
  },
  {
    rule: rule('kafka.lag_spike'),
    // A spike is a jump that also at least doubles the lag: a busy group's usual growth is not news.
    value: (facts) => {
      if (facts.previousTotalLag === null || facts.totalLag < 2 * facts.previousTotalLag) return 0;
      return facts.totalLag - facts.previousTotalLag;
    },
    describe: (value, threshold, facts) => `Lag spike: total lag up ${value} to ${facts.totalLag.toLocaleString('en-US')} (threshold ${threshold})`,
  },
  {
    rule: rule('kafka.rebalanced'),
    value: (facts) => (facts.rebalanced ? 1 : 0),
    describe: () => 'The group rebalanced since the previous snapshot',
  },
];

export const kafkaGroupRuleIds = groupRules.map((entry) => entry.rule.id);

/** Every violated group rule of one cluster's snapshot. Pure: all figures come in `groups`. */
export function evaluateKafkaGroups(clusterId: string, groups: readonly KafkaGroupAlertFacts[], context: RuleContext): AlertCondition[] {
  const conditions: AlertCondition[] = [];
  for (const facts of groups) {
    const resource: RuleResource = {
      source: `kafka:${clusterId}`,
      clusterId,
      groupId: facts.groupId,
      topic: null,
      stream: null,
      resourceKey: `group:${facts.groupId}`,
      topics: facts.topics,
      ownership: context.ownership('kafka_group', facts.groupId, clusterId),
    };
    for (const entry of groupRules) {
      const condition = judge(entry.rule, resource, entry.value(facts, resource), context, (value, threshold) => entry.describe(value, threshold, facts));
      if (condition) conditions.push(condition);
    }
  }
  return conditions;
}
