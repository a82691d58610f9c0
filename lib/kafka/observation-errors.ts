import type { KafkaObservationError } from '@/lib/observations/kafka';
import { describeFailure, withoutAddresses } from './describe-failure';

/** Collects the problems of one observation; every message passes through the address filter. */
export class ObservationErrors {
  readonly entries: KafkaObservationError[] = [];

  constructor(private readonly requestTimeoutMs: number) {}

  add(scope: string, message: string): void {
    this.entries.push({ scope, message: withoutAddresses(message) });
  }

  /** `what` names the request and where it went, e.g. "ListGroups on broker 1". */
  addFailure(scope: string, what: string, error: unknown): void {
    this.add(scope, `${what} failed: ${describeFailure(error, this.requestTimeoutMs)}`);
  }
}
