import Link from 'next/link';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { requireSession } from '@/lib/auth/require-session';
import { parseRefreshIntervalSeconds } from '@/lib/swr/refresh-interval';
import { RefreshIntervalSetting } from '@/components/settings/refresh-interval-setting';

export const metadata: Metadata = { title: 'Settings · Lagboard' };

export default async function SettingsPage() {
  const principal = await requireSession();
  const refreshSeconds = parseRefreshIntervalSeconds((await cookies()).get('refresh_s')?.value);
  return (
    <>
      <h1>Settings</h1>
      <section className="card">
        <h2>Live refresh</h2>
        <RefreshIntervalSetting initialSeconds={refreshSeconds} />
      </section>
      <section className="card">
        <h2>Access</h2>
        <ul>
          <li><Link href="/settings/tokens">API tokens</Link> — for scripts and Prometheus</li>
          <li><Link href="/settings/share-links">Share links</Link> — read-only chart links you created</li>
          {principal.role === 'admin' ? <li><Link href="/settings/teams">Teams</Link> — ownership patterns, members and thresholds</li> : null}
        </ul>
      </section>
    </>
  );
}
