import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { readJsonBody } from '@/lib/api/read-json-body';
import { createApiToken, listApiTokens } from '@/lib/auth/api-tokens';
import { toTokenJson } from '@/lib/api/token-json';
import { createTokenBody, maxTokenExpiryDays as maxExpiryDays } from '@/lib/auth/api-schemas';

export const dynamic = 'force-dynamic';

const dayMs = 86_400_000;
function expiryFrom(body: z.infer<typeof createTokenBody>, nowMs: number): Date | null {
  if (body.expires_in_days !== undefined) return new Date(nowMs + body.expires_in_days * dayMs);
  if (body.expires_at === undefined) return null;
  const expiresAt = new Date(body.expires_at);
  if (expiresAt.getTime() <= nowMs || expiresAt.getTime() > nowMs + maxExpiryDays * dayMs) {
    throw new ApiError(400, 'invalid_request', `expires_at must be in the future and at most ${maxExpiryDays} days away`);
  }
  return expiresAt;
}

export const GET = withAuth(async ({ principal }) => {
  const tokens = await listApiTokens(principal.userId);
  return { tokens: tokens.map(toTokenJson) };
}, { resource: 'none' });

// Only a signed-in browser creates tokens: a leaked token must not be able to mint fresh ones
// that outlive its revocation.
export const POST = withAuth(async ({ request, principal }) => {
  if (principal.via !== 'session') {
    throw new ApiError(403, 'forbidden', 'API tokens cannot create tokens: sign in and use the API tokens page');
  }
  const body = await readJsonBody(request, createTokenBody);
  const created = await createApiToken(principal.userId, body.name, { expiresAt: expiryFrom(body, Date.now()) });
  return Response.json({ token: created.token, ...toTokenJson(created.record) }, { status: 201, headers: { 'cache-control': 'no-store' } });
}, { resource: 'none' });
