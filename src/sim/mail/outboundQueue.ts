// A mail server's outbound queue and its delivery agent: each message waits here until every recipient is
// delivered or bounced. Temporary failures are retried by the server's policy; the sender is warned after a
// while and finally gets a bounce (RFC 5321 §4.5.4, §6.1; notifications per RFC 3464).
import {
  buildDeliveryStatusNotification,
  type DsnRecipientSpec,
} from '../../protocols/message/deliveryStatus.ts';
import type { ClientStyle } from '../../protocols/smtp/commands.ts';
import { UNSTAMPED } from '../../net/netEvents.ts';
import type { TimerId } from '../scheduler.ts';
import type { ServiceContext } from '../services/service.ts';
import { ConnectionCache, type ConnectionCacheConfig, type Reuse } from './connectionCache.ts';
import { hasExpired, isDueForWarning, nextAttemptAt, type RetryPolicy } from './retryPolicy.ts';
import { deliverViaMx, type DeliveryReport, type RecipientReport } from './smtpDelivery.ts';

type RecipientState =
  { status: 'pending'; last: RecipientReport | null } | { status: 'delivered' } | { status: 'bounced' };

/** QueueEntry is one accepted message waiting for delivery. */
interface QueueEntry {
  readonly queueId: string;
  readonly messageId: string;
  readonly from: string;
  readonly data: string;
  readonly arrivedAt: number;
  readonly recipients: Map<string, RecipientState>;
  attempts: number;
  /** startedAt is when the latest attempt began; the next one is scheduled from it. */
  startedAt: number;
  warned: boolean;
  timer: TimerId | null;
}

/** QueueState is a queue at a quiet moment, as data: its messages (timers aside: see TimerTag) and dead domains. */
export interface QueueState {
  readonly entries: readonly (Omit<QueueEntry, 'recipients' | 'timer'> & {
    readonly recipients: readonly (readonly [string, RecipientState])[];
  })[];
  readonly dead: readonly (readonly [string, DeadDestination])[];
  readonly epoch: number;
  readonly cache: ConnectionCacheConfig | null;
}

/** QueueOwner is what the queue needs from its server: names, ids, and how to deliver a notice to a sender. */
export interface QueueOwner {
  readonly hostname: string;
  readonly policy: RetryPolicy;
  readonly clientStyle: ClientStyle;
  /** connectionCache keeps connections open for more messages to the same destination; null opens one each. */
  readonly connectionCache: ConnectionCacheConfig | null;
  newQueueId(): string;
  newMessageId(): string;
  /**
   * sendNotice delivers a bounce or warning (from the null sender) to `recipient`, locally or via the queue,
   * under `queueId`, the id its own Received field names.
   */
  sendNotice(recipient: string, raw: string, queueId: string): void;
}

/**
 * DeadDestination is a domain none of whose mail exchangers would take a connection: until `until`, its mail waits
 * without a new lookup or SYN sequence, as Postfix's queue manager suspends a dead destination.
 */
interface DeadDestination {
  readonly until: number;
  /** reason is the connect failure that made it dead, repeated in each suspended message's deferral. */
  readonly reason: string;
}

/**
 * suspendedFor is how long after the failed attempt began a destination stays dead: the policy's shortest wait
 * (Postfix revives a dead destination after minimal_backoff_time), so it is alive again by that message's retry.
 */
