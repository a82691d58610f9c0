import { describe, expect, it } from 'vitest';
import { planTransitions, type OpenAlert } from './transitions';
import type { AlertCondition } from './types';

const condition = (changes: Partial<AlertCondition> = {}): AlertCondition => ({
  key: 'kafka.slo_violation|kafka:local|group:orders', ruleId: 'kafka.slo_violation', severity: 'critical', source: 'kafka:local',
  clusterId: 'local', groupId: 'orders', topic: null, stream: null, teamIds: [], summary: 'SLO compliance 50 %', value: 0.5,
  threshold: 0.95, unit: 'ratio', forMs: 60_000, ...changes,
});
const open = (changes: Partial<OpenAlert> = {}): OpenAlert => ({
  id: 'a1', key: condition().key, ruleId: 'kafka.slo_violation', state: 'pending', pendingSinceMs: 0, peakValue: 0.5, unit: 'ratio', ...changes,
});
const judged = new Set(['kafka.slo_violation']);

describe('alert transitions', () => {
  it('a new condition with a duration opens pending; without one it fires at once', () => {
    expect(planTransitions([], [condition()], judged, 0).open).toEqual([{ condition: condition(), state: 'pending' }]);
    expect(planTransitions([], [condition({ forMs: 0 })], judged, 0).open[0]?.state).toBe('firing');
  });

  it('pending fires once the condition has held for its duration (59 s: not yet, 60 s: fires)', () => {
    expect(planTransitions([open()], [condition()], judged, 59_000).update[0]).toMatchObject({ id: 'a1', fire: false });
    expect(planTransitions([open()], [condition()], judged, 60_000).update[0]).toMatchObject({ id: 'a1', fire: true });
  });

  it('the peak is the worst figure: the minimum for a "below" rule, the maximum for an "above" rule', () => {
    expect(planTransitions([open({ peakValue: 0.4 })], [condition({ value: 0.6 })], judged, 1).update[0]?.peakValue).toBe(0.4);
    expect(planTransitions([open({ peakValue: 12 })], [condition({ value: 20, threshold: 10 })], judged, 1).update[0]?.peakValue).toBe(20);
  });

  it('a cleared pending alert is discarded (it never fired); a cleared firing one resolves with its figure', () => {
    const figures = new Map([[condition().key, 0.97]]);
    expect(planTransitions([open()], [], judged, 1, figures)).toMatchObject({ discard: ['a1'], resolve: [] });
    expect(planTransitions([open({ state: 'firing' })], [], judged, 1, figures)).toMatchObject({ discard: [], resolve: [{ id: 'a1', value: 0.97 }] });
  });

  it('a resource that disappeared resolves without a figure; a rule not judged leaves its alerts alone', () => {
    expect(planTransitions([open({ state: 'firing' })], [], judged, 1).resolve).toEqual([{ id: 'a1', value: null }]);
    expect(planTransitions([open({ state: 'firing' })], [], new Set(['kafka.source_unreachable']), 1)).toEqual({ open: [], update: [], resolve: [], discard: [] });
  });

  it('the same key twice in one evaluation opens one incident', () => {
    expect(planTransitions([], [condition(), condition()], judged, 0).open).toHaveLength(1);
  });
});
