import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportedMetricNames } from '@/lib/metrics/registry';
import { metricNamesIn, readRulesFile } from '@/lib/metrics/rules-file';

// monitoring/prometheus-rules.yml must parse and must alert only on metrics Lagboard exports.
// The parser check needs nothing; promtool (Debian's `prometheus` package, installed by
// scripts/ensure-services.sh before the suite) checks the file fully. Without promtool that test
// fails with the install command rather than being skipped.

const execFileAsync = promisify(execFile);
const rulesPath = path.resolve(__dirname, '..', '..', 'monitoring', 'prometheus-rules.yml');
const promtoolPath = ['/usr/bin/promtool', '/usr/local/bin/promtool'].find((candidate) => existsSync(candidate));
const seedAlerts = ['HighEventConsumerLag', 'HighConsumerLag', 'PendingMessagesGrowing', 'StreamStale', 'RedisMemoryHigh'];

describe('monitoring/prometheus-rules.yml', () => {
  const rules = readRulesFile(readFileSync(rulesPath, 'utf8'));

  it('holds the seeds\' alerts, each with a for duration and a severity', () => {
    expect(rules.map((rule) => rule.name)).toEqual(expect.arrayContaining(seedAlerts));
    for (const rule of rules) {
      expect(rule.kind).toBe('alert');
      expect(rule.forDuration, rule.name).toMatch(/^\d+m$/);
      expect(['warning', 'critical'], rule.name).toContain(rule.labels.severity);
      expect(rule.annotations.summary, rule.name).toBeTruthy();
    }
    expect(rules.find((rule) => rule.name === 'HighEventConsumerLag')).toMatchObject({ expr: 'event_consumer_lag > 1000', forDuration: '5m', labels: { severity: 'warning' } });
    expect(rules.find((rule) => rule.name === 'PendingMessagesGrowing')?.forDuration).toBe('10m');
  });

  it('uses only metric names the /api/metrics registry declares', () => {
    const exported = new Set(exportedMetricNames());
    const used = rules.flatMap((rule) => metricNamesIn(rule.expr).map((name) => ({ rule: rule.name, name })));
    expect(used.length).toBeGreaterThanOrEqual(rules.length);
    expect(used.filter(({ name }) => !exported.has(name))).toEqual([]);
    // The label names the annotations use exist on the metrics they alert on.
    for (const rule of rules) {
      const templates = Object.values(rule.annotations).join(' ');
      for (const [, label] of templates.matchAll(/\$labels\.([A-Za-z_]+)/g)) {
        expect(['stream', 'consumer_group', 'source', 'cluster'], `${rule.name} uses $labels.${label}`).toContain(label);
      }
    }
  });

  it('passes promtool check rules', async () => {
    expect(promtoolPath, 'promtool is missing: apt-get install -y prometheus').toBeDefined();
    const { stdout } = await execFileAsync(promtoolPath as string, ['check', 'rules', rulesPath]);
    expect(stdout).toContain(`SUCCESS: ${rules.length} rules found`);
  });
});
