import { describe, expect, it } from 'vitest';
import { metricNamesIn, readRulesFile } from './rules-file';
import { parseYamlSubset } from './yaml-subset';

describe('parseYamlSubset', () => {
  it('reads nested mappings, sequences, quoted and block scalars, and skips comments', () => {
    const source = [
      '# comment',
      'groups:',
      '  - name: g # trailing comment',
      '    rules:',
      '    - alert: "A \\"quoted\\" name"',
      "      summary: 'it''s'",
      '      expr: |',
      '        sum(x)',
      '          > 1',
      '      folded: >-',
      '        a',
      '        b',
      '  -',
      '    name: second',
    ].join('\n');
    expect(parseYamlSubset(source)).toEqual({
      groups: [
        { name: 'g', rules: [{ alert: 'A "quoted" name', summary: "it's", expr: 'sum(x)\n  > 1\n', folded: 'a b' }] },
        { name: 'second' },
      ],
    });
  });

  it.each([
    ['a flow mapping', 'a: {b: 1}', /unsupported/],
    ['a tab', 'a:\n\tb: 1', /tab/],
    ['a duplicate key', 'a: 1\na: 2', /duplicate key "a"/],
    ['bad indentation', 'a: 1\n   b: 2', /line 2: unexpected indentation/],
    ['an unterminated quote', 'a: "open', /line 1: unterminated/],
    ['an unquoted colon', 'a: b: c', /quote it/],
    ['template braces unquoted', 'summary: {{ $labels.stream }}', /unsupported/],
  ])('rejects %s', (_label, source, message) => {
    expect(() => parseYamlSubset(source)).toThrow(message);
  });
});

describe('readRulesFile', () => {
  const rule = (body: string) => `groups:\n  - name: g\n    rules:\n      - alert: A\n${body}`;

  it('reads a rule', () => {
    expect(readRulesFile(rule('        expr: x > 1\n        for: 5m\n        labels:\n          severity: warning\n'))).toEqual([{
      group: 'g', name: 'A', kind: 'alert', expr: 'x > 1', forDuration: '5m', labels: { severity: 'warning' }, annotations: {},
    }]);
  });

  it.each([
    ['a missing expr', '        for: 5m\n', /needs an expr/],
    ['a bad duration', '        expr: x\n        for: five minutes\n', /duration/],
    ['an unknown key', '        expr: x\n        severity: high\n', /unknown keys severity/],
    ['a non-string label', '        expr: x\n        labels:\n          team:\n            - a\n', /must be a string/],
  ])('rejects %s', (_label, body, message) => {
    expect(() => readRulesFile(rule(body))).toThrow(message);
  });
});

describe('metricNamesIn', () => {
  it.each([
    ['event_consumer_lag > 1000', ['event_consumer_lag']],
    ['max by (stream) (event_consumer_lag) > 1000', ['event_consumer_lag']],
    ['(time() - a_timestamp_seconds) > 300', ['a_timestamp_seconds']],
    ['used / (max > 0) > 0.8', ['used', 'max']],
    ['rate(x{stream="a:b", group=~"or|and"}[5m] offset 1h) and on (stream) y unless z == bool 1e3', ['x', 'y', 'z']],
    ['sum(x) without (consumer) / ignoring (consumer) group_left sum(w)', ['x', 'w']],
  ])('finds the metrics in %s', (expr, names) => {
    expect(metricNamesIn(expr).sort()).toEqual([...names].sort());
  });
});
