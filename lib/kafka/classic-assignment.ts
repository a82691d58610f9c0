import { Reader } from '@platformatic/kafka';
import type { KafkaTopicPartitionRef } from '@/lib/observations/kafka';

/**
 * Decodes a classic member's assignment bytes (ConsumerProtocolAssignment, any version: they
 * all start with version, then [topic, [partition]]; user data and later fields are ignored).
 * Only groups whose protocol type is `consumer` use this layout; for others (Connect, ...) and
 * for members between JoinGroup and SyncGroup the result is empty.
 */
export function decodeClassicAssignment(protocolType: string, assignment: Buffer): KafkaTopicPartitionRef[] {
  if (protocolType !== 'consumer' || assignment.length < 6) {
    return [];
  }
  try {
    const reader = Reader.from(assignment);
    reader.readInt16();
    const topics = reader.readArray(
      (topicReader) => ({
        topic: topicReader.readString(false),
        partitions: topicReader.readArray((partitionReader) => partitionReader.readInt32(), false, false),
      }),
      false,
      false,
    );
    return topics.flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition })));
  } catch {
    // A member that wrote something else under protocol type `consumer`: no assignment to show.
    return [];
  }
}
