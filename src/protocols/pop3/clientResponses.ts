// What the POP3 client reads out of the server's responses (the drop listing of STAT, the scan and unique-id
// listings of LIST and UIDL) and what it has to show at the end. Pure functions.
import { dotUnstuff } from '../shared/dotStuffing.ts';
import { parseStatusLine } from './replies.ts';

/** Response is one whole response as the client read it: status, text of the first line, and the unstuffed body. */
export interface Response {
  readonly ok: boolean;
  readonly text: string;
  readonly body: readonly string[];
}

/**
 * OpenResponse is the first line and the body lines read so far of a multi-line response (RFC 1939 §3). `body` is
 * this response's own array, appended in place: copying it for every line made a 5 MB RETR (70,000 lines)
 * quadratic, and nothing else holds it until the response is complete and handed over.
 */
export interface OpenResponse {
  readonly text: string;
  readonly body: string[];
}

/**
 * ResponseReading is what lines give, read on from the response left open before them: the response they complete,
 * the response still open after all of them, or a first line that is no status line (RFC 1939 §3). `read` is how
 * many of the lines it took: a response ends at its status line or its lone ".", and what follows is the next's.
 */
export type ResponseReading =
  | { readonly kind: 'complete'; readonly response: Response; readonly read: number }
  | { readonly kind: 'open'; readonly open: OpenResponse; readonly read: number }
  | { readonly kind: 'malformed'; readonly read: number };

/**
 * bodyLines counts the body lines from `from` on before the line holding only "." that ends a multi-line response
 * (RFC 1939 §3), and says whether that line is among them.
 */
export function bodyLines(lines: readonly string[], from: number): { count: number; ended: boolean } {
  const end = lines.indexOf('.', from);
  return end === -1 ? { count: lines.length - from, ended: false } : { count: end - from, ended: true };
}

/**
 * readResponseLines reads lines as the client does, on from `open` (whose body it appends to in place, see
 * OpenResponse) or, when none is open, from a status line; `multiLine` says whether a +OK begins a body, as it does
 * for UIDL, LIST and RETR.
 */
export function readResponseLines(
  open: OpenResponse | null,
  lines: readonly string[],
  multiLine: boolean,
): ResponseReading {
  let response = open;
  let from = 0;
  if (response === null) {
    const status = parseStatusLine(lines[0] ?? '');
    if (status === null) return { kind: 'malformed', read: 1 };
    if (status.status === '-ERR')
      return { kind: 'complete', response: { ok: false, text: status.text, body: [] }, read: 1 };
    if (!multiLine) return { kind: 'complete', response: { ok: true, text: status.text, body: [] }, read: 1 };
    response = { text: status.text, body: [] };
    from = 1;
  }
  const { count, ended } = bodyLines(lines, from);
  // RFC 1939 §3: any line but the lone "." that starts with "." loses that first ".".
  for (let i = from; i < from + count; i++) response.body.push(dotUnstuff(lines[i] ?? ''));
  return ended
    ? { kind: 'complete', response: { ok: true, ...response }, read: from + count + 1 }
    : { kind: 'open', open: response, read: from + count };
}

/** ListedMessage is what the client learnt of one message: its number, unique-id (null without UIDL) and size. */
export interface ListedMessage {
  readonly msg: number;
  readonly uid: string | null;
  readonly size: number | null;
}

/** RetrievedMessage is a message RETR brought back, unstuffed, every line ended by CRLF. */
export interface RetrievedMessage extends ListedMessage {
  readonly data: string;
}

/**
 * ClientEnd says how the client's session ended: QUIT answered (`quit`), or cut short: the greeting was negative
 * (`refused`), the credentials or the lock were refused (`authFailed`, after which the client still says QUIT), the
 * connection dropped, no response came in time, or a response broke RFC 1939 §3 (`protocolError`).
 */
export type ClientEnd = 'quit' | 'refused' | 'authFailed' | 'connectionLost' | 'timeout' | 'protocolError';

/** Pop3ClientOutput is the client machine's output when it reaches `done`. */
export interface Pop3ClientOutput {
  readonly ended: ClientEnd;
  /** Every message the maildrop listed, in order. */
  readonly listing: readonly ListedMessage[];
  /** The messages retrieved in this session, in order; those whose unique-id was already seen are not fetched. */
  readonly messages: readonly RetrievedMessage[];
  /** Unique-ids (or, without UIDL, message-numbers as text) of the messages DELE marked as deleted. */
  readonly marked: readonly string[];
  /**
   * updated is true when QUIT in the TRANSACTION state was answered +OK: the server entered UPDATE and removed the
   * marked messages (RFC 1939 §6). False when there was no TRANSACTION, no QUIT, or the removal failed.
   */
  readonly updated: boolean;
}

/** parseDropListing reads STAT's "nn mm" (RFC 1939 §5); whatever follows the size is ignored. */
export function parseDropListing(text: string): { count: number; octets: number } | null {
  const match = /^(\d+) (\d+)(?: |$)/.exec(text);
  return match === null ? null : { count: Number(match[1]), octets: Number(match[2]) };
}

/**
 * parseListings reads the lines of a multi-line LIST or UIDL into message-number → second field (size or
 * unique-id), or null when a line is not "msg SP field" (RFC 1939 §5, §7).
 */
export function parseListings(lines: readonly string[]): Map<number, string> | null {
  const out = new Map<number, string>();
  for (const line of lines) {
    const match = /^(\d+) ([\x21-\x7e]+)/.exec(line);
    if (match === null) return null;
    out.set(Number(match[1]), match[2] ?? '');
  }
  return out;
}

/** MAX_LISTED caps how many messages the client takes a STAT count for, so a broken server cannot exhaust it. */
export const MAX_LISTED = 10_000;

/** listMessages combines STAT's count with the UIDL and LIST listings (either may be missing). */
export function listMessages(
  count: number,
  uids: ReadonlyMap<number, string> | null,
  sizes: ReadonlyMap<number, string> | null,
): ListedMessage[] {
  return Array.from({ length: Math.min(count, MAX_LISTED) }, (_, i) => {
    const size = sizes?.get(i + 1);
    return { msg: i + 1, uid: uids?.get(i + 1) ?? null, size: size === undefined ? null : Number(size) };
  });
}

/** messageKey names a message in `marked`: its unique-id, or its message-number when UIDL gave none. */
export function messageKey(message: ListedMessage): string {
  return message.uid ?? String(message.msg);
}
