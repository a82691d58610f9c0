import type { ClusterMetadata, ExtendedGroupProtocolSubscription, GroupPartitionsAssignments } from '@platformatic/kafka';

/**
 * Kafka's RangeAssignor for classic members (the library's default is round-robin over the
 * leader's own topics): per topic, the members subscribed to it, sorted by id, get consecutive
 * ranges, the first ones one partition more. Members subscribed to more topics get more
 * partitions, which is how the demo's unfair group is built.
 */
export function rangeAssigner(
  _leaderMemberId: string,
  members: Map<string, ExtendedGroupProtocolSubscription>,
  _leaderTopics: Set<string>,
  metadata: ClusterMetadata,
): GroupPartitionsAssignments[] {
  const assignments = new Map<string, GroupPartitionsAssignments>(
    [...members.keys()].map((memberId) => [memberId, { memberId, assignments: new Map() }]),
  );
  const allTopics = new Set([...members.values()].flatMap((member) => member.topics ?? []));
  for (const topic of [...allTopics].sort()) {
    const partitionCount = metadata.topics.get(topic)?.partitionsCount ?? 0;
    const subscribers = [...members.values()]
      .filter((member) => member.topics?.includes(topic))
      .map((member) => member.memberId)
      .sort();
    const perMember = Math.floor(partitionCount / subscribers.length);
    const withExtra = partitionCount % subscribers.length;
    subscribers.forEach((memberId, index) => {
      const start = perMember * index + Math.min(index, withExtra);
      const length = perMember + (index < withExtra ? 1 : 0);
      if (length > 0) {
        const partitions = Array.from({ length }, (_unused, offset) => start + offset);
        assignments.get(memberId)?.assignments.set(topic, { topic, partitions });
      }
    });
  }
  return [...assignments.values()];
}
