import type { RedisObservation } from '@/lib/observations/redis';
import type { KafkaGroupAlertFacts } from './kafka-facts';

/**
 * The input of one evaluation: one source's observation and analysis. Only that source's
 * alerts are opened or resolved, so an instance that leads some sources evaluates just those.
 */
export type SourceAlertInput = KafkaSourceAlertInput | RedisSourceAlertInput;

export interface KafkaSourceAlertInput {
  kind: 'kafka';
  clusterId: string;
  evaluatedAtMs: number;
  /** Why the cluster could not be reached at all; null when it was read. */
  unreachableReason: string | null;
  /** null when there is no observation (unreachable): group alerts are then left as they are. */
  groups: KafkaGroupAlertFacts[] | null;
}

export interface RedisSourceAlertInput {
  kind: 'redis';
  evaluatedAtMs: number;
  unreachableReason: string | null;
  observation: RedisObservation | null;
}

export function sourceName(input: SourceAlertInput): string {
  return input.kind === 'kafka' ? `kafka:${input.clusterId}` : 'redis';
}
