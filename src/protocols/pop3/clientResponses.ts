// What the POP3 client reads out of the server's responses (the drop listing of STAT, the scan and unique-id
// listings of LIST and UIDL) and what it has to show at the end. Pure functions.

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
