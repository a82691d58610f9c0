import { compareSpecificity, type TeamMatch } from './match-teams';
import { isStricter, thresholdFieldNames, type GlobalThresholds, type ThresholdField } from './team-thresholds';

export interface ThresholdSource {
  /** The team whose override won, or null for the global value. */
  teamId: string | null;
  teamName: string | null;
}

export interface ResolvedThresholds {
  thresholds: GlobalThresholds;
  sources: Record<ThresholdField, ThresholdSource>;
}

const globalSource: ThresholdSource = { teamId: null, teamName: null };

/**
 * The thresholds that apply to one resource, decided field by field:
 * 1. only teams that own the resource and set the field take part (a team that sets just one
 *    field does not reset the others);
 * 2. the team whose matching pattern is most specific wins: whoever names the resource most
 *    precisely knows it best (an exact name over `payments-orders-*` over `payments-*` over `*`);
 * 3. between equally specific teams the strictest value wins, so a shared resource alerts as
 *    early as its most demanding owner wants;
 * 4. nobody sets it: the global value (getConfig().thresholds).
 * Per-topic SLO thresholds (SLO_TOPIC_THRESHOLDS) and the stuck window are kept as they are: a
 * topic named there explicitly is more specific than any team pattern.
 */
export function explainThresholds(global: GlobalThresholds, matches: readonly TeamMatch[]): ResolvedThresholds {
  const thresholds: GlobalThresholds = { ...global, sloTopicThresholds: { ...global.sloTopicThresholds } };
  const sources = {} as Record<ThresholdField, ThresholdSource>;
  for (const field of thresholdFieldNames) {
    let winner: { match: TeamMatch; value: number } | null = null;
    for (const match of matches) {
      const value = match.team.thresholds[field];
      if (value === null) continue;
      const order = winner === null ? 1 : compareSpecificity(match.specificity, winner.match.specificity);
      if (order > 0 || (order === 0 && winner !== null && isStricter(field, value, winner.value))) {
        winner = { match, value };
      }
    }
    thresholds[field] = winner?.value ?? global[field];
    sources[field] = winner ? { teamId: winner.match.team.id, teamName: winner.match.team.name } : globalSource;
  }
  // Fields from different teams could leave "degraded" above "unhealthy"; the stream health
  // classes need degraded <= unhealthy, so the lower value wins for both.
  if (thresholds.streamLagDegraded > thresholds.streamLagUnhealthy) {
    thresholds.streamLagDegraded = thresholds.streamLagUnhealthy;
    sources.streamLagDegraded = sources.streamLagUnhealthy;
  }
  return { thresholds, sources };
}

/** The thresholds for a resource owned by `matches` (see explainThresholds for the rules). */
export function resolveThresholds(global: GlobalThresholds, matches: readonly TeamMatch[]): GlobalThresholds {
  return explainThresholds(global, matches).thresholds;
}
