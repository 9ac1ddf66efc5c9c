// Pure views of a message for the inspector: its envelope found in the trace, the envelope beside the headers,
// the MIME tree as rows, the Received path as hops, and byte dumps. No DOM and no Svelte, so all is unit-tested.
import { parseMessage, type MessagePart, type ParsedMessage } from '../../protocols/message/parseMessage.ts';
import { octetsToUtf8 } from '../../protocols/shared/octets.ts';
import type { EventOf, TraceEvent } from '../../sim/trace.ts';
import { readSessionLines } from './inspector/smtpLines.ts';

/** MessageEvent is an event that carries a whole message. */
export type MessageEvent = EventOf<'mailbox.stored'> | EventOf<'queue.enqueued'> | EventOf<'ua.submitted'>;

/** isMessageEvent tells whether an event carries a whole message (`raw`). */
export function isMessageEvent(event: TraceEvent): event is MessageEvent {
  return event.kind === 'mailbox.stored' || event.kind === 'queue.enqueued' || event.kind === 'ua.submitted';
}

/**
 * EnvelopeSource says where the envelope was found: the SMTP commands that carried the message (`smtp`), the
 * sender's queue entry (`queue`), the user agent's submission (`submission`), or nowhere on the wire because the
 * server delivered it to its own mailbox (`local`).
 */
export type EnvelopeSource = 'smtp' | 'queue' | 'submission' | 'local';

/** Envelope is MAIL FROM and RCPT TO as the trace shows them; `from` is null when the trace does not say. */
export interface Envelope {
  readonly source: EnvelopeSource;
  readonly from: string | null;
  readonly recipients: readonly string[];
  /** seq is the event the envelope was read from (the MAIL FROM line for `smtp`). */
  readonly seq: number | null;
}

interface Transaction {
  readonly conn: string;
  readonly client: string;
  readonly server: string;
  readonly from: string;
  readonly recipients: string[];
  readonly messageId: string | null;
  readonly mailSeq: number;
  readonly endSeq: number;
}

const MESSAGE_ID_FIELD = /^message-id:\s*(<[^<>]*>)/i;
const PATH = /<([^<>]*)>/;

// Every completed SMTP mail transaction in the trace, with the recipients the server accepted (a 2xx to RCPT).
function transactions(trace: readonly TraceEvent[]): Transaction[] {
  const hosts = new Map<string, { client: string; server: string }>();
  for (const e of trace) {
    if (e.kind !== 'app.line' || e.protocol !== 'smtp') continue;
    const known = hosts.get(e.conn) ?? { client: '', server: '' };
    hosts.set(e.conn, e.from === 'client' ? { ...known, client: e.host } : { ...known, server: e.host });
  }
  const out: Transaction[] = [];
  for (const [conn, ends] of hosts) {
    let open: { from: string; recipients: string[]; messageId: string | null; mailSeq: number } | null = null;
    // The transaction as it stood at the final ".", which the server may store before its reply is sent.
    let ended: Omit<Transaction, 'conn' | 'client' | 'server'> | null = null;
    const pendingRcpt: string[] = [];
    let lastCommand: string | null = null;
    for (const line of readSessionLines(trace, conn)) {
      const role = line.role;
      if (role.kind === 'command') {
        lastCommand = role.command;
        if (role.command === 'MAIL') ended = null;
        if (role.command === 'MAIL')
          open = {
            from: PATH.exec(line.line)?.[1] ?? '',
            recipients: [],
            messageId: null,
            mailSeq: line.seq,
          };
        if (role.command === 'RCPT') pendingRcpt.push(PATH.exec(line.line)?.[1] ?? '');
        if (role.command === 'RSET') open = null;
        if (role.command === 'endOfData' && open !== null) ended = { ...open, endSeq: line.seq };
      } else if (role.kind === 'data' && open !== null && open.messageId === null) {
        open.messageId = MESSAGE_ID_FIELD.exec(line.line)?.[1] ?? null;
      } else if (role.kind === 'reply' && role.last && open !== null) {
        if (role.key === 'rcpt.ok' || (lastCommand === 'RCPT' && role.replyClass === 'positive')) {
          const recipient = pendingRcpt.shift();
          if (recipient !== undefined) open.recipients.push(recipient);
        } else if (role.key === 'rcpt.unknownUser' || role.key === 'rcpt.relayDenied') pendingRcpt.shift();
        if (role.key === 'data.accepted' && ended !== null) {
          out.push({ conn, ...ends, ...ended });
          open = null;
          ended = null;
        }
      }
    }
  }
  return out;
}

