import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireSession } from '@/lib/auth/require-session';
import { SignOutButton } from '@/components/sign-out-button';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await requireSession();
  return (
    <>
      <header className="top">
        <Link href="/" className="brand">Lagboard</Link>
        <nav aria-label="Main">
          <Link href="/">Overview</Link>
          <Link href="/settings/tokens">API tokens</Link>
        </nav>
        <div className="who">
          <span>{principal.username} <span className="badge">{principal.role}</span></span>
          <SignOutButton />
        </div>
      </header>
      <main>{children}</main>
    </>
  );
}
