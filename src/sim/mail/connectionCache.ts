// A mail server's SMTP connection cache: while a connection to a destination is open, the queue gives it that
// destination's next message instead of opening another, as Postfix's smtp(8) does with its scache(8)
// (CONNECTION_CACHE_README): no new handshake, greeting or EHLO, only an RSET probe before each reuse.
import type { ConnId } from '../../net/types.ts';
import type { ServiceContext } from '../services/service.ts';
import { deliverViaMx, type DeliveryReport, type DeliveryRequest, type SmtpSession } from './smtpDelivery.ts';

/** ConnectionCacheConfig is a mail server's `connectionCache` setting, in ms. */
export interface ConnectionCacheConfig {
  /** idleTime is how long an unused connection stays open (Postfix's smtp_connection_cache_time_limit). */
  readonly idleTime: number;
  /**
   * reuseTimeLimit is how long after it opened a connection may still take new messages; after that its
   * transaction ends with QUIT (Postfix's smtp_connection_reuse_time_limit).
   */
  readonly reuseTimeLimit: number;
}

/** DEFAULT_CONNECTION_CACHE holds Postfix's defaults: 2 s idle, reuse for 300 s. */
export const DEFAULT_CONNECTION_CACHE: ConnectionCacheConfig = { idleTime: 2_000, reuseTimeLimit: 300_000 };

/** Reuse names the open connection a delivery went on, and its use count there (2 for its second message). */
export interface Reuse {
  readonly conn: ConnId;
  readonly use: number;
}

/**
 * CachedDelivery is one destination's share of a queue attempt, as the cache runs it: `begin` when it really
 * starts (on a new connection, or on a reused one once the probe is answered), then `done` with its report; or
 * `again` when the connection it was waiting for is gone, so the queue dispatches it anew.
 */
export interface CachedDelivery {
  readonly request: DeliveryRequest;
  begin(reuse: Reuse | null): void;
  done(report: DeliveryReport): void;
  again(): void;
}

// One destination's connection: connecting (no session yet), busy with a transaction, or idle in the cache.
interface Slot {
  session: SmtpSession | null;
  busy: boolean;
  readonly waiting: CachedDelivery[];
}

/**
 * ConnectionCache keeps at most one connection per destination (the recipients' domain). Deliveries for a
 * destination whose connection is busy wait for it, as mail in Postfix's active queue waits for a delivery agent.
 */
export class ConnectionCache {
  readonly #ctx: ServiceContext;
  readonly #slots = new Map<string, Slot>();
  #config: ConnectionCacheConfig | null;

  constructor(ctx: ServiceContext, config: ConnectionCacheConfig | null) {
    this.#ctx = ctx;
    this.#config = config;
  }

  /** config is how the cache is set now (null: off); quiet is true when it holds no connection or delivery. */
  get config(): ConnectionCacheConfig | null {
    return this.#config;
  }

  get quiet(): boolean {
    return this.#slots.size === 0;
  }

  /** enabled tells whether deliveries go through the cache; when not, each opens its own connection. */
  get enabled(): boolean {
    return this.#config !== null;
  }

  /**
   * configure turns the cache on (with `config`) or off (null). Turned off, idle connections say QUIT at once and
   * busy ones after their transaction; the deliveries waiting for them are dispatched anew.
   */
  configure(config: ConnectionCacheConfig | null): void {
    this.#config = config;
    if (config !== null) return;
    for (const [domain, slot] of [...this.#slots]) {
      if (slot.busy || slot.session === null) continue;
      this.#retire(domain, slot);
      slot.session.end();
    }
  }

  /** deliver runs `delivery` on the destination's idle connection, waits for a busy one, or opens one. */
  deliver(domain: string, delivery: CachedDelivery): void {
    const slot = this.#slots.get(domain);
    if (slot === undefined) this.#open(domain, delivery);
    else if (slot.busy || slot.session === null) slot.waiting.push(delivery);
    else this.#reuse(slot, slot.session, delivery);
  }

  /** clear forgets every connection and waiting delivery, as when the host goes down and its queue halts. */
  clear(): void {
    this.#slots.clear();
  }

  #open(domain: string, delivery: CachedDelivery): void {
    const config = this.#config;
    if (config === null) return;
    const slot: Slot = { session: null, busy: true, waiting: [] };
    this.#slots.set(domain, slot);
    delivery.begin(null);
    deliverViaMx(
      this.#ctx,
      domain,
      delivery.request,
      (report) => {
        delivery.done(report);
        // No session began (no exchanger found or reached): those waiting go again, and meet a dead destination.
        if (slot.session === null) this.#retire(domain, slot);
      },
      {
        idleTime: config.idleTime,
        opened: (session) => {
          slot.session = session;
        },
        idle: (session) => this.#idle(domain, slot, session),
        closed: () => this.#retire(domain, slot),
      },
    );
  }

  #idle(domain: string, slot: Slot, session: SmtpSession): void {
    slot.busy = false;
    const config = this.#config;
    const expired = config === null || this.#ctx.kernel.now() - session.openedAt >= config.reuseTimeLimit;
    if (this.#slots.get(domain) !== slot || expired) {
      this.#retire(domain, slot);
      session.end();
      return;
    }
    const next = slot.waiting.shift();
    if (next !== undefined) this.#reuse(slot, session, next);
  }

  #reuse(slot: Slot, session: SmtpSession, delivery: CachedDelivery): void {
    slot.busy = true;
    session.send(delivery.request, {
      started: (use) => delivery.begin({ conn: session.conn, use }),
      done: (report) => delivery.done(report),
      refused: () => delivery.again(),
    });
  }

  // The connection takes no more messages: later deliveries open a new one, and those waiting go again now.
  #retire(domain: string, slot: Slot): void {
    if (this.#slots.get(domain) === slot) this.#slots.delete(domain);
    for (const waiting of slot.waiting.splice(0)) waiting.again();
  }
}
