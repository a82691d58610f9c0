import { describe, expect, it } from 'vitest';
import type { TeamPatternRule } from './match-teams';
import { buildTeamScope, filterByTeamScope, isVisibleInScope, teamOnlyScope, unrestrictedScope } from './team-scope';

const payments: TeamPatternRule[] = [
  { kind: 'kafka_group', pattern: 'payments-*', clusterId: null },
  { kind: 'redis_stream', pattern: 'events:pay*', clusterId: null },
];
const shipping: TeamPatternRule[] = [
  { kind: 'kafka_group', pattern: 'shipping-*', clusterId: 'prod' },
  { kind: 'kafka_topic', pattern: 'shipping.*', clusterId: null },
];

describe('team scope', () => {
  const paymentsMember = buildTeamScope(payments, [...payments, ...shipping]);
  const groups = [
    { groupId: 'payments-orders' },
    { groupId: 'shipping-labels' },
    { groupId: 'unowned-audit' },
    { groupId: 'payments-refunds' },
  ];

  it('shows a member their teams\' resources and unowned ones, in order, and hides other teams\'', () => {
    expect(filterByTeamScope(groups, 'kafka_group', (group) => group.groupId, paymentsMember, 'prod').map((group) => group.groupId))
      .toEqual(['payments-orders', 'unowned-audit', 'payments-refunds']);
  });

  it('respects the cluster of a pattern: shipping owns its groups on prod only', () => {
    expect(isVisibleInScope(paymentsMember, { kind: 'kafka_group', name: 'shipping-labels', clusterId: 'prod' })).toBe(false);
    expect(isVisibleInScope(paymentsMember, { kind: 'kafka_group', name: 'shipping-labels', clusterId: 'staging' })).toBe(true);
    const mixed = [{ name: 'shipping-labels', cluster: 'prod' }, { name: 'shipping-labels', cluster: 'staging' }];
    expect(filterByTeamScope(mixed, 'kafka_group', (item) => item.name, paymentsMember, (item) => item.cluster)).toEqual([mixed[1]]);
  });

  it('checks each kind against the patterns of that kind only', () => {
    expect(isVisibleInScope(paymentsMember, { kind: 'kafka_topic', name: 'shipping.labels', clusterId: 'prod' })).toBe(false);
    expect(isVisibleInScope(paymentsMember, { kind: 'kafka_topic', name: 'payments-orders', clusterId: 'prod' })).toBe(true);
    expect(isVisibleInScope(paymentsMember, { kind: 'redis_stream', name: 'events:payments', clusterId: null })).toBe(true);
  });

  it('lets a user in no team see only unowned resources, and an admin everything', () => {
    const nobody = buildTeamScope([], [...payments, ...shipping]);
    expect(filterByTeamScope(groups, 'kafka_group', (group) => group.groupId, nobody, 'prod').map((group) => group.groupId)).toEqual(['unowned-audit']);
    expect(filterByTeamScope(groups, 'kafka_group', (group) => group.groupId, unrestrictedScope, 'prod')).toEqual(groups);
  });

  it('hides everything outside the user\'s teams once a catch-all team owns the rest', () => {
    const strict = buildTeamScope(payments, [...payments, { kind: 'kafka_group', pattern: '*', clusterId: null }]);
    expect(filterByTeamScope(groups, 'kafka_group', (group) => group.groupId, strict, 'prod').map((group) => group.groupId))
      .toEqual(['payments-orders', 'payments-refunds']);
  });

  it('shows a team view only the team\'s own resources of each kind, not the unowned ones', () => {
    const paymentsView = teamOnlyScope(payments);
    expect(filterByTeamScope(groups, 'kafka_group', (group) => group.groupId, paymentsView, 'prod').map((group) => group.groupId))
      .toEqual(['payments-orders', 'payments-refunds']);
    expect(isVisibleInScope(paymentsView, { kind: 'redis_stream', name: 'events:payments', clusterId: null })).toBe(true);
    expect(isVisibleInScope(paymentsView, { kind: 'redis_stream', name: 'events:chat', clusterId: null })).toBe(false);
    // The team owns no topics: its view holds none.
    expect(isVisibleInScope(paymentsView, { kind: 'kafka_topic', name: 'payments.orders', clusterId: 'prod' })).toBe(false);
    expect(filterByTeamScope(groups, 'kafka_group', (group) => group.groupId, teamOnlyScope(shipping), 'test')).toEqual([]);
  });
});
