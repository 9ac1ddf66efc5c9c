// DNS questions and answers (RFC 1035) for the mail lab: the records mail needs (MX and A), carried in UDP
// as readable text in the style of `dig` rather than RFC 1035's binary, so students can read a datagram.

/** DnsType is a record type the lab resolves. */
export type DnsType = 'MX' | 'A';

/** DnsRecord is one resource record. MX records name a mail exchanger and its preference (lower first). */
export type DnsRecord =
  | { name: string; type: 'MX'; ttl: number; preference: number; exchange: string }
  | { name: string; type: 'A'; ttl: number; address: string };

/** Rcode is a response code (RFC 1035 §4.1.1): NXDOMAIN says the name does not exist at all. */
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'FORMERR';

/** DnsQuery is a question: one name, one type, and an id that pairs it with its answer. */
export interface DnsQuery {
  readonly id: number;
  readonly name: string;
  readonly type: DnsType;
}

/** DnsResponse is the answer to a query with the same id. */
export interface DnsResponse {
  readonly id: number;
  readonly name: string;
  readonly type: DnsType;
  readonly rcode: Rcode;
  readonly answers: readonly DnsRecord[];
}

/** DnsMessage is what travels in a datagram. */
export type DnsMessage = ({ kind: 'query' } & DnsQuery) | ({ kind: 'response' } & DnsResponse);

/** normalizeName lower-cases a domain and drops a trailing dot: names compare case-insensitively (§2.3.3). */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** formatRecord writes a record as a zone file line: `hamburger.edu. 3600 IN MX 10 hamburger.edu.` */
export function formatRecord(r: DnsRecord): string {
  const data = r.type === 'MX' ? `${r.preference} ${r.exchange}.` : r.address;
  return `${r.name}. ${r.ttl} IN ${r.type} ${data}`;
}

/** encodeDnsMessage writes a query or response as text lines, the way `dig` shows them. */
export function encodeDnsMessage(m: DnsMessage): string {
  if (m.kind === 'query') return `;; QUERY id=${m.id}\n;${m.name}. IN ${m.type}\n`;
  const lines = [`;; RESPONSE id=${m.id} status=${m.rcode}`, `;${m.name}. IN ${m.type}`];
  for (const r of m.answers) lines.push(formatRecord(r));
  return lines.join('\n') + '\n';
}

const HEADER = /^;; (QUERY|RESPONSE) id=(\d+)(?: status=(NOERROR|NXDOMAIN|SERVFAIL|FORMERR))?$/;
const QUESTION = /^;(\S+?)\.? IN (MX|A)$/;
const RECORD = /^(\S+?)\.? (\d+) IN (MX|A) (.+)$/;

/** decodeDnsMessage parses what encodeDnsMessage wrote; anything else is null (a malformed datagram). */
export function decodeDnsMessage(text: string): DnsMessage | null {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = HEADER.exec(lines[0] ?? '');
  const question = QUESTION.exec(lines[1] ?? '');
  if (!header || !question) return null;
  const id = Number(header[2]);
  const name = normalizeName(question[1] as string);
  const type = question[2] as DnsType;
  if (header[1] === 'QUERY') return lines.length === 2 ? { kind: 'query', id, name, type } : null;
  const answers: DnsRecord[] = [];
  for (const line of lines.slice(2)) {
    const m = RECORD.exec(line);
    if (!m) return null;
    const [, owner, ttl, rtype, data] = m as unknown as [string, string, string, DnsType, string];
    if (rtype === 'MX') {
      const mx = /^(\d+) (\S+?)\.?$/.exec(data);
      if (!mx) return null;
      answers.push({
        name: normalizeName(owner),
        type: 'MX',
        ttl: Number(ttl),
        preference: Number(mx[1]),
        exchange: normalizeName(mx[2] as string),
      });
    } else {
      answers.push({ name: normalizeName(owner), type: 'A', ttl: Number(ttl), address: data.trim() });
    }
  }
  return { kind: 'response', id, name, type, rcode: (header[3] ?? 'NOERROR') as Rcode, answers };
}
