'use client';

import { useState, type FormEvent } from 'react';
import type { ApiTokenJson } from '@/lib/api/token-json';
import { RelativeTime } from '@/components/relative-time';
import { ScrollRegion } from '@/components/table/scroll-region';

async function readError(response: Response): Promise<string> {
  const body = await response.json().catch(() => null);
  return body?.error?.message ?? `Request failed (HTTP ${response.status})`;
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
      body: JSON.stringify({ name: new FormData(form).get('name') }),
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
              <th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th>
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
                <td>{token.revoked_at ? <span className="badge bad">revoked</span> : <span className="badge ok">active</span>}</td>
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
