/** Identifies one partition of one topic; every per-partition input and result carries it. */
export interface TopicPartition {
  topic: string;
  partition: number;
}

/** `orders-3`: the spelling Kafka's own tools use, so operators can paste it into them. */
export function formatTopicPartition({ topic, partition }: TopicPartition): string {
  return `${topic}-${partition}`;
}
