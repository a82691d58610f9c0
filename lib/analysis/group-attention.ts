/**
 * Whether a listed group is healthy enough to leave out of the overview's "worst" lists: a
 * group that meets its SLO, whose Burrow status is OK (or not known yet), that has members
 * when messages wait and lost no records is not among the worst, whatever its lag.
 */
export interface GroupAttentionFacts {
  slo_met: boolean;
  status: 'OK' | 'WARN' | 'ERR' | null;
  member_count: number;
  total_lag: number;
  data_loss_count: number;
}

export function isGroupHealthy(group: GroupAttentionFacts): boolean {
  const waitingWithoutMembers = group.member_count === 0 && group.total_lag > 0;
  return group.slo_met && (group.status === null || group.status === 'OK') && !waitingWithoutMembers && group.data_loss_count === 0;
}
