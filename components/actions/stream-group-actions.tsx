'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { PendingActionResponse, SetIdResponse } from '@/lib/actions/api-schemas';
import { ConfirmDialog } from './confirm-dialog';
import { readApiError } from './read-error';

type ConsumerAction = 'claim' | 'acknowledge' | 'delete';

async function call<Body>(url: string, init: RequestInit): Promise<{ body: Body | null; error: string | null }> {
  try {
    const response = await fetch(url, init);
    if (!response.ok) return { body: null, error: await readApiError(response) };
    return { body: (await response.json()) as Body, error: null };
  } catch {
    return { body: null, error: 'The request did not reach the server' };
  }
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Operators' Redis actions on one stream group: SETID with a lag preview, and per consumer claim, acknowledge, delete. */
export function StreamGroupActions({ stream, group, consumers, defaultConsumer }: {
  stream: string;
  group: string;
  consumers: Array<{ name: string; pending: number }>;
  defaultConsumer: string | null;
}) {
  const router = useRouter();
  const base = `/api/v1/events/streams/${encodeURIComponent(stream)}/groups/${encodeURIComponent(group)}`;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [id, setId] = useState('$');
  const [idPreview, setIdPreview] = useState<SetIdResponse | null>(null);
  const [consumer, setConsumer] = useState(defaultConsumer ?? consumers[0]?.name ?? '');
  const [action, setAction] = useState<ConsumerAction>('claim');
  const [toConsumer, setToConsumer] = useState('');
  const [minIdleMs, setMinIdleMs] = useState('60000');
  const [force, setForce] = useState(false);
  const [pendingPreview, setPendingPreview] = useState<PendingActionResponse | null>(null);
  const [confirming, setConfirming] = useState<'set_id' | ConsumerAction | null>(null);

  async function run<Body>(url: string, init: RequestInit): Promise<Body | null> {
    setBusy(true);
    setError(null);
    const result = await call<Body>(url, init);
    setBusy(false);
    setError(result.error);
    return result.body;
  }

  async function previewSetId(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    setIdPreview(await run<SetIdResponse>(`${base}/last-delivered-id`, post({ id, dry_run: true })));
  }

  async function previewConsumerAction(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    if (action === 'delete') {
      setConfirming('delete');
      return;
    }
    const body = action === 'claim' ? { to_consumer: toConsumer, min_idle_ms: Number(minIdleMs), dry_run: true } : { min_idle_ms: Number(minIdleMs), dry_run: true };
    const preview = await run<PendingActionResponse>(`${base}/consumers/${encodeURIComponent(consumer)}/${action}`, post(body));
    setPendingPreview(preview);
    if (preview) setConfirming(action);
  }

  async function confirm() {
    let message: string | null = null;
    if (confirming === 'set_id') {
      const result = await run<SetIdResponse>(`${base}/last-delivered-id`, post({ id, dry_run: false }));
      if (result) message = `Last-delivered id set to ${result.last_delivered_id_after}; lag ${result.lag_after}${result.lag_after_at_least ? '+' : ''} entries.`;
    } else if (confirming === 'delete') {
      const result = await run<{ pending_dropped: number }>(`${base}/consumers/${encodeURIComponent(consumer)}${force ? '?force=true' : ''}`, { method: 'DELETE' });
      if (result) message = `Consumer ${consumer} deleted (${result.pending_dropped} pending entries dropped).`;
    } else if (confirming) {
      const body = confirming === 'claim' ? { to_consumer: toConsumer, min_idle_ms: Number(minIdleMs), dry_run: false } : { min_idle_ms: Number(minIdleMs), dry_run: false };
      const result = await run<PendingActionResponse>(`${base}/consumers/${encodeURIComponent(consumer)}/${confirming}`, post(body));
      if (result) message = `${result.affected_count} entries ${confirming === 'claim' ? `claimed by ${toConsumer}` : 'acknowledged'}${result.limit_reached ? '; more match: run it again' : ''}.`;
    }
    setConfirming(null);
    setIdPreview(null);
    setPendingPreview(null);
    if (message) {
      setDone(message);
      router.refresh();
    }
  }

  const selected = consumers.find((candidate) => candidate.name === consumer);
  const groupLabel = group.replace(/[^A-Za-z0-9_-]/g, '-');
  return (
    <div className="stack" data-testid="stream-actions">
      <h3>Actions</h3>
      <form className="table-tools" onSubmit={previewSetId} aria-label={`Move the last-delivered id of ${group}`}>
        <label>Last-delivered id{' '}
          <input value={id} onChange={(event) => { setId(event.target.value); setIdPreview(null); }} required pattern="\$|0|\d+(-\d+)?" aria-describedby={`setid-hint-${groupLabel}`} />
        </label>
        <span id={`setid-hint-${groupLabel}`} className="muted">$ newest, 0 start, or an entry id</span>
        <button type="submit" className="secondary" disabled={busy}>Preview</button>
      </form>
      {idPreview ? (
        <p>
          {idPreview.last_delivered_id_before} → <span className="mono">{idPreview.last_delivered_id_after}</span>: lag {idPreview.lag_before ?? '—'} → {idPreview.lag_after}{idPreview.lag_after_at_least ? '+' : ''} entries.{' '}
          <button type="button" onClick={() => setConfirming('set_id')} disabled={busy}>Move it…</button>
        </p>
      ) : null}
      {consumers.length > 0 ? (
        <form className="table-tools" onSubmit={previewConsumerAction} aria-label={`Act on a consumer of ${group}`}>
          <label>Consumer{' '}
            <select value={consumer} onChange={(event) => setConsumer(event.target.value)}>
              {consumers.map((candidate) => <option key={candidate.name} value={candidate.name}>{candidate.name} ({candidate.pending} pending)</option>)}
            </select>
          </label>
          <label>Action{' '}
            <select value={action} onChange={(event) => setAction(event.target.value as ConsumerAction)}>
              <option value="claim">Claim pending to another consumer</option>
              <option value="acknowledge">Acknowledge pending</option>
              <option value="delete">Delete the consumer</option>
            </select>
          </label>
          {action === 'claim' ? <label>To consumer{' '}<input value={toConsumer} onChange={(event) => setToConsumer(event.target.value)} required /></label> : null}
          {action !== 'delete' ? <label>Idle at least (ms){' '}<input type="number" min={0} value={minIdleMs} onChange={(event) => setMinIdleMs(event.target.value)} required /></label> : null}
          {action === 'delete' ? <label><input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} /> even with pending entries</label> : null}
          <button type="submit" className="secondary" disabled={busy || consumer === ''}>{action === 'delete' ? 'Delete…' : 'Preview…'}</button>
        </form>
      ) : null}
      {error ? <div className="banner" role="alert">{error}</div> : null}
      {done ? <div className="banner info" role="status">{done}</div> : null}
      <ConfirmDialog open={confirming !== null} title={confirming === 'set_id' ? `Move ${group}?` : confirming === 'delete' ? `Delete consumer ${consumer}?` : `${confirming === 'claim' ? 'Claim' : 'Acknowledge'} entries of ${consumer}?`}
        confirmLabel="Confirm" busy={busy} onConfirm={confirm} onCancel={() => setConfirming(null)}>
        <p>
          {confirming === 'set_id' && idPreview ? `XGROUP SETID to ${idPreview.last_delivered_id_after}: the group's lag becomes ${idPreview.lag_after}${idPreview.lag_after_at_least ? '+' : ''} entries.` : null}
          {confirming === 'delete' ? `${selected?.pending ?? 0} pending entries held by ${consumer}${force ? ' will be dropped' : ''}.` : null}
          {(confirming === 'claim' || confirming === 'acknowledge') && pendingPreview ? `${pendingPreview.matching_count}${pendingPreview.limit_reached ? '+' : ''} pending entries idle at least ${pendingPreview.min_idle_ms} ms will be ${confirming === 'claim' ? `moved to ${toConsumer}` : 'acknowledged (never processed)'}.` : null}
          {' '}Written to the audit log.
        </p>
      </ConfirmDialog>
    </div>
  );
}
