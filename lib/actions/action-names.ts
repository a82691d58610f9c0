/** Every audited action, as stored in AuditEntry.action and filtered on in the audit API. */
export const actionNames = [
  'kafka.offsets.reset',
  'kafka.offsets.delete',
  'kafka.group.delete',
  'redis.group.set_id',
  'redis.pending.claim',
  'redis.pending.acknowledge',
  'redis.consumer.delete',
] as const;

export type ActionName = (typeof actionNames)[number];
