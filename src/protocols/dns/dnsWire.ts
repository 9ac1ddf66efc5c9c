// DNS messages in RFC 1035's binary form (§4.1), for a capture file that Wireshark reads as DNS. The lab itself
// carries them as readable text (dnsMessage.ts); this is the same message as a real resolver would send it.
import type { DnsMessage, DnsRecord, DnsType, Rcode } from './dnsMessage.ts';

// RFC 1035 §3.2.2 and §4.1.1.
const TYPE: Readonly<Record<DnsType, number>> = { A: 1, MX: 15 };
const RCODE: Readonly<Record<Rcode, number>> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3 };
const CLASS_IN = 1;
// Header flags: a query asks for recursion (RD); an answer is authoritative (AA), and recursion is available (RA).
const QUERY_FLAGS = 0x0100;
const RESPONSE_FLAGS = 0x8000 | 0x0400 | 0x0100 | 0x0080;

/** encodeDnsWire writes `m` as RFC 1035 octets: header, one question, then the answers (no name compression). */
export function encodeDnsWire(m: DnsMessage): Uint8Array {
  const out: number[] = [];
  const u16 = (n: number) => out.push((n >>> 8) & 0xff, n & 0xff);
  u16(m.id & 0xffff);
  u16(m.kind === 'query' ? QUERY_FLAGS : RESPONSE_FLAGS | RCODE[m.rcode]);
  u16(1);
  u16(m.kind === 'query' ? 0 : m.answers.length);
  u16(0);
  u16(0);
  out.push(...encodeName(m.name));
  u16(TYPE[m.type]);
  u16(CLASS_IN);
  if (m.kind === 'response') for (const r of m.answers) out.push(...encodeRecord(r));
  return Uint8Array.from(out);
}

function encodeRecord(r: DnsRecord): number[] {
  const data =
    r.type === 'A'
      ? encodeAddress(r.address)
      : [r.preference >>> 8, r.preference & 0xff, ...encodeName(r.exchange)];
  return [
    ...encodeName(r.name),
    0,
    TYPE[r.type],
    0,
    CLASS_IN,
    (r.ttl >>> 24) & 0xff,
    (r.ttl >>> 16) & 0xff,
    (r.ttl >>> 8) & 0xff,
    r.ttl & 0xff,
    data.length >>> 8,
    data.length & 0xff,
    ...data,
  ];
}

/** encodeName writes a domain name as length-prefixed labels ending in the root's empty label (§3.1). */
function encodeName(name: string): number[] {
  const out: number[] = [];
  for (const label of name.split('.').filter((l) => l.length > 0)) {
    const bytes = new TextEncoder().encode(label).slice(0, 63);
    out.push(bytes.length, ...bytes);
  }
  out.push(0);
  return out;
}

function encodeAddress(address: string): number[] {
  return address.split('.').map((part) => Number(part) & 0xff);
}
