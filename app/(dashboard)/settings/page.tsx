import Link from 'next/link';
import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/require-session';
import { refreshIntervalSecondsOf } from '@/lib/auth/user-preferences';
import { RefreshIntervalSetting } from '@/components/settings/refresh-interval-setting';

export const metadata: Metadata = { title: 'Settings · Lagboard' };

export default async function SettingsPage() {
  const principal = await requireSession();
  const refreshSeconds = await refreshIntervalSecondsOf(principal.userId);
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
          <li><Link href="/settings/alert-rules">Alert rules</Link> — thresholds, durations and severities, per team, topic and stream</li>
          {principal.role === 'admin' ? <li><Link href="/settings/alert-channels">Alert channels</Link> — where alert notifications go (webhook, Slack)</li> : null}
          {principal.role === 'admin' ? <li><Link href="/settings/audit">Audit log</Link> — every operator action and refused attempt</li> : null}
        </ul>
      </section>
    </>
  );
}
