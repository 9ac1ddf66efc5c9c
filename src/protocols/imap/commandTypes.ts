// The commands a client may send (RFC 3501 §6, with IDLE of RFC 2177, MOVE of RFC 6851 and UID EXPUNGE of
// RFC 4315), as one discriminated union on `name`; parseCommand reads them and formatCommand writes them.

import type { FetchItems } from './fetchItems.ts';
import type { ImapDateTime } from './imapDates.ts';
import type { SearchKey } from './search.ts';
import type { SequenceSet } from './sequenceSet.ts';

/** StatusItem is a mailbox attribute that STATUS asks for (RFC 3501 §6.3.10). */
export type StatusItem = 'MESSAGES' | 'RECENT' | 'UIDNEXT' | 'UIDVALIDITY' | 'UNSEEN';

/** STATUS_ITEMS lists the STATUS attributes in the order RFC 3501 §6.3.10 gives them. */
export const STATUS_ITEMS: readonly StatusItem[] = ['MESSAGES', 'RECENT', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN'];

/** StoreOperation is what STORE does with the flags: FLAGS replaces, +FLAGS adds, -FLAGS removes (§6.4.6). */
export type StoreOperation = 'replace' | 'add' | 'remove';

/** BareCommandName is a command that takes no arguments. */
export type BareCommandName = 'CAPABILITY' | 'NOOP' | 'LOGOUT' | 'STARTTLS' | 'CHECK' | 'CLOSE' | 'IDLE';

/** MailboxCommandName is a command whose one argument is a mailbox name. */
export type MailboxCommandName = 'SELECT' | 'EXAMINE' | 'CREATE' | 'DELETE' | 'SUBSCRIBE' | 'UNSUBSCRIBE';

/**
 * ImapCommandBody is a command without its tag. Strings are octets as sent; mailbox names are as on the
 * wire (modified UTF-7, RFC 3501 §5.1.3) with INBOX in any case spelled INBOX. `uid` marks the UID forms
 * (§6.4.8): the numbers are UIDs instead of message sequence numbers.
 */
export type ImapCommandBody =
  | { name: BareCommandName }
  | { name: 'LOGIN'; userid: string; password: string }
  | { name: 'AUTHENTICATE'; mechanism: string; initialResponse: string | null }
  | { name: MailboxCommandName; mailbox: string }
  | { name: 'RENAME'; from: string; to: string }
  | { name: 'LIST' | 'LSUB'; reference: string; pattern: string }
  | { name: 'STATUS'; mailbox: string; items: StatusItem[] }
  | { name: 'APPEND'; mailbox: string; flags: string[]; date: ImapDateTime | null; message: string }
  | { name: 'EXPUNGE'; uid: false }
  | { name: 'EXPUNGE'; uid: true; set: SequenceSet }
  | { name: 'SEARCH'; uid: boolean; charset: string | null; keys: SearchKey[] }
  | ({ name: 'FETCH'; uid: boolean; set: SequenceSet } & FetchItems)
  | {
      name: 'STORE';
      uid: boolean;
      set: SequenceSet;
      operation: StoreOperation;
      silent: boolean;
      flags: string[];
    }
  | { name: 'COPY' | 'MOVE'; uid: boolean; set: SequenceSet; mailbox: string };

/** ImapCommand is a whole command: its tag and its body. */
export type ImapCommand = { tag: string } & ImapCommandBody;

/** CommandName is the name of a command as the union spells it (UID forms share their command's name). */
export type CommandName = ImapCommandBody['name'];

/**
 * commandVerb gives the verb a command was sent with, for traces and replies: `UID FETCH` for the UID form
 * of FETCH, the name otherwise.
 */
export function commandVerb(command: ImapCommandBody): string {
  return 'uid' in command && command.uid ? `UID ${command.name}` : command.name;
}

/** CommandProblem says why a line is not a command: no usable tag, a verb we do not know, or bad syntax. */
export type CommandProblem = 'noTag' | 'unknownCommand' | 'syntax';

/**
 * CommandParsed is what parseCommand found: a command, or what was wrong with it. A failure carries the tag
 * (null when there was none, so the answer is `* BAD`), the verb when it was recognised, a message fit for
 * the BAD text, and the offset where reading stopped.
 */
export type CommandParsed =
  | { ok: true; command: ImapCommand }
  | {
      ok: false;
      tag: string | null;
      verb: string | null;
      problem: CommandProblem;
      message: string;
      at: number;
    };
