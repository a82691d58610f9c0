import { parseYamlSubset, type YamlValue } from './yaml-subset';

/** One alerting or recording rule of a Prometheus rules file. */
export interface PrometheusRule {
  group: string;
  name: string;
  kind: 'alert' | 'record';
  expr: string;
  forDuration: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const ruleKeys = new Set(['alert', 'record', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']);
const durationPattern = /^(\d+(ms|s|m|h|d|w|y))+$/;

type YamlMap = { [key: string]: YamlValue };
const isMap = (value: YamlValue | undefined): value is YamlMap => typeof value === 'object' && value !== null && !Array.isArray(value);

function stringMap(value: YamlValue | undefined, where: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isMap(value)) throw new Error(`${where} must be a mapping`);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => {
    if (typeof item !== 'string') throw new Error(`${where}.${key} must be a string`);
    return [key, item];
  }));
}

/** Parses a rules file and checks its shape as `promtool check rules` would, short of PromQL. */
export function readRulesFile(source: string): PrometheusRule[] {
  const root = parseYamlSubset(source);
  if (!isMap(root) || !Array.isArray(root.groups)) throw new Error('the file must have a "groups" list');
  const rules: PrometheusRule[] = [];
  const groupNames = new Set<string>();
  for (const group of root.groups) {
    if (!isMap(group) || typeof group.name !== 'string' || !Array.isArray(group.rules)) throw new Error('each group needs a name and a rules list');
    if (groupNames.has(group.name)) throw new Error(`group "${group.name}" appears twice`);
    groupNames.add(group.name);
    for (const rule of group.rules) {
      if (!isMap(rule)) throw new Error(`group "${group.name}": a rule must be a mapping`);
      const unknown = Object.keys(rule).filter((key) => !ruleKeys.has(key));
      const name = rule.alert ?? rule.record;
      const where = `group "${group.name}", rule "${String(name)}"`;
      if (unknown.length > 0) throw new Error(`${where}: unknown keys ${unknown.join(', ')}`);
      if (typeof name !== 'string' || (rule.alert !== undefined && rule.record !== undefined)) throw new Error(`${where}: needs exactly one of alert or record`);
      if (typeof rule.expr !== 'string' || rule.expr.trim() === '') throw new Error(`${where}: needs an expr`);
      if (rule.for !== undefined && (typeof rule.for !== 'string' || !durationPattern.test(rule.for))) throw new Error(`${where}: "for" must be a duration like 5m`);
      rules.push({
        group: group.name,
        name,
        kind: rule.alert === undefined ? 'record' : 'alert',
        expr: rule.expr.trim(),
        forDuration: typeof rule.for === 'string' ? rule.for : null,
        labels: stringMap(rule.labels, `${where}: labels`),
        annotations: stringMap(rule.annotations, `${where}: annotations`),
      });
    }
  }
  return rules;
}

const promqlKeywords = new Set(['and', 'or', 'unless', 'bool', 'offset', 'group_left', 'group_right', 'inf', 'nan']);

/**
 * The metric names a PromQL expression selects: identifiers outside strings, label matchers,
 * range brackets and by/without/on/ignoring lists, that are not functions (followed by "("),
 * keywords, or units of numbers and durations.
 */
export function metricNamesIn(expr: string): string[] {
  const text = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/gi, ' ');
  const names = new Set<string>();
  for (const match of text.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const start = match.index ?? 0;
    const before = text[start - 1] ?? ' ';
    const after = text.slice(start + match[0].length).trimStart();
    if (/[0-9.]/.test(before) || after.startsWith('(') || promqlKeywords.has(match[0].toLowerCase())) continue;
    names.add(match[0]);
  }
  return [...names];
}
