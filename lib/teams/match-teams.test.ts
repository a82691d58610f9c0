import { describe, expect, it } from 'vitest';
import { matchTeams, type TeamRules } from './match-teams';
import { noThresholdOverrides } from './team-thresholds';

const team = (id: string, patterns: TeamRules['patterns']): TeamRules => ({ id, name: id, patterns, thresholds: noThresholdOverrides });

describe('matchTeams', () => {
  const teams = [
    team('everyone', [{ kind: 'kafka_group', pattern: '*', clusterId: null }]),
    team('payments', [{ kind: 'kafka_group', pattern: 'payments-*', clusterId: null }]),
    team('orders', [
      { kind: 'kafka_group', pattern: 'payments-orders', clusterId: null },
      { kind: 'kafka_topic', pattern: 'orders.*', clusterId: null },
    ]),
    team('prod-only', [{ kind: 'kafka_group', pattern: 'payments-*', clusterId: 'prod' }]),
    team('streams', [{ kind: 'redis_stream', pattern: 'events:*', clusterId: null }]),
  ];

  it('orders owners from the most to the least specific pattern', () => {
    const matches = matchTeams(teams, { kind: 'kafka_group', name: 'payments-orders', clusterId: 'prod' });
    expect(matches.map((match) => match.team.id)).toEqual(['orders', 'prod-only', 'payments', 'everyone']);
    expect(matches[0]?.specificity).toEqual([1, 15, 0]);
  });

  it('keeps kinds apart and honours the cluster of a pattern', () => {
    expect(matchTeams(teams, { kind: 'kafka_group', name: 'payments-refunds', clusterId: 'staging' }).map((match) => match.team.id))
      .toEqual(['payments', 'everyone']);
    expect(matchTeams(teams, { kind: 'kafka_topic', name: 'payments-refunds', clusterId: 'prod' })).toEqual([]);
    expect(matchTeams(teams, { kind: 'kafka_topic', name: 'orders.created', clusterId: 'prod' }).map((match) => match.team.id)).toEqual(['orders']);
    expect(matchTeams(teams, { kind: 'redis_stream', name: 'events:chat', clusterId: null }).map((match) => match.team.id)).toEqual(['streams']);
  });

  it('rates a team by its best matching pattern', () => {
    const both = team('both', [
      { kind: 'kafka_group', pattern: '*', clusterId: null },
      { kind: 'kafka_group', pattern: 'billing-?', clusterId: null },
    ]);
    expect(matchTeams([both], { kind: 'kafka_group', name: 'billing-1', clusterId: 'c' })[0]?.specificity).toEqual([0, 8, 0]);
  });
});
