// The world's DNS data: the scenario's MX records plus an A record for every host, since hosts are named by
// their domain. The DNS server answers from it; so does a host's resolver when the world has no DNS server.
import {
  normalizeName,
  type DnsRecord,
  type DnsResponse,
  type DnsType,
} from '../../protocols/dns/dnsMessage.ts';

const TTL = 3600;

/** ZoneRecord is a record as a scenario writes it (TTL and A records for hosts are filled in). */
export type ZoneRecord =
  | { name: string; type: 'MX'; preference: number; exchange: string }
  | { name: string; type: 'A'; address: string };

/** Zone answers questions about the world's names. */
export class Zone {
  readonly #records: DnsRecord[];

  constructor(hosts: readonly { id: string; address: string }[], records: readonly ZoneRecord[]) {
    const explicit: DnsRecord[] = records.map((r) =>
      r.type === 'MX'
        ? { ...r, name: normalizeName(r.name), exchange: normalizeName(r.exchange), ttl: TTL }
        : { ...r, name: normalizeName(r.name), ttl: TTL },
    );
    const named = new Set(explicit.filter((r) => r.type === 'A').map((r) => r.name));
    const implicit: DnsRecord[] = hosts
      .filter((h) => !named.has(normalizeName(h.id)))
      .map((h) => ({ name: normalizeName(h.id), type: 'A', ttl: TTL, address: h.address }));
    this.#records = [...explicit, ...implicit];
  }

  /** answer is the response to a question, NXDOMAIN when no record of any type has the name (RFC 1035 §4.3.2). */
  answer(id: number, name: string, type: DnsType): DnsResponse {
    const wanted = normalizeName(name);
    const owned = this.#records.filter((r) => r.name === wanted);
    const answers = owned.filter((r) => r.type === type);
    if (type === 'MX')
      answers.sort((a, b) => (a.type === 'MX' && b.type === 'MX' ? a.preference - b.preference : 0));
    return { id, name: wanted, type, rcode: owned.length === 0 ? 'NXDOMAIN' : 'NOERROR', answers };
  }
}
