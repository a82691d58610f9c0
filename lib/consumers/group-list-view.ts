import { giniCoefficient, groupLagsByGroupId, isSloMet, partitionCountsPerMember, sloCompliance } from '@/lib/analysis';
import type { GlobalThresholds } from '@/lib/teams/team-thresholds';
import type { KafkaClusterObservation } from '@/lib/observations/kafka';
import { errorsFor, isoTime, type ObservationErrorJson } from './json-shapes';

/** Seed 004's ConsumerGroupWithLagResponse: the group with its LagMetrics, flat. */
export interface GroupListItemJson {
  group_id: string;
  type: 'classic' | 'consumer';
  state: string;
  partition_assignor: string | null;
  member_count: number;
  topics: string[];
  lag_p50: number;
  lag_p95: number;
  lag_max: number;
  total_lag: number;
  /** Partitions with a known lag, which the four figures above cover. */
  partition_count: number;
  never_committed_count: number;
  data_loss_count: number;
  /** Ratio 0..1 of partitions under the SLO lag threshold, with the owning teams' thresholds. */
  slo_compliance: number;
  slo_met: boolean;
  /** Gini of partitions per member; null without members. */
  fairness_gini: number | null;
  /** false when the Gini exceeds the fairness threshold. */
  fairness_ok: boolean;
  /** Names of the teams owning the group, sorted. */
  teams: string[];
}

export interface GroupListJson {
  cluster_id: string;
  observed_at: string;
  group_count: number;
  groups: GroupListItemJson[];
  errors: ObservationErrorJson[];
}

/** Who owns a group and which thresholds apply to it; unowned groups get the global ones. */
export type GroupOwnershipLookup = (groupId: string) => { teamNames: string[]; thresholds: GlobalThresholds };

/**
 * Every group of the cluster with lag statistics, SLO compliance and fairness. SLO and fairness
 * need only the current observation, so they are computed here for every group; nothing that
 * needs the window (Burrow status, stuck partitions) is, so this stays cheap for thousands of groups.
 */
export function groupListView(observation: KafkaClusterObservation, ownership: GroupOwnershipLookup): GroupListJson {
  const lags = groupLagsByGroupId(observation);
  const groups: GroupListItemJson[] = [];
  for (const group of observation.groups) {
    const groupLag = lags.get(group.groupId);
    if (!groupLag) continue;
    const { teamNames, thresholds } = ownership(group.groupId);
    const compliance = sloCompliance(groupLag.partitions, { byTopic: thresholds.sloTopicThresholds, defaultLag: thresholds.sloThresholdP95Lag });
    const fairnessGini = giniCoefficient(partitionCountsPerMember(group.members.map((member) => ({ memberId: member.memberId, assignedPartitionCount: member.assignedPartitions.length }))));
    groups.push({
      group_id: group.groupId,
      type: group.groupType,
      state: group.state,
      partition_assignor: group.assignor,
      member_count: group.members.length,
      topics: groupLag.topics,
      lag_p50: groupLag.lag.lag_p50,
      lag_p95: groupLag.lag.lag_p95,
      lag_max: groupLag.lag.lag_max,
      total_lag: groupLag.lag.total_lag,
      partition_count: groupLag.lag.partition_count,
      never_committed_count: groupLag.never_committed_count,
      data_loss_count: groupLag.data_loss_count,
      slo_compliance: compliance,
      slo_met: isSloMet(compliance, thresholds.sloComplianceMin),
      fairness_gini: fairnessGini,
      fairness_ok: fairnessGini === null || fairnessGini <= thresholds.fairnessGiniMax,
      teams: teamNames,
    });
  }
  return {
    cluster_id: observation.clusterId,
    observed_at: isoTime(observation.observedAtMs),
    group_count: groups.length,
    groups,
    errors: errorsFor(observation, null),
  };
}