function messageIdOf(event: MessageEvent, parsed: ParsedMessage): string | null {
  return event.kind === 'mailbox.stored' ? parsed.messageId : event.messageId;
}

/**
 * findEnvelope finds the envelope a message travelled with, matching by Message-ID: for a stored message the SMTP
 * transaction that brought it to that server (else the queue entry that delivered it locally), for a queue entry
 * its own envelope, for a submission the SMTP transaction the user agent opened.
 */
export function findEnvelope(trace: readonly TraceEvent[], event: MessageEvent): Envelope {
  if (event.kind === 'queue.enqueued')
    return { source: 'queue', from: event.from, recipients: event.recipients, seq: event.seq };
  const parsed = parseMessage(event.raw);
  const id = messageIdOf(event, parsed);
  const carried = id === null ? [] : transactions(trace).filter((t) => t.messageId === id);
  if (event.kind === 'ua.submitted') {
    const sent = carried.find((t) => t.client === event.host && t.mailSeq > event.seq);
    return sent !== undefined
      ? { source: 'smtp', from: sent.from, recipients: sent.recipients, seq: sent.mailSeq }
      : { source: 'submission', from: null, recipients: event.recipients, seq: event.seq };
  }
  const received = carried.filter((t) => t.server === event.host && t.endSeq < event.seq).at(-1);
  if (received !== undefined)
    return { source: 'smtp', from: received.from, recipients: received.recipients, seq: received.mailSeq };
  const queued = trace.find(
    (e): e is EventOf<'queue.enqueued'> =>
      e.kind === 'queue.enqueued' && e.host === event.host && e.messageId === id && e.seq < event.seq,
  );
  if (queued !== undefined)
    return { source: 'queue', from: queued.from, recipients: queued.recipients, seq: queued.seq };
  return { source: 'local', from: null, recipients: [`${event.user}@${event.host}`], seq: null };
}

/** AddressRow is one recipient address, and where it appears: envelope, To:, Cc:. */
export interface AddressRow {
  readonly address: string;
  readonly envelope: boolean;
  readonly to: boolean;
  readonly cc: boolean;
  /** bcc is true when only the envelope names the address: a blind copy. */
  readonly bcc: boolean;
}

/**
 * compareRecipients lines up the envelope's RCPT TO addresses with the To: and Cc: headers (case-insensitively),
 * envelope addresses first. An address only the envelope names is a Bcc recipient (RFC 5322 §3.6.3).
 */
export function compareRecipients(envelope: Envelope, parsed: ParsedMessage): AddressRow[] {
  const key = (address: string) => address.toLowerCase();
  const to = new Set(parsed.to.map((m) => key(m.address)));
  const cc = new Set(parsed.cc.map((m) => key(m.address)));
  const inEnvelope = new Set(envelope.recipients.map(key));
  const seen = new Set<string>();
  const rows: AddressRow[] = [];
  for (const address of [
    ...envelope.recipients,
    ...parsed.to.map((m) => m.address),
    ...parsed.cc.map((m) => m.address),
  ]) {
    const k = key(address);
    if (seen.has(k)) continue;
    seen.add(k);
    const row = { address, envelope: inEnvelope.has(k), to: to.has(k), cc: cc.has(k) };
    rows.push({ ...row, bcc: row.envelope && !row.to && !row.cc });
  }
  return rows;
}

