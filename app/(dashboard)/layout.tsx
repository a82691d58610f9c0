import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireSession } from '@/lib/auth/require-session';
import { listKafkaClusters } from '@/lib/sources/kafka';
import { SignOutButton } from '@/components/sign-out-button';
import { ThemeToggle } from '@/components/theme-toggle';
import { cookies } from 'next/headers';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await requireSession();
  const themeCookie = (await cookies()).get('theme')?.value;
  const theme = themeCookie === 'dark' || themeCookie === 'light' ? themeCookie : 'system';
  return (
    <>
      <header className="top">
        <Link href="/" className="brand">Lagboard</Link>
        <nav aria-label="Main">
          <Link href="/">Overview</Link>
          {listKafkaClusters().map((cluster) => (
            <Link key={cluster.id} href={`/clusters/${encodeURIComponent(cluster.id)}/groups`}>Groups ({cluster.id})</Link>
          ))}
          <Link href="/streams">Redis streams</Link>
          <Link href="/settings">Settings</Link>
        </nav>
        <div className="who">
          <span>{principal.username} <span className="badge">{principal.role}</span></span>
          <ThemeToggle initialTheme={theme} />
          <SignOutButton />
        </div>
      </header>
      <main>{children}</main>
    </>
  );
}
