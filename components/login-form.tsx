'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { safeCallbackPath } from '@/lib/auth/safe-callback-path';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn('credentials', {
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // Checked again here: the form must never send the browser off-site, whatever it was given.
      window.location.assign(safeCallbackPath(callbackUrl));
      return;
    }
    setSubmitting(false);
    setError(result?.status === 429
      ? 'Too many failed sign-in attempts. Wait a few minutes, then try again.'
      : 'Wrong username or password.');
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label>
        Username
        <input name="username" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error ? <p role="alert" style={{ color: 'var(--bad)', margin: 0 }}>{error}</p> : null}
      <button type="submit" disabled={submitting}>{submitting ? 'Signing in…' : 'Sign in'}</button>
    </form>
  );
}
