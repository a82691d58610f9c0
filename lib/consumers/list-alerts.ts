import { groupGovernanceAlerts, sortGovernanceAlerts, type GovernanceAlert, type GovernanceThresholds, type GroupLag } from '@/lib/analysis';
import type { GroupListItemJson } from './group-list-view';

/**
 * Governance alerts of a whole cluster from what the groups list already knows: SLO, fairness
 * and lost records, judged with each group's own (team) thresholds. Stuck partitions and
 * rebalance instability need each group's window, which a cluster-wide view does not read; the
 * group page and the topic page show those.
 */
export function listGovernanceAlerts(
  groups: readonly GroupListItemJson[],
  groupLags: ReadonlyMap<string, GroupLag>,
  thresholdsFor: (groupId: string) => GovernanceThresholds,
): GovernanceAlert[] {
  const alerts = groups.flatMap((group) => {
    const dataLossPartitions = (groupLags.get(group.group_id)?.partitions ?? []).filter((partition) => partition.data_loss !== null);
    return groupGovernanceAlerts({
      summary: {
        group_id: group.group_id,
        state: group.state,
        slo_compliance: group.slo_compliance,
        rebalance_score: null,
        fairness_gini: group.fairness_gini,
        stuck_count: 0,
        recommendation: null,
        status: 'OK',
        health: 'healthy',
      },
      stuckPartitions: [],
      dataLossPartitions,
    }, thresholdsFor(group.group_id));
  });
  return sortGovernanceAlerts(alerts);
}
