import type { TeamFile } from '@/lib/teams/team-file';

/** The demo's teams: two teams owning some of the demo workload's groups and streams, each with its own thresholds. */
export function demoTeams(member: string): TeamFile {
  return {
    teams: [
      {
        name: 'payments',
        members: [member],
        patterns: [
          { kind: 'kafka_group', pattern: 'billing-*', cluster_id: null },
          { kind: 'kafka_group', pattern: 'fraud-*', cluster_id: null },
          { kind: 'redis_stream', pattern: 'events:ticket', cluster_id: null },
        ],
        // A stricter SLO than the global 1,000 messages: the fraud group misses it sooner.
        thresholds: { slo_threshold_p95_lag: 300 },
      },
      {
        name: 'fulfilment',
        members: [member],
        patterns: [
          { kind: 'kafka_group', pattern: 'shipping-*', cluster_id: null },
          { kind: 'kafka_group', pattern: 'order-*', cluster_id: null },
          { kind: 'redis_stream', pattern: 'events:chat', cluster_id: null },
        ],
        thresholds: { fairness_gini_max: 0.5, stream_lag_degraded: 200 },
      },
    ],
  };
}
