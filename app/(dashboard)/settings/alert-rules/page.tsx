import type { Metadata } from 'next';
import { AlertRuleEditor } from '@/components/settings/alert-rule-editor';
import { listAlertRules } from '@/lib/alerts/alert-rules-view';
import { requireSession } from '@/lib/auth/require-session';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Alert rules · Lagboard' };
export const dynamic = 'force-dynamic';

export default async function AlertRulesPage() {
  const principal = await requireSession();
  const { rules, for_seconds_max: forSecondsMax } = await listAlertRules(await getDb(), getConfig());
  return (
    <>
      <h1>Alert rules</h1>
      <p className="muted">
        Each setting is taken from the most specific place that sets it: a stream or topic override, then a team override
        (the owning team with the most specific pattern), then the team’s own threshold (Teams page), then these defaults, then the
        built-in value from the configuration. Leave a field empty to inherit.
        {forSecondsMax === null ? null : ` ALERT_FOR_SECONDS_MAX caps every duration at ${forSecondsMax} s.`}
      </p>
      {principal.role === 'admin' ? <AlertRuleEditor rules={rules} /> : (
        <table>
          <caption>Alert rules in effect</caption>
          <thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Threshold</th><th scope="col">For (s)</th><th scope="col">Overrides</th></tr></thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.rule_id}><td>{rule.title}</td><td>{rule.default.severity}</td><td>{rule.default.threshold} {rule.unit}</td><td>{rule.default.for_seconds}</td><td>{rule.overrides.length}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
