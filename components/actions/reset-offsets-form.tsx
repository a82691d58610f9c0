'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { OffsetResetResponse } from '@/lib/actions/api-schemas';
import { ConfirmDialog } from './confirm-dialog';
import { readApiError } from './read-error';
import { ResetPreviewTable } from './reset-preview-table';

export interface ActionTopic {
  name: string;
  partitions: number[];
}

type TargetKind = 'earliest' | 'latest' | 'timestamp' | 'offset' | 'shift_by';
const targetLabels: Record<TargetKind, string> = {
  earliest: 'Earliest (log start)', latest: 'Latest (log end)', timestamp: 'Time', offset: 'Offset', shift_by: 'Shift by ±N',
};

function targetBody(kind: TargetKind, value: string): Record<string, unknown> {
  if (kind === 'earliest' || kind === 'latest') return { [kind]: true };
  if (kind === 'timestamp') return { timestamp: new Date(value).toISOString() };
  return { [kind]: Number(value) };
}

/** Reset offsets: choose topic, partitions and target; preview (dry run); confirm; reset. */
export function ResetOffsetsForm({ clusterId, groupId, topics }: { clusterId: string; groupId: string; topics: ActionTopic[] }) {
  const router = useRouter();
  const [topic, setTopic] = useState(topics[0]?.name ?? '');
  const [partitions, setPartitions] = useState('');
  const [kind, setKind] = useState<TargetKind>('latest');
  const [value, setValue] = useState('');
  const [preview, setPreview] = useState<OffsetResetResponse | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const url = `/api/v1/consumers/groups/${encodeURIComponent(groupId)}/offsets/reset?cluster_id=${encodeURIComponent(clusterId)}`;

  function requestBody(dryRun: boolean) {
    const chosen = partitions.trim() === '' ? undefined : partitions.split(',').map((part) => Number(part.trim()));
    return JSON.stringify({ topic, ...(chosen ? { partitions: chosen } : {}), to: targetBody(kind, value), dry_run: dryRun });
  }

  async function send(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody(dryRun) });
      if (!response.ok) {
        setError(await readApiError(response));
        return null;
      }
      return (await response.json()) as OffsetResetResponse;
    } catch {
      setError('The request did not reach the server');
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    setPreview(await send(true));
  }

  async function onConfirm() {
    const result = await send(false);
    setConfirming(false);
    if (result) {
      setPreview(result);
      setDone(`Offsets reset on ${result.partitions.length} partition(s); total lag now ${result.total_lag_after.toLocaleString('en-US')} msgs.`);
      router.refresh();
    }
  }

  const needsValue = kind === 'timestamp' || kind === 'offset' || kind === 'shift_by';
  const selected = topics.find((candidate) => candidate.name === topic);
  return (
    <form className="stack" onSubmit={onPreview} aria-label="Reset offsets">
      <h3>Reset offsets</h3>
      <div className="table-tools">
        <label>Topic{' '}
          <select value={topic} onChange={(event) => { setTopic(event.target.value); setPreview(null); }} data-testid="reset-topic">
            {topics.map((candidate) => <option key={candidate.name} value={candidate.name}>{candidate.name}</option>)}
          </select>
        </label>
        <label>Partitions{' '}
          <input value={partitions} onChange={(event) => { setPartitions(event.target.value); setPreview(null); }} placeholder={`all (0–${Math.max(0, (selected?.partitions.length ?? 1) - 1)})`} pattern="\s*\d+\s*(,\s*\d+\s*)*" aria-describedby="partitions-hint" />
        </label>
        <span id="partitions-hint" className="muted">empty for all, or e.g. 0,2</span>
        <label>Target{' '}
          <select value={kind} onChange={(event) => { setKind(event.target.value as TargetKind); setPreview(null); }} data-testid="reset-target">
            {(Object.keys(targetLabels) as TargetKind[]).map((option) => <option key={option} value={option}>{targetLabels[option]}</option>)}
          </select>
        </label>
        {needsValue ? (
          <label>{kind === 'timestamp' ? 'Time (local)' : kind === 'offset' ? 'Offset' : 'Messages (negative: back)'}{' '}
            <input required type={kind === 'timestamp' ? 'datetime-local' : 'number'} step={kind === 'timestamp' ? 1 : undefined} value={value} onChange={(event) => { setValue(event.target.value); setPreview(null); }} />
          </label>
        ) : null}
        <button type="submit" className="secondary" disabled={busy || topic === ''}>Preview</button>
      </div>
      {error ? <div className="banner" role="alert">{error}</div> : null}
      {done ? <div className="banner info" role="status" data-testid="action-result">{done}</div> : null}
      {preview && !preview.executed ? (
        <>
          <ResetPreviewTable preview={preview} />
          {preview.can_execute ? (
            <button type="button" onClick={() => setConfirming(true)} disabled={busy} data-testid="apply-reset">Reset these offsets…</button>
          ) : (
            <p className="banner" role="alert">
              The group has {preview.live_members.length} live member(s) ({preview.live_members.map((member) => member.client_id).join(', ')}): Kafka resets offsets only of an empty group. Stop its consumers first.
            </p>
          )}
        </>
      ) : null}
      <ConfirmDialog open={confirming} title={`Reset offsets of ${groupId}?`} confirmLabel="Reset offsets" busy={busy} onConfirm={onConfirm} onCancel={() => setConfirming(false)}>
        <p>{preview ? `${preview.partitions.length} partition(s) of ${preview.topic}: total lag ${preview.total_lag_before.toLocaleString('en-US')} → ${preview.total_lag_after.toLocaleString('en-US')} msgs.` : ''} The change is written to the audit log.</p>
      </ConfirmDialog>
    </form>
  );
}
