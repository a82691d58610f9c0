import { Suspense } from 'react';
import type { Metadata } from 'next';
import { listKafkaClusters } from '@/lib/sources/kafka';
import { KafkaGroupsCard } from '@/components/overview/kafka-groups-card';
import { RedisStreamsCard } from '@/components/overview/redis-streams-card';
import { CardSkeleton } from '@/components/card-skeleton';
import { requireSession } from '@/lib/auth/require-session';
import { visibleTeamScope } from '@/lib/teams/visibility';

export const metadata: Metadata = { title: 'Overview · Lagboard' };
export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const scope = await visibleTeamScope(await requireSession());
  return (
    <>
      <h1>Overview</h1>
      {listKafkaClusters().map((cluster) => (
        <Suspense key={cluster.id} fallback={<CardSkeleton title={`Kafka cluster “${cluster.id}”`} />}>
          <KafkaGroupsCard clusterId={cluster.id} scope={scope} />
        </Suspense>
      ))}
      <Suspense fallback={<CardSkeleton title="Redis streams" />}>
        <RedisStreamsCard scope={scope} />
      </Suspense>
    </>
  );
}
