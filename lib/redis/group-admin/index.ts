// Writes to stream consumer groups for lib/actions.
export { countEntriesAfter, readGroupPosition, RedisGroupNotFoundError, type GroupPosition, type StreamPosition } from './read-group-position';
export { acknowledgeEntries, claimEntries, deleteConsumer, readConsumerPendingIds, setGroupLastDeliveredId } from './group-writes';
