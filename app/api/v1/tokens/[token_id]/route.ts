import { withAuth } from '@/lib/api/with-auth';
import { revokeApiToken } from '@/lib/auth/api-tokens';
import { notFound } from '@/lib/api/errors';
import { tokenIdParameters } from '@/lib/auth/api-schemas';

export const dynamic = 'force-dynamic';


export const DELETE = withAuth<{ token_id: string }>(async ({ params, principal }) => {
  const { token_id: tokenId } = tokenIdParameters.parse(params);
  const revoked = await revokeApiToken(tokenId, principal.role === 'admin' ? null : principal.userId);
  if (!revoked) {
    throw notFound(`No active token "${tokenId}"`);
  }
  return { revoked: true, id: tokenId };
});
