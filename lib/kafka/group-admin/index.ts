// Writes to consumer groups for lib/actions: offset commits, group and offset deletes, offsets by time.
export { openAdminContext, type AdminContext } from './admin-context';
export { KafkaAdminError } from './admin-error';
export { commitGroupOffsets, deleteGroup, deleteGroupOffsets, type PartitionOffset } from './group-writes';
export { readOffsetsForTimestamp } from './offsets-for-timestamp';
