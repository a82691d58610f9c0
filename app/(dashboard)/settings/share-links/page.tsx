import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/roles';
import { toShareLinkJson } from '@/lib/share/share-link-record';
import { listShareLinks } from '@/lib/share/share-links';
import { listKafkaClusters } from '@/lib/sources/kafka';
import { ShareLinkForm } from '@/components/settings/share-link-form';
import { ShareLinkList } from '@/components/settings/share-link-list';

export const metadata: Metadata = { title: 'Share links · Lagboard' };
export const dynamic = 'force-dynamic';

export default async function ShareLinksPage() {
  const principal = await requireSession();
  const now = new Date();
  const links = (await listShareLinks(principal.role === 'admin' ? null : principal.userId)).map((link) => toShareLinkJson(link, now));
  return (
    <>
      <h1>Share links</h1>
      <p className="muted">
        A share link shows one chart, read-only, to anyone who has the link, without signing in, until it expires or is
        revoked. {principal.role === 'admin' ? 'As an admin you see and can revoke everyone’s links.' : 'These are the links you created.'}
      </p>
      {hasRole(principal.role, 'operator') ? <ShareLinkForm clusterIds={listKafkaClusters().map((cluster) => cluster.id)} /> : null}
      {/* Keyed by the ids: a link created above refreshes the page and remounts the list with it. */}
      <ShareLinkList key={links.map((link) => link.id).join()} initialLinks={links} showCreator={principal.role === 'admin'} />
    </>
  );
}
