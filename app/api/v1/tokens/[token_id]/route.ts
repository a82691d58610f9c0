import { z } from 'zod';
import { withAuth } from '@/lib/api/with-auth';
import { revokeApiToken } from '@/lib/auth/api-tokens';
import { notFound } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

const tokenIdParameter = z.string().min(1).max(64).regex(/^[\w-]+$/, 'not a token id');

export const DELETE = withAuth(async ({ params, principal }) => {
  const tokenId = tokenIdParameter.parse(params.token_id);
  const revoked = await revokeApiToken(tokenId, principal.role === 'admin' ? null : principal.userId);
  if (!revoked) {
    throw notFound(`No active token "${tokenId}"`);
  }
  return { revoked: true, id: tokenId };
}, { resource: 'none' });
