import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { requireSession } from '@/lib/auth/require-session';
import { listKafkaClusters } from '@/lib/sources/kafka';
import { SignOutButton } from '@/components/sign-out-button';
import { ThemeToggle } from '@/components/theme-toggle';
import { SourceBanner } from '@/components/source-banner';
import { DatabaseBanner } from '@/components/database-banner';
import { cookies } from 'next/headers';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await requireSession();
  const themeCookie = (await cookies()).get('theme')?.value;
  const theme = themeCookie === 'dark' || themeCookie === 'light' ? themeCookie : 'system';
  return (
    <>
      {/* Keyboard users reach the page's own content without tabbing through the header each time. */}
      <a href="#main" className="skip-link">Skip to main content</a>
      <header className="top">
        <Link href="/" className="brand">Lagboard</Link>
        <nav aria-label="Main">
          <Link href="/">Overview</Link>
          {listKafkaClusters().map((cluster) => (
            <Link key={cluster.id} href={`/clusters/${encodeURIComponent(cluster.id)}/groups`}>Groups ({cluster.id})</Link>
          ))}
          <Link href="/streams">Redis streams</Link>
          <Link href="/alerts">Alerts</Link>
          <Link href="/settings">Settings</Link>
          <Link href="/api-reference">API</Link>
        </nav>
        <div className="who">
          <span>{principal.username} <span className="badge">{principal.role}</span></span>
          <ThemeToggle initialTheme={theme} />
          <SignOutButton />
        </div>
      </header>
      {/* tabIndex -1: the skip link's target must be able to take focus, without becoming a tab stop. */}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={null}>
          <DatabaseBanner />
        </Suspense>
        <Suspense fallback={null}>
          <SourceBanner />
        </Suspense>
        {children}
      </main>
    </>
  );
}
