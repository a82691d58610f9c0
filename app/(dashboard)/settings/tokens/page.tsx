import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/require-session';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { toTokenJson } from '@/lib/api/token-json';
import { TokenManager } from '@/components/settings/token-manager';

export const metadata: Metadata = { title: 'API tokens · Lagboard' };

export default async function TokensPage() {
  const principal = await requireSession();
  const tokens = (await listApiTokens(principal.userId)).map(toTokenJson);
  return (
    <>
      <h1>API tokens</h1>
      <p className="muted">
        Scripts and Prometheus authenticate with <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you
        ({principal.username}, role {principal.role}). It is shown once; only its hash is stored.
      </p>
      <TokenManager initialTokens={tokens} />
    </>
  );
}
