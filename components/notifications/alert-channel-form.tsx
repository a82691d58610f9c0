'use client';

import { useState, type FormEvent } from 'react';
import type { AlertChannelJson } from '@/lib/notifications/api-schemas';
import { saveChannel, type RequestProblem } from './channel-api';

export interface TeamOption {
  id: string;
  name: string;
}

interface AlertChannelFormProps {
  /** Null: a new channel. */
  channel: AlertChannelJson | null;
  teams: TeamOption[];
  onSaved: (channel: AlertChannelJson) => void;
  onCancel: () => void;
}

function FieldError({ id, problem }: { id: string; problem: string | undefined }) {
  return problem ? <span id={id} className="field-error" role="alert">{problem}</span> : null;
}

/** Builds the request body; empty URL and secret on an edit keep the stored values (they are never shown). */
function bodyFrom(data: FormData, editing: boolean): Record<string, unknown> {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const body: Record<string, unknown> = {
    name: text('name'),
    kind: text('kind'),
    team_id: text('team_id') || null,
    min_severity: text('min_severity'),
    rule_ids: text('rule_ids').split(/[\s,]+/).filter(Boolean),
    repeat_interval_seconds: text('repeat_interval_minutes') === '' ? null : Math.round(Number(text('repeat_interval_minutes')) * 60),
    enabled: data.get('enabled') === 'on',
  };
  if (!editing || text('url') !== '') body.url = text('url');
  if (text('secret') !== '') body.secret = text('secret');
  return body;
}

export function AlertChannelForm({ channel, teams, onSaved, onCancel }: AlertChannelFormProps) {
  const [problem, setProblem] = useState<RequestProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = channel !== null;
  const fields = problem?.fields ?? {};
  const described = (name: string) => (fields[name] ? { 'aria-invalid': true, 'aria-describedby': `channel-${name}-error` } : {});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await saveChannel(channel, bodyFrom(new FormData(event.currentTarget), editing));
    setBusy(false);
    if (result.ok) onSaved(result.channel);
    else setProblem(result.problem);
  }

  return (
    <form className="card stack channel-form" onSubmit={submit} aria-label={editing ? `Edit channel ${channel.name}` : 'New alert channel'} noValidate>
      <h2>{editing ? `Edit “${channel.name}”` : 'New alert channel'}</h2>
      {problem ? <div className="banner" role="alert">{problem.message}</div> : null}
      <label>
        Name
        <input name="name" required maxLength={100} defaultValue={channel?.name ?? ''} {...described('name')} />
        <FieldError id="channel-name-error" problem={fields.name} />
      </label>
      <label>
        Kind
        <select name="kind" defaultValue={channel?.kind ?? 'webhook'} {...described('kind')}>
          <option value="webhook">Webhook (signed JSON)</option>
          <option value="slack">Slack-compatible incoming webhook</option>
        </select>
      </label>
      <label>
        URL
        <input name="url" type="url" required={!editing} maxLength={2000} {...described('url')}
          placeholder={editing ? `${channel.url_masked} (leave empty to keep)` : 'https://hooks.slack.com/services/…'} />
        <FieldError id="channel-url-error" problem={fields.url} />
      </label>
      <label>
        Signing secret <span className="unit">(webhook only, at least 16 characters)</span>
        <input name="secret" type="password" autoComplete="new-password" maxLength={256} {...described('secret')}
          placeholder={channel?.secret_masked ? `${channel.secret_masked} (leave empty to keep)` : ''} />
        <FieldError id="channel-secret-error" problem={fields.secret} />
      </label>
      <label>
        Team
        <select name="team_id" defaultValue={channel?.team_id ?? ''} {...described('team_id')}>
          <option value="">Every alert (no team)</option>
          {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </select>
        <FieldError id="channel-team_id-error" problem={fields.team_id} />
      </label>
      <label>
        Minimum severity
        <select name="min_severity" defaultValue={channel?.min_severity ?? 'info'}>
          <option value="info">info</option>
          <option value="warning">warning</option>
          <option value="critical">critical</option>
        </select>
      </label>
      <label>
        Rules <span className="unit">(rule ids, comma-separated; empty: every rule)</span>
        <input name="rule_ids" defaultValue={channel?.rule_ids.join(', ') ?? ''} placeholder="kafka.slo_violation, redis.pending_high" {...described('rule_ids')} />
        <FieldError id="channel-rule_ids-error" problem={Object.entries(fields).find(([name]) => name.startsWith('rule_ids'))?.[1]} />
      </label>
      <label>
        Repeat while firing <span className="unit">(minutes; empty: no repeat)</span>
        <input name="repeat_interval_minutes" type="number" min={1} step={1} {...described('repeat_interval_seconds')}
          defaultValue={channel?.repeat_interval_seconds ? channel.repeat_interval_seconds / 60 : ''} />
        <FieldError id="channel-repeat_interval_seconds-error" problem={fields.repeat_interval_seconds} />
      </label>
      <label className="inline">
        <input name="enabled" type="checkbox" defaultChecked={channel?.enabled ?? true} /> Enabled
      </label>
      <div className="table-tools">
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : editing ? 'Save channel' : 'Create channel'}</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
