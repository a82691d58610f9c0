import { withAuth } from '@/lib/api/with-auth';
import { readUserPreferences, saveUserPreferences, userPreferencesInput } from '@/lib/auth/user-preferences';

export const dynamic = 'force-dynamic';

// The caller's own preferences: every role may read and change its own, nobody another's.
export const GET = withAuth(async ({ principal }) => readUserPreferences(principal.userId));

export const PUT = withAuth(async ({ request, principal }) => {
  const body = userPreferencesInput.parse(await request.json().catch(() => ({})));
  return saveUserPreferences(principal.userId, body);
});
