/**
 * Kafka refused a group write, with Kafka's own error name (NON_EMPTY_GROUP, GROUP_ID_NOT_FOUND,
 * UNKNOWN_MEMBER_ID, ...), so the caller can turn it into a 404 or 409 with a clear message.
 */
export class KafkaAdminError extends Error {
  constructor(
    readonly kafkaError: string,
    readonly request: string,
  ) {
    super(`${request}: Kafka answered ${kafkaError}`);
    this.name = 'KafkaAdminError';
  }
}
