import type { ReactNode } from 'react';
import { resolveSharedChart } from '@/lib/share/shared-chart';
import { ShareUnavailable } from '@/components/share/share-unavailable';

/**
 * The page calls notFound() for a link that shows nothing, which gives the response its 404
 * status; the not-found boundary sits inside this layout, so the layout is where the reason
 * (expired, revoked, not valid) can still be said.
 */
export default async function SharedChartLayout({ children, params }: { children: ReactNode; params: Promise<{ token: string }> }) {
  const { token } = await params;
  const resolution = await resolveSharedChart(token);
  return (
    <>
      {resolution.status === 'active' ? null : <ShareUnavailable status={resolution.status} />}
      {children}
    </>
  );
}
