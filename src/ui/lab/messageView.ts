// Pure views of a message for the inspector: its envelope found in the trace, the envelope beside the headers,
// the MIME tree as rows, the Received path as hops, and byte dumps. No DOM and no Svelte, so all is unit-tested.
import { findField } from '../../protocols/message/headers.ts';
import type { MessagePart, ParsedMessage } from '../../protocols/message/parseMessage.ts';
import { octetsToUtf8 } from '../../protocols/shared/octets.ts';
import type { EventOf, TraceEvent } from '../../sim/trace.ts';

/** MessageEvent is an event that carries a whole message. */
export type MessageEvent = EventOf<'mailbox.stored'> | EventOf<'queue.enqueued'> | EventOf<'ua.submitted'>;

/** isMessageEvent tells whether an event carries a whole message (`raw`). */
export function isMessageEvent(event: TraceEvent): event is MessageEvent {
  return event.kind === 'mailbox.stored' || event.kind === 'queue.enqueued' || event.kind === 'ua.submitted';
}

/**
 * EnvelopeSource says where the envelope was found: the server that took the message over SMTP (`smtp`), the
 * sender's queue entry (`queue`), the user agent's submission (`submission`), or nowhere on the wire because the
 * server delivered it to its own mailbox (`local`).
 */
export type EnvelopeSource = 'smtp' | 'queue' | 'submission' | 'local';

/** Envelope is MAIL FROM and RCPT TO as the trace shows them; `from` is null when the trace does not say. */
export interface Envelope {
  readonly source: EnvelopeSource;
  readonly from: string | null;
  readonly recipients: readonly string[];
  /** seq is the event the envelope was read from (the `smtp.accepted` for `smtp`), or null for `local`. */
  readonly seq: number | null;
}

function takenOver(event: EventOf<'smtp.accepted'>): Envelope {
  return { source: 'smtp', from: event.from, recipients: event.recipients, seq: event.seq };
}

// The submission's envelope as the server that took it recorded it: on a connection the user agent opened after
// submitting, the message with the Message-ID the user agent gave it.
function submittedEnvelope(trace: readonly TraceEvent[], event: EventOf<'ua.submitted'>): Envelope {
  const opened = new Set(
    trace.flatMap((e) => (e.kind === 'conn.opened' && e.client === event.host ? [e.conn] : [])),
  );
  const taken = trace.find(
    (e): e is EventOf<'smtp.accepted'> =>
      e.kind === 'smtp.accepted' &&
      e.seq > event.seq &&
      opened.has(e.conn) &&
      e.messageId === event.messageId,
  );
  return taken !== undefined
    ? takenOver(taken)
    : { source: 'submission', from: null, recipients: event.recipients, seq: event.seq };
}

/**
 * findEnvelope finds the envelope a message travelled with, from what the servers recorded: for a stored message
 * the `smtp.accepted` by which its server took it (same host, same queue id), else the queue entry that delivered
 * it locally; for a queue entry its own envelope; for a submission the `smtp.accepted` on the user agent's
 * connection. A message needs no Message-ID for this: a hand-typed one usually has none.
 */
export function findEnvelope(trace: readonly TraceEvent[], event: MessageEvent): Envelope {
  if (event.kind === 'queue.enqueued')
    return { source: 'queue', from: event.from, recipients: event.recipients, seq: event.seq };
  if (event.kind === 'ua.submitted') return submittedEnvelope(trace, event);
  const same = (e: { seq: number; host: string; queueId: string }) =>
    e.seq < event.seq && e.host === event.host && e.queueId === event.queueId;
  const taken = trace.findLast((e): e is EventOf<'smtp.accepted'> => e.kind === 'smtp.accepted' && same(e));
  if (taken !== undefined) return takenOver(taken);
  const queued = trace.findLast(
    (e): e is EventOf<'queue.enqueued'> => e.kind === 'queue.enqueued' && same(e),
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
  /** bcc is true when the headers name recipients but not this one, which only the envelope names: a blind copy. */
  readonly bcc: boolean;
}

/**
 * namesRecipients tells whether a message's header has a destination field at all (To:, Cc: or Bcc:, even an
 * empty group such as `undisclosed-recipients:;`). RFC 5322 §3.6.3 lets a message have none, as one typed by
 * hand often does; then nobody is a blind copy, since the header names nobody to be hidden from.
 */
export function namesRecipients(parsed: ParsedMessage): boolean {
  return ['to', 'cc', 'bcc'].some((name) => findField(parsed.root.headers, name) !== undefined);
}

/**
 * compareRecipients lines up the envelope's RCPT TO addresses with the To: and Cc: headers (case-insensitively),
 * envelope addresses first. In a message whose header has destination fields, an address only the envelope
 * names is a Bcc recipient (RFC 5322 §3.6.3); in one without, no address is (see `namesRecipients`).
 */
export function compareRecipients(envelope: Envelope, parsed: ParsedMessage): AddressRow[] {
  const blind = namesRecipients(parsed);
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
    rows.push({ ...row, bcc: blind && row.envelope && !row.to && !row.cc });
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
