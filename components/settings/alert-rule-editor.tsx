'use client';

import { useState, type FormEvent } from 'react';
import type { AlertRuleJson } from '@/lib/alerts/api-schemas';
import { requestJson } from '@/lib/teams/api-request';

type Fields = { enabled: string; severity: string; threshold: string; for_seconds: string };

/** Empty inputs inherit (null); the API checks ranges and answers with the field's name. */
function bodyOf(fields: Fields) {
  return {
    enabled: fields.enabled === '' ? null : fields.enabled === 'true',
    severity: fields.severity === '' ? null : fields.severity,
    threshold: fields.threshold === '' ? null : Number(fields.threshold),
    for_seconds: fields.for_seconds === '' ? null : Number(fields.for_seconds),
  };
}

function SettingInputs({ idPrefix, fields, onChange, placeholder }: {
  idPrefix: string; fields: Fields; onChange: (fields: Fields) => void; placeholder: AlertRuleJson['default'];
}) {
  const set = (key: keyof Fields) => (event: { target: { value: string } }) => onChange({ ...fields, [key]: event.target.value });
  return (
    <>
      <label htmlFor={`${idPrefix}-enabled`}>Enabled</label>
      <select id={`${idPrefix}-enabled`} value={fields.enabled} onChange={set('enabled')}>
        <option value="">inherit ({placeholder.enabled ? 'yes' : 'no'})</option><option value="true">yes</option><option value="false">no</option>
      </select>
      <label htmlFor={`${idPrefix}-severity`}>Severity</label>
      <select id={`${idPrefix}-severity`} value={fields.severity} onChange={set('severity')}>
        <option value="">inherit ({placeholder.severity})</option><option value="critical">critical</option><option value="warning">warning</option><option value="info">info</option>
      </select>
      <label htmlFor={`${idPrefix}-threshold`}>Threshold</label>
      <input id={`${idPrefix}-threshold`} type="number" step="any" inputMode="decimal" value={fields.threshold} placeholder={String(placeholder.threshold)} onChange={set('threshold')} />
      <label htmlFor={`${idPrefix}-for`}>For (s)</label>
      <input id={`${idPrefix}-for`} type="number" min={0} step={1} value={fields.for_seconds} placeholder={String(placeholder.for_seconds)} onChange={set('for_seconds')} />
    </>
  );
}

const blank: Fields = { enabled: '', severity: '', threshold: '', for_seconds: '' };

/** One rule: its defaults (edited in place), its overrides (removable) and a form to add one. */
function RuleCard({ initial }: { initial: AlertRuleJson }) {
  const [rule, setRule] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [defaults, setDefaults] = useState<Fields>(blank);
  const [override, setOverride] = useState<Fields & { scope: string; target: string }>({ ...blank, scope: rule.source_kind === 'kafka' ? 'topic' : 'stream', target: '' });
  const idPrefix = rule.rule_id.replace(/\W/g, '-');

  const report = (result: Awaited<ReturnType<typeof requestJson<AlertRuleJson>>>, done: string) => {
    if (result.ok) {
      setRule(result.data);
      setMessage({ ok: true, text: done });
    } else setMessage({ ok: false, text: result.message });
  };
  const saveDefaults = async (event: FormEvent) => {
    event.preventDefault();
    report(await requestJson<AlertRuleJson>(`/api/v1/alert-rules/${rule.rule_id}`, { method: 'PUT', body: bodyOf(defaults) }), 'Defaults saved');
  };
  const saveOverride = async (event: FormEvent) => {
    event.preventDefault();
    const path = `/api/v1/alert-rules/${rule.rule_id}/overrides/${override.scope}/${encodeURIComponent(override.target)}`;
    report(await requestJson<AlertRuleJson>(path, { method: 'PUT', body: bodyOf(override) }), 'Override saved');
  };
  const remove = async (scope: string, target: string) => {
    const result = await requestJson(`/api/v1/alert-rules/${rule.rule_id}/overrides/${scope}/${encodeURIComponent(target)}`, { method: 'DELETE' });
    if (!result.ok) setMessage({ ok: false, text: result.message });
    else report(await requestJson<AlertRuleJson>(`/api/v1/alert-rules/${rule.rule_id}`), 'Override removed');
  };

  return (
    <section className="card" aria-labelledby={`${idPrefix}-title`} data-rule={rule.rule_id}>
      <h2 id={`${idPrefix}-title`}>{rule.title} <code className="muted">{rule.rule_id}</code></h2>
      <p className="muted">Fires when {rule.condition}. Unit: {rule.unit}; allowed threshold {rule.threshold_minimum}–{rule.threshold_maximum}.</p>
      <p>In effect: {rule.default.enabled ? 'enabled' : 'disabled'}, {rule.default.severity}, threshold {rule.default.threshold}, for {rule.default.for_seconds} s
        <span className="muted"> (built in: {rule.built_in.severity}, {rule.built_in.threshold}, {rule.built_in.for_seconds} s)</span></p>
      <form className="rule-form" onSubmit={(event) => void saveDefaults(event)} aria-label={`Defaults of ${rule.title}`}>
        <SettingInputs idPrefix={`${idPrefix}-default`} fields={defaults} onChange={setDefaults} placeholder={rule.default} />
        <button type="submit" className="small">Save defaults</button>
      </form>
      {rule.overrides.length > 0 ? (
        <table>
          <caption>Overrides of {rule.title}</caption>
          <thead><tr><th scope="col">Scope</th><th scope="col">Target</th><th scope="col">Enabled</th><th scope="col">Severity</th><th scope="col">Threshold</th><th scope="col">For (s)</th><th scope="col"><span className="visually-hidden">Remove</span></th></tr></thead>
          <tbody>
            {rule.overrides.map((item) => (
              <tr key={`${item.scope}:${item.target}`}>
                <td>{item.scope}</td><td className="mono">{item.target}</td>
                <td>{item.enabled === null ? '—' : item.enabled ? 'yes' : 'no'}</td><td>{item.severity ?? '—'}</td>
                <td>{item.threshold ?? '—'}</td><td>{item.for_seconds ?? '—'}</td>
                <td><button type="button" className="small secondary" onClick={() => void remove(item.scope, item.target)}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="rule-form" onSubmit={(event) => void saveOverride(event)} aria-label={`New override of ${rule.title}`}>
        <label htmlFor={`${idPrefix}-scope`}>Override for</label>
        <select id={`${idPrefix}-scope`} value={override.scope} onChange={(event) => setOverride({ ...override, scope: event.target.value })}>
          <option value="team">team (id)</option>
          {rule.source_kind === 'kafka' ? <option value="topic">topic</option> : <option value="stream">stream</option>}
        </select>
        <label htmlFor={`${idPrefix}-target`}>Name or id</label>
        <input id={`${idPrefix}-target`} required value={override.target} onChange={(event) => setOverride({ ...override, target: event.target.value })} />
        <SettingInputs idPrefix={`${idPrefix}-override`} fields={override} onChange={(fields) => setOverride({ ...override, ...fields })} placeholder={rule.default} />
        <button type="submit" className="small">Save override</button>
      </form>
      {message ? <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'muted' : 'banner'}>{message.text}</p> : null}
    </section>
  );
}

export function AlertRuleEditor({ rules }: { rules: AlertRuleJson[] }) {
  return <>{rules.map((rule) => <RuleCard key={rule.rule_id} initial={rule} />)}</>;
}