function suspendedFor(policy: RetryPolicy): number {
  return policy.kind === 'fixed' ? policy.interval : policy.min;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** OutboundQueue holds messages for other domains and drives their delivery. */
export class OutboundQueue {
  readonly #ctx: ServiceContext;
  readonly #owner: QueueOwner;
  readonly #entries = new Map<string, QueueEntry>();
  readonly #dead = new Map<string, DeadDestination>();
  readonly #cache: ConnectionCache;
  /** #epoch counts restarts, so an attempt begun before a crash cannot settle after it. */
  #epoch = 0;

  constructor(ctx: ServiceContext, owner: QueueOwner) {
    this.#ctx = ctx;
    this.#owner = owner;
    this.#cache = new ConnectionCache(ctx, owner.connectionCache);
  }

  /** configureConnectionCache turns connection reuse on with `config`, or off with null, from now on. */
  configureConnectionCache(config: ConnectionCacheConfig | null): void {
    this.#cache.configure(config);
  }

  /** state is the queue as data, or null while a connection of its cache is open. */
  state(): QueueState | null {
    if (!this.#cache.quiet) return null;
    return {
      entries: [...this.#entries.values()].map(({ recipients, timer: _timer, ...entry }) => ({
        ...entry,
        recipients: [...recipients],
      })),
      dead: [...this.#dead],
      epoch: this.#epoch,
      cache: this.#cache.config,
    };
  }

  /** restore sets a new queue to `state`; each message's next attempt is armed by `rearm`, in the checkpoint's order. */
  restore(state: QueueState): void {
    this.#entries.clear();
    for (const { recipients, ...entry } of state.entries)
      this.#entries.set(entry.queueId, { ...entry, recipients: new Map(recipients), timer: null });
    this.#dead.clear();
    for (const [domain, dead] of state.dead) this.#dead.set(domain, dead);
    this.#epoch = state.epoch;
    this.#cache.configure(state.cache);
  }

  /** rearm arms the next attempt of a restored message at `at`. */
  rearm(queueId: string, at: number): void {
    const entry = this.#entries.get(queueId);
    if (entry === undefined)
      throw new Error(`OutboundQueue.rearm: no message ${queueId} on ${this.#ctx.host}`);
    this.#arm(entry, at);
  }

  // Every attempt is armed here, tagged, so a checkpoint can keep it as data.
  #arm(entry: QueueEntry, at: number): void {
    const tag = { kind: 'queue.attempt', host: this.#ctx.host, queueId: entry.queueId } as const;
    entry.timer = this.#ctx.kernel.schedule(at, () => this.#attempt(entry), 'world', tag);
  }

  /** size is the number of messages waiting. */
  get size(): number {
    return this.#entries.size;
  }

  /** octets is the size of every message waiting. */
  get octets(): number {
    let total = 0;
    for (const entry of this.#entries.values()) total += entry.data.length;
    return total;
  }

  /** enqueue takes responsibility for a message (RFC 5321 §6.1) and tries to deliver it at once. */
  enqueue(
    queueId: string,
    messageId: string,
    from: string,
    recipients: readonly string[],
    data: string,
  ): void {
    const now = this.#ctx.kernel.now();
    const entry: QueueEntry = {
      queueId,
      messageId,
      from,
      data,
      arrivedAt: now,
      recipients: new Map(recipients.map((r) => [r, { status: 'pending', last: null }])),
      attempts: 0,
      startedAt: now,
      warned: false,
      timer: null,
    };
    this.#entries.set(queueId, entry);
    this.#ctx.emit({
      kind: 'queue.enqueued',
      host: this.#ctx.host,
      queueId,
      messageId,
      from,
      recipients: [...recipients],
      size: data.length,
      raw: data,
    });
    this.#arm(entry, now);
  }

  /**
   * flush tries every waiting message now, as `postqueue -f` does (which also revives dead destinations); a
   * teacher uses it to skip the wait.
   */
  flush(): void {
    this.#dead.clear();
    for (const entry of this.#entries.values()) {
      if (entry.timer === null) continue;
      this.#ctx.kernel.cancel(entry.timer);
      this.#arm(entry, this.#ctx.kernel.now());
    }
  }

  /** halt forgets pending timers, as when the host goes down; the messages stay and resume on `resume`. */
  halt(): void {
    this.#epoch += 1;
    this.#dead.clear();
    this.#cache.clear();
    for (const entry of this.#entries.values()) {
      if (entry.timer !== null) this.#ctx.kernel.cancel(entry.timer);
      entry.timer = null;
    }
  }

  /** resume reschedules every message after a restart, trying at once (Postfix scans its queue on start). */
  resume(): void {
    const kernel = this.#ctx.kernel;
    for (const entry of this.#entries.values()) {
      if (entry.timer === null) this.#arm(entry, kernel.now());
    }
  }

  #attempt(entry: QueueEntry): void {
    entry.timer = null;
    entry.attempts += 1;
    entry.startedAt = this.#ctx.kernel.now();
    const byDomain = new Map<string, string[]>();
    for (const [recipient, state] of entry.recipients) {
      if (state.status !== 'pending') continue;
      const domain = domainOf(recipient);
      byDomain.set(domain, [...(byDomain.get(domain) ?? []), recipient]);
    }
    if (byDomain.size === 0) return this.#reschedule(entry, []);
    let outstanding = byDomain.size;
    const epoch = this.#epoch;
    const deferred: RecipientReport[] = [];
    // Each domain is settled as soon as its own delivery ends; the message is rescheduled once every one has.
    const finish = (reports: readonly RecipientReport[]) => {
      deferred.push(...reports);
      if (--outstanding === 0) this.#reschedule(entry, deferred);
    };
    for (const [domain, recipients] of byDomain) this.#dispatch(entry, domain, recipients, epoch, finish);
  }

  // Deliver a message's recipients at one domain, in one transaction; `finish` gets those that must wait.
  #dispatch(
    entry: QueueEntry,
    domain: string,
    recipients: string[],
    epoch: number,
    finish: (deferred: readonly RecipientReport[]) => void,
  ): void {
    const dead = this.#dead.get(domain);
    if (dead !== undefined && this.#ctx.kernel.now() < dead.until) {
      // Postfix's words for mail it skips without trying: the destination is known to be unreachable.
      const reason = `delivery temporarily suspended: ${dead.reason}`;
      const suspended = recipients.map((recipient): RecipientReport => ({
        recipient,
        outcome: 'temporary',
        status: '4.4.1',
        diagnostic: reason,
        diagnosticKind: 'x-local',
        reason,
      }));
      for (const r of suspended) entry.recipients.set(r.recipient, { status: 'pending', last: r });
      return finish(suspended);
    }
    this.#dead.delete(domain);
    const begin = (reused: Reuse | null) =>
      this.#ctx.emit({
        kind: 'queue.attempt',
        host: this.#ctx.host,
        queueId: entry.queueId,
        attempt: entry.attempts,
        domain,
        recipients,
        ...(reused !== null ? { reused } : {}),
      });
    const settle = (report: DeliveryReport) => {
      if (epoch !== this.#epoch) return;
      if (report.unreachable !== null) {
        // Dead until this message's own next try, so the message that found it dead is the one to probe it.
        const until = entry.startedAt + suspendedFor(this.#owner.policy);
        this.#dead.set(domain, { until, reason: report.unreachable });
      } else if (report.remote !== null) this.#dead.delete(domain);
      finish(this.#settleDomain(entry, report));
    };
    // Messages to several recipients at one domain go in one transaction.
    const request = {
      heloName: this.#owner.hostname,
      envelope: { from: entry.from, to: recipients },
      data: entry.data,
      port: 25,
      style: this.#owner.clientStyle,
    };
    if (!this.#cache.enabled) {
      begin(null);
      deliverViaMx(this.#ctx, domain, request, settle);
      return;
    }
    this.#cache.deliver(domain, {
      request,
      begin,
      done: settle,
      again: () => {
        if (epoch === this.#epoch) this.#dispatch(entry, domain, recipients, epoch, finish);
      },
    });
  }

  // Record what one destination said; return the recipients that must wait for another attempt.
  #settleDomain(entry: QueueEntry, report: DeliveryReport): RecipientReport[] {
    const host = this.#ctx.host;
    const bounced: RecipientReport[] = [];
    const deferred: RecipientReport[] = [];
    for (const r of report.recipients) {
      if (r.outcome === 'delivered') {
        entry.recipients.set(r.recipient, { status: 'delivered' });
        const remote = report.remote?.host ?? '';
        this.#ctx.emit({
          kind: 'queue.delivered',
          host,
          queueId: entry.queueId,
          recipient: r.recipient,
          remote,
          reply: r.diagnostic,
        });
      } else if (r.outcome === 'permanent') {
        bounced.push(r);
      } else {
        entry.recipients.set(r.recipient, { status: 'pending', last: r });
        deferred.push(r);
      }
    }
    if (bounced.length > 0) this.#bounce(entry, bounced);
    return deferred;
  }

  #reschedule(entry: QueueEntry, deferred: readonly RecipientReport[]): void {
    const now = this.#ctx.kernel.now();
    const host = this.#ctx.host;
    if (deferred.length > 0 && hasExpired(this.#owner.policy, entry.arrivedAt, now)) {
      // Too old to try again: what is still deferred now bounces (RFC 5321 §4.5.4.1). The notice keeps the 4.x
      // status and the last real reason, as Postfix does and RFC 3464 §2.3.3 asks: the status says why delivery
      // failed, and it was this transient failure, not a permanent one (nor 4.4.7, which is Postfix's word for
      // mail skipped without trying).
      this.#bounce(entry, deferred);
    } else if (deferred.length > 0) {
      const next = nextAttemptAt(this.#owner.policy, entry.arrivedAt, entry.startedAt, now);
      for (const r of deferred) {
        this.#ctx.emit({
          kind: 'queue.deferred',
          host,
          queueId: entry.queueId,
          recipient: r.recipient,
          attempt: entry.attempts,
          reason: r.reason,
          nextAttemptAt: next,
          t: 0,
          seq: UNSTAMPED,
        });
      }
      if (!entry.warned && isDueForWarning(this.#owner.policy, entry.arrivedAt, now))
        this.#warn(entry, deferred);
      this.#arm(entry, next);
      return;
    }
    this.#entries.delete(entry.queueId);
    this.#ctx.emit({ kind: 'queue.removed', host, queueId: entry.queueId });
  }

  #bounce(entry: QueueEntry, bounced: readonly RecipientReport[]): void {
    for (const r of bounced) entry.recipients.set(r.recipient, { status: 'bounced' });
    // A bounce is never bounced: mail from the null sender that fails is dropped (RFC 5321 §4.5.5, §6.1).
    const notice = entry.from === '' ? null : this.#notice(entry, 'failed', bounced);
    for (const r of bounced) {
      this.#ctx.emit({
        kind: 'queue.bounced',
        host: this.#ctx.host,
        queueId: entry.queueId,
        recipient: r.recipient,
        status: r.status,
        reason: r.reason,
        notice: notice?.messageId ?? null,
      });
    }
    if (notice) this.#owner.sendNotice(entry.from, notice.raw, notice.queueId);
  }

  #warn(entry: QueueEntry, deferred: readonly RecipientReport[]): void {
    entry.warned = true;
    if (entry.from === '') return;
    const notice = this.#notice(entry, 'delayed', deferred);
    this.#ctx.emit({
      kind: 'queue.warned',
      host: this.#ctx.host,
      queueId: entry.queueId,
      recipients: deferred.map((r) => r.recipient),
      notice: notice.messageId,
    });
    this.#owner.sendNotice(entry.from, notice.raw, notice.queueId);
  }

  #notice(
    entry: QueueEntry,
    action: 'failed' | 'delayed',
    reports: readonly RecipientReport[],
  ): { raw: string; messageId: string; queueId: string } {
    const when = (t: number) => this.#ctx.calendarTime(t);
    const until = when(entry.arrivedAt + this.#owner.policy.giveUpAfter);
    const recipients: DsnRecipientSpec[] = reports.map((r) => ({
      finalRecipient: r.recipient,
      originalRecipient: r.recipient,
      status: r.status,
      ...(r.diagnosticKind === 'smtp' && r.reason.startsWith('host ')
        ? { remoteMta: r.reason.slice(5, r.reason.indexOf('[')) }
        : {}),
      diagnosticCode: r.diagnostic,
      diagnosticKind: r.diagnosticKind,
      ...(action === 'delayed' ? { willRetryUntil: until } : {}),
      humanReason: r.reason,
    }));
    const messageId = this.#owner.newMessageId();
    // The notice is a new message of this server, queued under its own id (as Postfix's bounce daemon does).
    const queueId = this.#owner.newQueueId();
    const raw = buildDeliveryStatusNotification({
      noticeQueueId: queueId,
      action,
      reportingMta: this.#owner.hostname,
      queueId: entry.queueId,
      date: when(this.#ctx.kernel.now()),
      zoneOffsetMinutes: this.#ctx.zoneOffsetMinutes ?? 0,
      messageId,
      sender: entry.from,
      arrivalDate: when(entry.arrivedAt),
      recipients,
      original: entry.data,
      returnContent: action === 'failed' ? 'full' : 'headers',
      boundarySeed: `${entry.queueId}.${this.#ctx.kernel.now()}`,
    });
    return { raw, messageId, queueId };
  }
}
