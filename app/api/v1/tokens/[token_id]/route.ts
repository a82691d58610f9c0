import { withAuth } from '@/lib/api/with-auth';
import { revokeApiToken } from '@/lib/auth/api-tokens';
import { notFound } from '@/lib/api/errors';
import { tokenIdParameters } from '@/lib/auth/api-schemas';

export const dynamic = 'force-dynamic';


export const DELETE = withAuth(async ({ params, principal }) => {
  const tokenId = tokenIdParameters.parse(params).token_id;
  const revoked = await revokeApiToken(tokenId, principal.role === 'admin' ? null : principal.userId);
  if (!revoked) {
    throw notFound(`No active token "${tokenId}"`);
  }
  return { revoked: true, id: tokenId };
}, { resource: 'none' });
