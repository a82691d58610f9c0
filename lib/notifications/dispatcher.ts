import type { DatabaseClient } from '@/lib/db/create-client';
import { describeError, log } from '@/lib/log';
import type { RetryPolicy } from './backoff';
import { buildRequest } from './build-request';
import { claimDeliveries, eventLookbackMs } from './claim-deliveries';
import { deliveryFacts, loadLeasedDelivery, type LeasedDelivery } from './leased-delivery';
import { channelsWithDueDeliveries, leaseDueDeliveries } from './lease-deliveries';
import { postMessage } from './post-message';
import { pruneDeliveries } from './prune-deliveries';
import { recordAttempt } from './record-attempt';

const recentWindowMs = 15 * 60_000;
const fullScanEveryMs = 10 * 60_000;

export interface DispatcherOptions {
  database: () => Promise<DatabaseClient>;
  publicBaseUrl: string | null;
  timeoutMs: number;
  policy: RetryPolicy;
  /** How often the loop looks for new events, retries and repeats while it runs. */
  pollIntervalMs: number;
  /** Messages in flight per channel: a slow receiver fills its own slots only. */
  channelConcurrency: number;
  /** The loop stops this long after the last `trigger` (this instance no longer leads). */
  activeWindowMs: number;
  nowMs?: () => number;
}

/**
 * Delivers the AlertEvent outbox (and repeats) to the alert channels. Every message is first
 * claimed by inserting its delivery row (unique per channel and message), then leased for one
 * try at a time, so any number of dispatchers on one database send each message once; a
 * dispatcher that dies leaves leased rows that another takes over when their lease runs out.
 * Sends are never awaited by the caller of `trigger`: the collector only asks for a pass.
 */
