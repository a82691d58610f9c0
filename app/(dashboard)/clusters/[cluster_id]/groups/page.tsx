import type { Metadata } from 'next';
import { getGroupList } from '@/lib/consumers/get-consumer-views';
import { requireSession } from '@/lib/auth/require-session';
import { visibleTeamScope } from '@/lib/teams/visibility';
import { scopeGroupList } from '@/lib/teams/scoped-views';
import { loadOrNotFound } from '@/lib/api/page-data';
import { refreshIntervalSecondsOf } from '@/lib/auth/user-preferences';
import { GroupsTable } from '@/components/groups/groups-table';
import { firingAlertCountsBy } from '@/lib/alerts/firing-counts';

import { decodePathSegment } from '@/lib/decode-path-segment';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ cluster_id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Consumer groups · ${decodePathSegment((await params).cluster_id)} · Lagboard` };
}

export default async function GroupsPage({ params }: Props) {
  const clusterId = decodePathSegment((await params).cluster_id);
  const principal = await requireSession();
  const [fullList, scope, refreshIntervalSeconds] = await loadOrNotFound(() => Promise.all([getGroupList(clusterId), visibleTeamScope(principal), refreshIntervalSecondsOf(principal.userId)]));
  const list = scopeGroupList(fullList, scope);
  const alertCounts = Object.fromEntries(await firingAlertCountsBy('groupId', clusterId));
  return (
    <>
      <h1>Consumer groups — cluster “{list.cluster_id}”</h1>
      <GroupsTable initial={list} refreshIntervalSeconds={refreshIntervalSeconds} alertCounts={alertCounts} />
    </>
  );
}
