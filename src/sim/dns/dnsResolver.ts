// A host's resolver: asks the world's DNS server over UDP, waits, asks again, and gives up with a temporary
// failure when no answer comes (like resolv.conf's `timeout:5 attempts:2`); answers are kept for their TTL, as
// the caching resolver beside every real mail server keeps them.
import type { Network } from '../../net/network.ts';
import type { HostId } from '../../net/types.ts';
import {
  decodeDnsMessage,
  encodeDnsMessage,
  normalizeName,
  type DnsRecord,
  type DnsType,
} from '../../protocols/dns/dnsMessage.ts';
import type { Kernel } from '../kernel.ts';
import { DNS_PORT } from './dnsServer.ts';
import type { Zone } from './zone.ts';

/** DnsResult is the outcome of a lookup: records, a name that does not exist, or no answer in time. */
export type DnsResult =
  { ok: true; records: readonly DnsRecord[] } | { ok: false; error: 'nxdomain' | 'timeout' | 'servfail' };

const TIMEOUT_MS = 5000;
const ATTEMPTS = 2;
/**
 * NEGATIVE_TTL_MS is how long a name that does not exist is remembered (RFC 2308 §5 takes it from the zone's SOA,
 * which our zones do not have; 5 minutes is a common floor).
 */
const NEGATIVE_TTL_MS = 300_000;

/** Cached is a remembered answer: records or NXDOMAIN, until `expires` (virtual ms). */
type Cached =
  | { readonly result: DnsResult & { ok: true }; readonly expires: number }
  | { readonly result: { ok: false; error: 'nxdomain' }; readonly expires: number };

/** ResolverState is a resolver with no lookup in flight, as data: its port, next query id and cache. */
export interface ResolverState {
  readonly port: number | null;
  readonly nextId: number;
  readonly cache: readonly (readonly [string, Cached])[];
}

/** DnsResolver looks names up for one host; with no server configured it reads the zone directly. */
export class DnsResolver {
  readonly #host: HostId;
  readonly #network: Network;
  readonly #kernel: Kernel;
  readonly #server: { host: HostId; addr: string } | null;
  readonly #zone: Zone;
  readonly #pending = new Map<number, (records: DnsResult) => void>();
  readonly #cache = new Map<string, Cached>();
  #port: number | null = null;
  #nextId = 1;

  constructor(
    host: HostId,
    network: Network,
    kernel: Kernel,
    server: { host: HostId; addr: string } | null,
    zone: Zone,
  ) {
    this.#host = host;
    this.#network = network;
    this.#kernel = kernel;
    this.#server = server;
    this.#zone = zone;
  }