export class NotificationDispatcher {
  private readonly inFlightByChannel = new Map<string, number>();
  private readonly sends = new Set<Promise<void>>();
  private abort = new AbortController();
  private passInProgress: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private looping = false;
  private activeUntilMs = 0;
  private prunedAtMs = Number.NEGATIVE_INFINITY;
  private fullScanAtMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: DispatcherOptions) {}

  private now(): number {
    return this.options.nowMs?.() ?? Date.now();
  }

  /** Called after each leader pass of the collector: runs a pass soon and keeps the loop alive. */
  trigger(): void {
    this.activeUntilMs = this.now() + this.options.activeWindowMs;
    if (!this.looping) {
      // Leading (again): whatever happened while another instance led or nobody did is looked for.
      this.fullScanAtMs = Number.NEGATIVE_INFINITY;
      this.looping = true;
      this.tick();
    }
  }

  /** One pass, then waits for every send it started and the sends those freed slots started. */
  async runOnce(): Promise<void> {
    await this.pass();
    await this.settled();
  }

  /** Waits until no message is in flight. */
  async settled(): Promise<void> {
    while (this.sends.size > 0) await Promise.allSettled([...this.sends]);
  }

  /** Stops the loop and waits for the messages in flight to finish and be recorded. */
  async stop(): Promise<void> {
    this.activeUntilMs = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.looping = false;
    await this.passInProgress?.catch(() => undefined);
    await this.settled();
  }

  /**
   * What a crash does: in-flight requests are cut and nothing more is recorded. Their rows stay
   * leased, and another dispatcher retries them when the lease ends (with the same delivery id,
   * so a receiver that got the cut request can drop the repeat).
   */
  async abandon(): Promise<void> {
    this.activeUntilMs = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.looping = false;
    this.abort.abort();
    await this.passInProgress?.catch(() => undefined);
    await Promise.allSettled([...this.sends]);
    this.abort = new AbortController();
  }

  private tick(): void {
    void this.pass().finally(() => {
      if (this.now() >= this.activeUntilMs) {
        this.timer = null;
        this.looping = false;
        return;
      }
      this.timer = setTimeout(() => this.tick(), this.options.pollIntervalMs);
      this.timer.unref?.();
    });
  }

  /** Claims what is owed, then leases and starts sends per channel up to its free slots. */
  private pass(): Promise<void> {
    this.passInProgress ??= this.claimAndSend()
      .catch((error: unknown) => log.warn('notifications.pass_failed', { error: describeError(error) }))
      .finally(() => {
        this.passInProgress = null;
      });
    return this.passInProgress;
  }

  private async claimAndSend(): Promise<void> {
    const prisma = await this.options.database();
    const signal = this.abort.signal;
    // Events are claimed seconds after they are written, so most passes only look at the last
    // few minutes; the first pass (a new leader, after an outage) and one every few minutes look
    // back the whole day, catching anything a pass missed.
    const fullScan = this.now() - this.fullScanAtMs >= fullScanEveryMs;
    if (fullScan) this.fullScanAtMs = this.now();
    await claimDeliveries(prisma, this.now(), { windowMs: fullScan ? eventLookbackMs : recentWindowMs });
    if (this.now() - this.prunedAtMs >= 3_600_000) {
      this.prunedAtMs = this.now();
      await pruneDeliveries(prisma, this.now());
    }
    for (const channelId of await channelsWithDueDeliveries(prisma, this.now())) {
      if (signal.aborted) return;
      await this.fillChannelSlots(prisma, channelId, signal);
    }
  }

  /** Leases as many of a channel's due deliveries as it has free slots, and starts them. */
  private async fillChannelSlots(prisma: DatabaseClient, channelId: string, signal: AbortSignal): Promise<void> {
    const free = this.options.channelConcurrency - (this.inFlightByChannel.get(channelId) ?? 0);
    const leaseUntilMs = this.now() + this.leaseMs();
    const ids = await leaseDueDeliveries(prisma, channelId, { nowMs: this.now(), leaseUntilMs, limit: free });
    for (const id of ids) this.startSend(prisma, channelId, id, signal);
  }

  /** Long enough for one try to time out and be recorded, short enough for a quick takeover. */
  private leaseMs(): number {
    return this.options.timeoutMs * 2 + 5_000;
  }

  private startSend(prisma: DatabaseClient, channelId: string, deliveryId: number, signal: AbortSignal): void {
    this.inFlightByChannel.set(channelId, (this.inFlightByChannel.get(channelId) ?? 0) + 1);
    const send = this.send(prisma, deliveryId, signal)
      .catch((error: unknown) => log.warn('notifications.send_failed', { deliveryId, error: describeError(error) }))
      .finally(() => {
        this.inFlightByChannel.set(channelId, (this.inFlightByChannel.get(channelId) ?? 1) - 1);
        this.sends.delete(send);
        // A freed slot takes the channel's next due message at once, without waiting for a pass.
        if (!signal.aborted) this.refill(prisma, channelId, signal);
      });
    this.sends.add(send);
  }

  private refill(prisma: DatabaseClient, channelId: string, signal: AbortSignal): void {
    const refilling = this.fillChannelSlots(prisma, channelId, signal).catch((error: unknown) =>
      log.warn('notifications.pass_failed', { channelId, error: describeError(error) }),
    );
    // Tracked like a send, so `settled` also waits for the messages it starts.
    const tracked = refilling.finally(() => this.sends.delete(tracked));
    this.sends.add(tracked);
  }

  private async send(prisma: DatabaseClient, deliveryId: number, signal: AbortSignal): Promise<void> {
    const delivery = await loadLeasedDelivery(prisma, deliveryId);
    if (!delivery) return;
    const facts = deliveryFacts(delivery, this.now());
    if (facts === null) {
      // Silenced, acknowledged or resolved since it was claimed: it is not sent at all.
      await prisma.alertDelivery.deleteMany({ where: { id: delivery.id, status: 'sending' } });
      return;
    }
    const request = buildRequest(delivery.channel, facts, { publicBaseUrl: this.options.publicBaseUrl, nowMs: this.now() });
    const outcome = await postMessage(delivery.channel.url, request.body, request.headers, { timeoutMs: this.options.timeoutMs, signal });
    if (signal.aborted) return;
    const status = await recordAttempt(prisma, delivery, outcome, { nowMs: this.now(), policy: this.options.policy });
    logOutcome(delivery, status, outcome);
  }
}

function logOutcome(delivery: LeasedDelivery, status: string, outcome: { statusCode: number | null; errorKind: string | null; durationMs: number }): void {
  // Channel id and outcome only: the URL and secret never reach the log.
  const details = { deliveryId: delivery.id, channelId: delivery.channelId, kind: delivery.kind, attempt: delivery.attempt + 1, status, ...outcome };
  if (status === 'delivered') log.info('notifications.delivered', details);
  else log.warn('notifications.delivery_failed', details);
}
