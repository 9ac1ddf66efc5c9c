// What the IMAP client knows of its selected mailbox, kept up to date by the untagged responses (RFC 3501 §7.3,
// §7.4), and which of them are news for the reader: mail arriving, or another session changing the mailbox.
import type { ImapResponse } from './responses.ts';
import type { ResponseCode } from './responseCodes.ts';

/**
 * MailboxUpdate is an untagged EXISTS, EXPUNGE or FETCH the selected mailbox received outside the answer to
 * a fetch: mail arriving, or another session changing the mailbox. `uid` is null when the client never
 * learnt the UID of that message number.
 */
export type MailboxUpdate =
  | { readonly kind: 'exists'; readonly count: number }
  | { readonly kind: 'expunge'; readonly seq: number; readonly uid: number | null }
  | {
      readonly kind: 'flags';
      readonly seq: number;
      readonly uid: number | null;
      readonly flags: readonly string[];
    };

/** MailboxState is what the client knows of the selected mailbox; `uids[seq - 1]` maps message numbers. */
export interface MailboxState {
  readonly name: string;
  /** opened turns true when SELECT is answered OK; until then the mailbox is only being selected. */
  readonly opened: boolean;
  readonly exists: number;
  readonly uidValidity: number | null;
  readonly uidNext: number | null;
  readonly readOnly: boolean;
  readonly uids: readonly (number | null)[];
}

/** newMailbox is the state of a mailbox just asked for with SELECT. */
export function newMailbox(name: string): MailboxState {
  return { name, opened: false, exists: 0, uidValidity: null, uidNext: null, readOnly: false, uids: [] };
}

function item<K extends string>(response: Extract<ImapResponse, { kind: 'fetch' }>, kind: K) {
  return response.items.find((entry) => entry.item === kind);
}

/** fetchUid reads the UID item of a FETCH response, or null without one. */
export function fetchUid(response: Extract<ImapResponse, { kind: 'fetch' }>): number | null {
  const found = item(response, 'UID');
  return found?.item === 'UID' ? found.uid : null;
}

/** fetchFlags reads the FLAGS item of a FETCH response, or null without one. */
export function fetchFlags(response: Extract<ImapResponse, { kind: 'fetch' }>): string[] | null {
  const found = item(response, 'FLAGS');
  return found?.item === 'FLAGS' ? found.flags : null;
}

function resized(uids: readonly (number | null)[], count: number): (number | null)[] {
  return count <= uids.length
    ? uids.slice(0, count)
    : [...uids, ...Array<null>(count - uids.length).fill(null)];
}

/**
 * applyUntagged brings the selected mailbox up to date with one untagged response (RFC 3501 §7.3, §7.4) and
 * says which update it was. EXPUNGE renumbers every later message; a FETCH with UID teaches the number's UID.
 */
export function applyUntagged(
  mailbox: MailboxState,
  response: ImapResponse,
): { mailbox: MailboxState; update: MailboxUpdate | null } {
  switch (response.kind) {
    case 'exists':
      return {
        mailbox: { ...mailbox, exists: response.count, uids: resized(mailbox.uids, response.count) },
        update: { kind: 'exists', count: response.count },
      };
    case 'expunge': {
      const uid = mailbox.uids[response.seq - 1] ?? null;
      const uids = mailbox.uids.filter((_, index) => index !== response.seq - 1);
      return {
        mailbox: { ...mailbox, exists: Math.max(0, mailbox.exists - 1), uids },
        update: { kind: 'expunge', seq: response.seq, uid },
      };
    }
    case 'fetch': {
      const learnt = fetchUid(response);
      const uids = resized(mailbox.uids, Math.max(mailbox.uids.length, response.seq));
      if (learnt !== null) uids[response.seq - 1] = learnt;
      const flags = fetchFlags(response);
      const uid = uids[response.seq - 1] ?? null;
      return {
        mailbox: { ...mailbox, uids },
        update: flags === null ? null : { kind: 'flags', seq: response.seq, uid, flags },
      };
    }
    case 'untagged':
    case 'tagged':
      return { mailbox: withCode(mailbox, response.code), update: null };
    default:
      return { mailbox, update: null };
  }
}

// The response codes SELECT's answer carries (RFC 3501 §6.3.1).
function withCode(mailbox: MailboxState, code: ResponseCode | null): MailboxState {
  if (code === null) return mailbox;
  switch (code.code) {
    case 'UIDVALIDITY':
      return { ...mailbox, uidValidity: code.value };
    case 'UIDNEXT':
      return { ...mailbox, uidNext: code.value };
    case 'READ-ONLY':
      return { ...mailbox, readOnly: true };
    case 'READ-WRITE':
      return { ...mailbox, readOnly: false };
    default:
      return mailbox;
  }
}
