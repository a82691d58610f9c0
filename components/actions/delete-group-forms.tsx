'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog } from './confirm-dialog';
import { readApiError } from './read-error';
import type { ActionTopic } from './reset-offsets-form';

function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(url: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(url, { method: 'DELETE' });
      if (!response.ok) {
        setError(await readApiError(response));
        return false;
      }
      return true;
    } catch {
      setError('The request did not reach the server');
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}

/** OffsetDelete for one topic, after a confirmation. */
export function DeleteOffsetsForm({ clusterId, groupId, topics }: { clusterId: string; groupId: string; topics: ActionTopic[] }) {
  const router = useRouter();
  const [topic, setTopic] = useState(topics[0]?.name ?? '');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  async function confirm() {
    const ok = await run(`/api/v1/consumers/groups/${encodeURIComponent(groupId)}/offsets?cluster_id=${encodeURIComponent(clusterId)}&topic=${encodeURIComponent(topic)}`);
    setConfirming(false);
    if (ok) {
      setDone(`Committed offsets of ${topic} deleted.`);
      router.refresh();
    }
  }
  return (
    <div className="stack">
      <h3>Delete offsets of a topic</h3>
      <div className="table-tools">
        <label>Topic{' '}
          <select value={topic} onChange={(event) => setTopic(event.target.value)}>
            {topics.map((candidate) => <option key={candidate.name} value={candidate.name}>{candidate.name}</option>)}
          </select>
        </label>
        <button type="button" className="secondary" disabled={busy || topic === ''} onClick={() => { setDone(null); setConfirming(true); }}>Delete offsets…</button>
      </div>
      {error ? <div className="banner" role="alert">{error}</div> : null}
      {done ? <div className="banner info" role="status">{done}</div> : null}
      <ConfirmDialog open={confirming} title={`Delete the offsets of ${topic}?`} confirmLabel="Delete offsets" busy={busy} onConfirm={confirm} onCancel={() => setConfirming(false)}>
        <p>The group forgets where it was on every partition of {topic}; its next consumer starts where its auto.offset.reset says. Written to the audit log.</p>
      </ConfirmDialog>
    </div>
  );
}

/** DeleteGroups, enabled only once the group id is typed exactly. */
export function DeleteGroupForm({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const router = useRouter();
  const [typed, setTyped] = useState('');
  const { busy, error, run } = useAction();
  async function remove() {
    if (await run(`/api/v1/consumers/groups/${encodeURIComponent(groupId)}?cluster_id=${encodeURIComponent(clusterId)}`)) {
      router.push(`/clusters/${encodeURIComponent(clusterId)}/groups`);
    }
  }
  return (
    <div className="stack">
      <h3>Delete the group</h3>
      <p className="muted">Removes the group and all its committed offsets. Kafka allows it only while the group has no members.</p>
      <div className="table-tools">
        <label>Type the group id to confirm{' '}
          <input value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" data-testid="delete-group-confirmation" />
        </label>
        <button type="button" disabled={busy || typed !== groupId} onClick={remove}>{busy ? 'Deleting…' : 'Delete group'}</button>
      </div>
      {error ? <div className="banner" role="alert">{error}</div> : null}
    </div>
  );
}
