import { Suspense } from 'react';
import type { Metadata } from 'next';
import { listKafkaClusters } from '@/lib/sources/kafka';
import { KafkaGroupsCard } from '@/components/overview/kafka-groups-card';
import { RedisStreamsCard } from '@/components/overview/redis-streams-card';
import { CardSkeleton } from '@/components/card-skeleton';

export const metadata: Metadata = { title: 'Overview · Lagboard' };
export const dynamic = 'force-dynamic';

export default function OverviewPage() {
  return (
    <>
      <h1>Overview</h1>
      {listKafkaClusters().map((cluster) => (
        <Suspense key={cluster.id} fallback={<CardSkeleton title={`Kafka cluster “${cluster.id}”`} />}>
          <KafkaGroupsCard clusterId={cluster.id} />
        </Suspense>
      ))}
      <Suspense fallback={<CardSkeleton title="Redis streams" />}>
        <RedisStreamsCard />
      </Suspense>
    </>
  );
}
