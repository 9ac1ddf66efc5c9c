// The responses a server sends (RFC 3501 §7): status responses tagged and untagged, the untagged data of
// §7.2–7.4, and the "+" continuation request of §7.5. The server writes them; parseResponse reads them.

import type { StatusItem } from './commandTypes.ts';
import { type FetchResponseItem, formatFetchResponseItems } from './fetchResponse.ts';
import { formatResponseCode, type ResponseCode } from './responseCodes.ts';
import { formatAstring, formatFlagList, formatQuoted } from './strings.ts';

/** TaggedStatus ends a command: OK, NO or BAD (RFC 3501 §7.1). */
export type TaggedStatus = 'OK' | 'NO' | 'BAD';

/** UntaggedStatus adds the greeting's PREAUTH and the BYE before closing (RFC 3501 §7.1.4, §7.1.5). */
export type UntaggedStatus = TaggedStatus | 'PREAUTH' | 'BYE';

/** StatusValue is one attribute of a STATUS response with its number. */
export type StatusValue = { item: StatusItem; value: number };

/**
 * ImapResponse is one server response. `text` of a status response is human-readable; `code` is the
 * bracketed response code before it, if any. Mailbox names are as on the wire (modified UTF-7).
 */
export type ImapResponse =
  | { kind: 'tagged'; tag: string; status: TaggedStatus; code: ResponseCode | null; text: string }
  | { kind: 'untagged'; status: UntaggedStatus; code: ResponseCode | null; text: string }
  | { kind: 'continue'; code: ResponseCode | null; text: string }
  | { kind: 'capability'; capabilities: string[] }
  | { kind: 'flags'; flags: string[] }
  | { kind: 'list' | 'lsub'; attributes: string[]; delimiter: string | null; mailbox: string }
  | { kind: 'status'; mailbox: string; values: StatusValue[] }
  | { kind: 'search'; numbers: number[] }
  | { kind: 'exists' | 'recent'; count: number }
  | { kind: 'expunge'; seq: number }
  | { kind: 'fetch'; seq: number; items: FetchResponseItem[] };

/** CONTINUE_READY is the usual text of the "+" that lets a client send a literal (RFC 3501 §7.5). */
export const CONTINUE_READY = 'Ready for literal data';

// resp-text = ["[" resp-text-code "]" SP] text (RFC 3501 §9); text should not be empty, but an empty one
// leaves no trailing space.
function withText(head: string, code: ResponseCode | null, text: string): string {
  const body = text.replace(/[\r\n]+/g, ' ');
  return [head, code === null ? '' : formatResponseCode(code), body].filter((part) => part !== '').join(' ');
}

/**
 * formatResponse writes one response without its final CRLF; literals in FETCH data are inline. The text of
 * a status response loses any CR or LF, so it can never end the line early.
 */
export function formatResponse(response: ImapResponse): string {
  switch (response.kind) {
    case 'tagged':
      return withText(`${response.tag} ${response.status}`, response.code, response.text);
    case 'untagged':
      return withText(`* ${response.status}`, response.code, response.text);
    case 'continue':
      return withText('+', response.code, response.text);
    case 'capability':
      return ['* CAPABILITY', ...response.capabilities].join(' ');
    case 'flags':
      return `* FLAGS ${formatFlagList(response.flags)}`;
    case 'list':
    case 'lsub': {
      const delimiter = response.delimiter === null ? 'NIL' : formatQuoted(response.delimiter);
      const name = response.kind.toUpperCase();
      return `* ${name} ${formatFlagList(response.attributes)} ${delimiter} ${formatAstring(response.mailbox)}`;
    }
    case 'status': {
      const values = response.values.map(({ item, value }) => `${item} ${value}`).join(' ');
      return `* STATUS ${formatAstring(response.mailbox)} (${values})`;
    }
    case 'search':
      return response.numbers.length === 0 ? '* SEARCH' : `* SEARCH ${response.numbers.join(' ')}`;
    case 'exists':
      return `* ${response.count} EXISTS`;
    case 'recent':
      return `* ${response.count} RECENT`;
    case 'expunge':
      return `* ${response.seq} EXPUNGE`;
    case 'fetch':
      return `* ${response.seq} FETCH ${formatFetchResponseItems(response.items)}`;
  }
}
