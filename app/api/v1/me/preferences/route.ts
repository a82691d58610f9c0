import { withAuth } from '@/lib/api/with-auth';
import { readJsonBody } from '@/lib/api/read-json-body';
import { readUserPreferences, saveUserPreferences, userPreferencesInput } from '@/lib/auth/user-preferences';

export const dynamic = 'force-dynamic';

// The caller's own preferences: every role may read and change its own, nobody another's.
export const GET = withAuth(async ({ principal }) => readUserPreferences(principal.userId), { resource: 'none' });

export const PUT = withAuth(async ({ request, principal }) => {
  const body = await readJsonBody(request, userPreferencesInput);
  return saveUserPreferences(principal.userId, body);
}, { resource: 'none' });
