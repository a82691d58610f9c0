import { describeError, log } from '@/lib/log';

/**
 * Logs a failing dependency once per outage instead of once per attempt: a collector retrying
 * every 30 s against a stopped database would otherwise fill the log with the same line. The
 * recovery is logged too, with how long the outage lasted.
 */
export class OutageLog {
  private outageStartedAtMs: number | null = null;

  constructor(
    private readonly event: string,
    private readonly nowMs: () => number = Date.now,
  ) {}

  get inOutage(): boolean {
    return this.outageStartedAtMs !== null;
  }

  failed(error: unknown, details: Record<string, unknown> = {}): void {
    if (this.outageStartedAtMs !== null) return;
    this.outageStartedAtMs = this.nowMs();
    log.warn(`${this.event}_unavailable`, { ...details, error: describeError(error) });
  }

  succeeded(details: Record<string, unknown> = {}): void {
    if (this.outageStartedAtMs === null) return;
    log.info(`${this.event}_recovered`, { ...details, outageMs: this.nowMs() - this.outageStartedAtMs });
    this.outageStartedAtMs = null;
  }
}