  /**
   * lookup asks for records of one type; `done` is called once, never synchronously. A remembered answer whose
   * TTL has not run out answers at once, without a query on the wire (`cached` in the trace).
   */
  lookup(name: string, type: DnsType, done: (result: DnsResult) => void): void {
    const qname = normalizeName(name);
    const id = this.#nextId++;
    const server = this.#server;
    if (server !== null && this.#answerFromCache(id, qname, type, done)) return;
    this.#kernel.emit({
      kind: 'dns.query',
      host: this.#host,
      id,
      name: qname,
      qtype: type,
      server: server?.host ?? null,
    });
    const finish = (result: DnsResult) => {
      if (result.ok) {
        this.#kernel.emit({
          kind: 'dns.answer',
          host: this.#host,
          id,
          name: qname,
          qtype: type,
          rcode: 'NOERROR',
          records: [...result.records],
        });
      } else {
        this.#kernel.emit({
          kind: 'dns.failed',
          host: this.#host,
          id,
          name: qname,
          qtype: type,
          error: result.error,
        });
      }
      done(result);
    };
    const remember = (result: DnsResult) => {
      this.#remember(qname, type, result);
      finish(result);
    };
    if (server === null) {
      // No DNS server in this world: the answer comes from the host's own table at once, like /etc/hosts.
      const response = this.#zone.answer(id, qname, type);
      this.#kernel.schedule(this.#kernel.now(), () =>
        finish(
          response.rcode === 'NXDOMAIN'
            ? { ok: false, error: 'nxdomain' }
            : { ok: true, records: response.answers },
        ),
      );
      return;
    }
    this.#ensureBound();
    let attempt = 0;
    let timer: number | null = null;
    const ask = () => {
      attempt += 1;
      this.#network.sendDatagram(
        this.#host,
        this.#port as number,
        server.addr,
        DNS_PORT,
        encodeDnsMessage({ kind: 'query', id, name: qname, type }),
      );
      timer = this.#kernel.schedule(this.#kernel.now() + TIMEOUT_MS, () => {
        if (attempt < ATTEMPTS) return ask();
        this.#pending.delete(id);
        finish({ ok: false, error: 'timeout' });
      });
    };
    this.#pending.set(id, (result) => {
      if (timer !== null) this.#kernel.cancel(timer);
      this.#pending.delete(id);
      remember(result);
    });
    ask();
  }

  /** state is the resolver as data, or null while a lookup is in flight. */
  state(): ResolverState | null {
    if (this.#pending.size > 0) return null;
    return { port: this.#port, nextId: this.#nextId, cache: [...this.#cache] };
  }

  /** restore sets a new resolver to `state`, binding its port again (cached answers are never changed, so shared). */
  restore(state: ResolverState): void {
    this.#nextId = state.nextId;
    this.#cache.clear();
    for (const [key, cached] of state.cache) this.#cache.set(key, cached);
    if (state.port !== null) {
      this.#port = state.port;
      this.#bind(state.port);
    }
  }

  /** forget drops the resolver's socket and cache, as when its host goes down; lookups in flight are lost. */
  forget(): void {
    this.#port = null;
    this.#pending.clear();
    this.#cache.clear();
  }

  #remember(qname: string, type: DnsType, result: DnsResult): void {
    const expires = (ms: number) => this.#kernel.now() + ms;
    const key = `${type} ${qname}`;
    // A name that does not exist is remembered too (RFC 2308); a server that did not answer, or failed, is not an
    // answer to keep, and neither is an empty one, so the next lookup asks again.
    if (!result.ok) {
      if (result.error === 'nxdomain')
        this.#cache.set(key, { result: { ok: false, error: 'nxdomain' }, expires: expires(NEGATIVE_TTL_MS) });
      return;
    }
    if (result.records.length === 0) return;
    const ttlMs = Math.min(...result.records.map((r) => r.ttl * 1000));
    this.#cache.set(key, { result, expires: expires(ttlMs) });
  }

  #answerFromCache(id: number, qname: string, type: DnsType, done: (result: DnsResult) => void): boolean {
    const key = `${type} ${qname}`;
    const cached = this.#cache.get(key);
    const now = this.#kernel.now();
    if (cached === undefined) return false;
    if (cached.expires <= now) {
      this.#cache.delete(key);
      return false;
    }
    const host = this.#host;
    this.#kernel.schedule(now, () => {
      if (cached.result.ok) {
        // What a cache hands out carries what is left of each record's time to live (RFC 1035 §7.4).
        const left = Math.max(0, Math.floor((cached.expires - this.#kernel.now()) / 1000));
        const records = cached.result.records.map((r) => ({ ...r, ttl: Math.min(r.ttl, left) }));
        this.#kernel.emit({
          kind: 'dns.answer',
          host,
          id,
          name: qname,
          qtype: type,
          rcode: 'NOERROR',
          records,
          cached: true,
        });
        done({ ok: true, records });
      } else {
        this.#kernel.emit({
          kind: 'dns.failed',
          host,
          id,
          name: qname,
          qtype: type,
          error: 'nxdomain',
          cached: true,
        });
        done(cached.result);
      }
    });
    return true;
  }

  #ensureBound(): void {
    if (this.#port !== null) return;
    // A random source port makes forged answers harder to land (RFC 5452 §4.5).
    this.#port = 49152 + Math.floor(this.#kernel.random() * 16384);
    this.#bind(this.#port);
  }

  #bind(port: number): void {
    this.#network.bindUdp(this.#host, port, (datagram) => {
      const message = decodeDnsMessage(datagram.payload);
      if (message?.kind !== 'response') return;
      const settle = this.#pending.get(message.id);
      if (!settle) return;
      if (message.rcode === 'NXDOMAIN') settle({ ok: false, error: 'nxdomain' });
      else if (message.rcode !== 'NOERROR') settle({ ok: false, error: 'servfail' });
      else settle({ ok: true, records: message.answers });
    });
  }
}
