'use client';

import { useState, type FormEvent } from 'react';
import type { ApiTokenJson } from '@/lib/api/token-json';
import { RelativeTime } from '@/components/relative-time';
import { ScrollRegion } from '@/components/table/scroll-region';

async function readError(response: Response): Promise<string> {
  const body = await response.json().catch(() => null);
  return body?.error?.message ?? `Request failed (HTTP ${response.status})`;
}

const expiryChoices = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: 7, label: '7 days' },
  { days: 0, label: 'Never' },
];

function createBody(form: FormData): { name: string; expires_in_days?: number } {
  const days = Number(form.get('expires_in_days'));
  return { name: String(form.get('name') ?? ''), ...(days > 0 ? { expires_in_days: days } : {}) };
}

function statusOf(token: ApiTokenJson, nowMs: number): { label: string; tone: 'ok' | 'bad' } {
  if (token.revoked_at) return { label: 'revoked', tone: 'bad' };
  if (token.expires_at && Date.parse(token.expires_at) <= nowMs) return { label: 'expired', tone: 'bad' };
  return { label: 'active', tone: 'ok' };
}

function TokenStatus({ token }: { token: ApiTokenJson }) {
  // Rendered from the time the list was loaded; an expiry passing later shows on the next load.
  const [loadedAtMs] = useState(() => Date.now());
  const status = statusOf(token, loadedAtMs);
  return <span className={`badge ${status.tone}`}>{status.label}</span>;
}

export function TokenManager({ initialTokens }: { initialTokens: ApiTokenJson[] }) {
  const [tokens, setTokens] = useState(initialTokens);
  const [newToken, setNewToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setError(null);
    const response = await fetch('/api/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(createBody(new FormData(form))),
    });
    setBusy(false);
    if (!response.ok) {
      setError(await readError(response));
      return;
    }
    const { token, ...record } = (await response.json()) as ApiTokenJson & { token: string };
    setNewToken(token);
    setTokens((current) => [record, ...current]);
    form.reset();
  }

  async function revoke(id: string) {
    setError(null);
    const response = await fetch(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
    if (!response.ok) {
      setError(await readError(response));
      return;
    }
    setTokens((current) => current.map((token) => (token.id === id ? { ...token, revoked_at: new Date().toISOString() } : token)));
  }

  return (
    <>
      <form className="card stack" onSubmit={create} aria-label="Create a token">
        <label>
          Token name
          <input name="name" placeholder="e.g. prometheus" required maxLength={100} />
        </label>
        <label>
          Expires after
          <select name="expires_in_days" defaultValue="30">
            {expiryChoices.map((choice) => <option key={choice.days} value={choice.days}>{choice.label}</option>)}
          </select>
        </label>
        <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create token'}</button>
      </form>
      {newToken ? (
        <div className="banner info" role="status">
          Copy this token now; it will not be shown again: <code data-testid="new-token">{newToken}</code>
        </div>
      ) : null}
      {error ? <div className="banner" role="alert">{error}</div> : null}
      {tokens.length === 0 ? (
        <p className="muted">No tokens yet. Create one for each script or Prometheus server.</p>
      ) : (
        <ScrollRegion label="API tokens"><table className="data">
          <caption className="visually-hidden">API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col">Status</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td className="mono">{token.prefix}…</td>
                <td><RelativeTime time={token.created_at} /></td>
                <td>{token.last_used_at ? <RelativeTime time={token.last_used_at} /> : 'never'}</td>
                <td>{token.expires_at ? <RelativeTime time={token.expires_at} /> : 'never'}</td>
                <td><TokenStatus token={token} /></td>
                <td>
                  {token.revoked_at ? null : (
                    <button type="button" className="secondary" onClick={() => revoke(token.id)} aria-label={`Revoke ${token.name}`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table></ScrollRegion>
      )}
    </>
  );
}
