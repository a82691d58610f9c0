import { withAuth } from '@/lib/api/with-auth';
import { createApiToken, listApiTokens } from '@/lib/auth/api-tokens';
import { toTokenJson } from '@/lib/api/token-json';
import { createTokenBody } from '@/lib/auth/api-schemas';

export const dynamic = 'force-dynamic';


export const GET = withAuth(async ({ principal }) => {
  const tokens = await listApiTokens(principal.userId);
  return { tokens: tokens.map(toTokenJson) };
});

// Browsers only: a script holding a token should not mint more tokens with it.
export const POST = withAuth(async ({ request, principal }) => {
  const body = createTokenBody.parse(await request.json().catch(() => ({})));
  const created = await createApiToken(principal.userId, body.name);
  return Response.json({ token: created.token, ...toTokenJson(created.record) }, { status: 201 });
});