/** MimeRow is one part of the MIME tree, flattened in document order with its depth and path ('1.2'). */
export interface MimeRow {
  readonly path: string;
  readonly depth: number;
  readonly mediaType: string;
  readonly charset: string | null;
  readonly transferEncoding: string;
  readonly filename: string | null;
  /** size is the encoded body's length in octets. */
  readonly size: number;
  readonly part: MessagePart;
}

/** mimeRows flattens a parsed message's MIME tree into rows, the root first with path '1'. */
export function mimeRows(parsed: ParsedMessage): MimeRow[] {
  const rows: MimeRow[] = [];
  const visit = (part: MessagePart, path: string, depth: number) => {
    rows.push({
      path,
      depth,
      mediaType: `${part.contentType.type}/${part.contentType.subtype}`,
      charset: part.contentType.params['charset'] ?? null,
      transferEncoding: part.transferEncoding,
      filename: part.filename ?? null,
      size: part.bodyEnd - part.bodyStart,
      part,
    });
    part.children.forEach((child, i) => visit(child, `${path}.${i + 1}`, depth + 1));
  };
  visit(parsed.root, '1', 0);
  return rows;
}

/** ReceivedHop is one Received: field read into its clauses (RFC 5321 §4.4); missing clauses are null. */
export interface ReceivedHop {
  readonly raw: string;
  readonly from: string | null;
  readonly by: string | null;
  readonly with: string | null;
  readonly id: string | null;
  readonly for: string | null;
  readonly date: string | null;
}

function clause(text: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s+(.+?)(?=\\s+(?:from|by|via|with|id|for)\\s|;|$)`, 'i').exec(
    text,
  );
  return match?.[1]?.trim() ?? null;
}

/** receivedHops reads the Received: fields, newest (the last hop, written at the top) first. */
export function receivedHops(parsed: ParsedMessage): ReceivedHop[] {
  return parsed.received.map((raw) => {
    const semicolon = raw.lastIndexOf(';');
    const clauses = semicolon === -1 ? raw : raw.slice(0, semicolon);
    return {
      raw,
      from: clause(clauses, 'from'),
      by: clause(clauses, 'by'),
      with: clause(clauses, 'with'),
      id: clause(clauses, 'id'),
      for: clause(clauses, 'for'),
      date: semicolon === -1 ? null : raw.slice(semicolon + 1).trim() || null,
    };
  });
}

/** RawPieces is a message's source cut around one byte range, each piece decoded as UTF-8 for display. */
export interface RawPieces {
  readonly before: string;
  readonly selected: string;
  readonly after: string;
}

/** rawPieces cuts raw octets at [start, end) so the component can highlight the range. */
export function rawPieces(raw: string, start: number, end: number): RawPieces {
  const from = Math.max(0, Math.min(start, raw.length));
  const to = Math.max(from, Math.min(end, raw.length));
  return {
    before: octetsToUtf8(raw.slice(0, from)),
    selected: octetsToUtf8(raw.slice(from, to)),
    after: octetsToUtf8(raw.slice(to)),
  };
}

/** HexRow is one line of a hex dump: the offset, sixteen bytes in hex, and the same bytes as printable ASCII. */
export interface HexRow {
  readonly offset: string;
  readonly hex: string;
  readonly text: string;
}

/** hexRows dumps octets sixteen a row, as tcpdump -X and Wireshark do; unprintable bytes show as '.'. */
export function hexRows(octets: string, limit = 4096): HexRow[] {
  const rows: HexRow[] = [];
  const shown = octets.slice(0, limit);
  for (let at = 0; at < shown.length; at += 16) {
    const chunk = shown.slice(at, at + 16);
    const codes = [...chunk].map((c) => c.charCodeAt(0) & 0xff);
    rows.push({
      offset: at.toString(16).padStart(4, '0'),
      hex: codes.map((b) => b.toString(16).padStart(2, '0')).join(' '),
      text: codes.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join(''),
    });
  }
  return rows;
}
