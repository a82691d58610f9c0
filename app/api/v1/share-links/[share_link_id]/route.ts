import { notFound } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { revokeShareLink } from '@/lib/share/share-links';
import { shareLinkIdParameters } from '@/lib/share/api-schemas';

export const dynamic = 'force-dynamic';


// Viewer role is enough: an operator demoted to viewer must still be able to revoke their links.
export const DELETE = withAuth(async ({ params, principal }) => {
  const linkId = shareLinkIdParameters.parse(params).share_link_id;
  const revoked = await revokeShareLink(linkId, principal.role === 'admin' ? null : principal.userId);
  if (!revoked) throw notFound(`No active share link "${linkId}"`);
  return { revoked: true, id: linkId };
}, { resource: 'none' });
