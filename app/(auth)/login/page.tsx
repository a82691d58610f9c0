import type { Metadata } from 'next';
import { LoginForm } from '@/components/login-form';
import { safeCallbackPath } from '@/lib/auth/safe-callback-path';

export const metadata: Metadata = { title: 'Sign in · Lagboard' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parameters = await searchParams;
  const callbackUrl = safeCallbackPath(parameters.callbackUrl);
  return (
    <main className="login-shell">
      <div className="card" style={{ minWidth: '20rem' }}>
        <h1>Sign in to Lagboard</h1>
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
