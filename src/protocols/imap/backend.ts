// Where the mail lives, kept apart from what the protocol does: the IMAP server machine asks an ImapBackend to check
// credentials, and the account and selected mailbox it hands back to list, change and read folders and messages.

/*
 * Conventions every method follows:
 * - Every method is synchronous and never throws for anything a client can cause; refusals are values.
 * - Mailbox names are decoded Unicode (the server decodes modified UTF-7, RFC 3501 §5.1.3, before calling and
 *   encodes what it gets back), with "/" as the hierarchy delimiter (listPattern.ts HIERARCHY_DELIMITER) and every
 *   case variant of INBOX spelled `INBOX` (mailboxNames.ts normaliseMailbox). Other names are case-sensitive.
 * - Messages are named by UID only. Message sequence numbers belong to the session: the server machine keeps the
 *   session's list of UIDs (seq n is the n-th), changes it only when it tells the client (EXISTS, EXPUNGE), and
 *   maps numbers to UIDs itself (RFC 3501 §2.3.1.2, §5.5, §7.4.1).
 * - Flags are strings as on the wire: system flags with their backslash (`\Seen`), keywords as atoms. `\Recent`
 *   is never stored or set by a client; it appears in a message's flags only for the one session that got it
 *   (RFC 3501 §2.3.2).
 * - Message text is raw octets (one JS char per octet), every line ended by CRLF: the octets FETCH BODY[] sends.
 */

/** MailboxRefusal says why a mailbox operation was refused; the server turns it into NO with a response code. */
export type MailboxRefusal =
  /** No mailbox of that name (RFC 5530 NONEXISTENT; TRYCREATE for APPEND, COPY and MOVE, RFC 3501 §6.3.11). */
  | 'nonexistent'
  /** CREATE or RENAME to a name that exists (RFC 5530 ALREADYEXISTS). */
  | 'alreadyExists'
  /** DELETE of INBOX, or RENAME of a mailbox onto one of its own inferiors (RFC 3501 §6.3.4, §6.3.5). */
  | 'notAllowed'
  /**
   * DELETE of a mailbox that has inferiors and is already \Noselect (RFC 3501 §6.3.4: "it is an error to attempt
   * to delete a name that has inferior hierarchical names and also has the \Noselect mailbox name attribute").
   */
  | 'hasChildren'
  /** The name is not one this store can hold (empty level, a level that is only the delimiter, too long...). */
  | 'invalidName'
  /** The store cannot hold more (RFC 5530 OVERQUOTA / LIMIT); also APPEND of a message over its size limit. */
  | 'full';

/** MailboxDone is the outcome of CREATE, DELETE, RENAME, SUBSCRIBE and UNSUBSCRIBE. */
export type MailboxDone = { readonly ok: true } | { readonly ok: false; readonly reason: MailboxRefusal };

/**
 * FolderInfo is one mailbox of the account for LIST. `noselect` marks a name that exists only because it has
 * inferiors (a DELETEd parent, RFC 3501 §6.3.4); the server works out \HasChildren / \HasNoChildren (RFC 3348)
 * from the names itself, and invents \Noselect entries for levels that `%` stops at but nothing holds.
 */
export interface FolderInfo {
  readonly name: string;
  readonly noselect: boolean;
}

/** MailboxStatus is what STATUS reports of a mailbox (RFC 3501 §6.3.10), without selecting it. */
export interface MailboxStatus {
  readonly messages: number;
  /** recent counts the messages with \Recent, in whichever session holds it (or would get it on SELECT). */
  readonly recent: number;
  readonly uidNext: number;
  readonly uidValidity: number;
  readonly unseen: number;
}

/**
 * MailboxSnapshot is the selected mailbox as this session first sees it: what SELECT and EXAMINE report
 * (RFC 3501 §6.3.1) and the UIDs the session's sequence numbers start from.
 */
export interface MailboxSnapshot {
  /** uids are the messages in mailbox order, ascending: sequence number n is uids[n - 1]. */
  readonly uids: readonly number[];
  /** recent counts the messages that got \Recent in this session, which no other session will also get. */
  readonly recent: number;
  /** firstUnseenUid is the UID of the first message without \Seen, or null when all are seen ([UNSEEN n]). */
  readonly firstUnseenUid: number | null;
  readonly uidValidity: number;
  readonly uidNext: number;
  /** flags are those defined in the mailbox, for `* FLAGS`: the system flags and every keyword in use. */
  readonly flags: readonly string[];
  /** permanentFlags are those STORE keeps; `\*` in it means new keywords may be created ([PERMANENTFLAGS]). */
  readonly permanentFlags: readonly string[];
  /** readOnly is true for EXAMINE, and for SELECT when this user may not change the mailbox ([READ-ONLY]). */
  readonly readOnly: boolean;
}

/** SelectResult is a selected mailbox, or why it could not be selected (RFC 3501 §6.3.1: NO, nothing selected). */
export type SelectResult =
  | { readonly ok: true; readonly mailbox: SelectedMailbox; readonly snapshot: MailboxSnapshot }
  | { readonly ok: false; readonly reason: 'nonexistent' | 'noselect' };

/** StoredFetch is what FETCH reads of one message. */
export interface StoredFetch {
  readonly uid: number;
  /** raw is the whole message, CRLF line ends; its length is RFC822.SIZE. */
  readonly raw: string;
  /** internalDate is when the message was stored, in virtual ms (RFC 3501 §2.3.3). */
  readonly internalDate: number;
  /** flags as this session sees them, \Recent included when this session holds it. */
  readonly flags: readonly string[];
}

/** FlagsAfter is a message's flags after a STORE, for the FETCH response that reports them. */
export interface FlagsAfter {
  readonly uid: number;
  readonly flags: readonly string[];
}

/** FlagChange is what STORE does (RFC 3501 §6.4.6): replace the flags, add to them, or remove from them. */
export type FlagChange = 'replace' | 'add' | 'remove';

/**
 * UidPair is one message copied: its UID in the source and the UID of the copy in the destination, for COPYUID
 * (RFC 4315 §3).
 */
export interface UidPair {
  readonly from: number;
  readonly to: number;
}

/**
 * CopyResult is the outcome of COPY or MOVE. On success `pairs` are in ascending source UID order and
 * `uidValidity` is the destination's. A failure copies nothing (RFC 3501 §6.4.7: all or none).
 */
export type CopyResult =
  | { readonly ok: true; readonly uidValidity: number; readonly pairs: readonly UidPair[] }
  | { readonly ok: false; readonly reason: 'nonexistent' | 'noselect' | 'full' };

/** AppendResult is the outcome of APPEND: the new message's UID for APPENDUID (RFC 4315 §3), or why not. */
export type AppendResult =
  | { readonly ok: true; readonly uidValidity: number; readonly uid: number }
  | { readonly ok: false; readonly reason: 'nonexistent' | 'noselect' | 'full' };

/**
 * MailboxChange is something that happened to the selected mailbox that this session has not been told yet,
 * caused by another session, by mail delivery, by POP3, or by this session's own APPEND or COPY into it. In the
 * order they happened.
 */
export type MailboxChange =
  /** A new message; `recent` when this session got \Recent for it (RFC 3501 §2.3.2: exactly one session does). */
  | { readonly kind: 'added'; readonly uid: number; readonly recent: boolean }
  /** A message removed for good: the server sends `* n EXPUNGE` and renumbers (RFC 3501 §7.4.1). */
  | { readonly kind: 'expunged'; readonly uid: number }
  /** A message's flags changed, as this session now sees them: `* n FETCH (FLAGS (...))` (RFC 3501 §7.4.2). */
  | { readonly kind: 'flags'; readonly uid: number; readonly flags: readonly string[] }
  /** A new keyword was used, so `* FLAGS` and `[PERMANENTFLAGS]` change (RFC 3501 §7.2.6). */
  | {
      readonly kind: 'flagsDefined';
      readonly flags: readonly string[];
      readonly permanentFlags: readonly string[];
    };

/**
 * SelectedMailbox is one session's hold on the mailbox it selected. It lasts until close (another SELECT, CLOSE,
 * LOGOUT, or the connection lost). The server refuses changes on a read-only one before calling.
 */
export interface SelectedMailbox {
  /** message reads a message by UID, or null when it has been expunged since (RFC 3501 §7.4.1 lets FETCH say NO). */
  message(uid: number): StoredFetch | null;
  /**
   * setFlags changes the flags of these messages (ignoring UIDs no longer there) and answers their new flags.
   * The change is reported to the other sessions, not back to this one through changes().
   */
  setFlags(uids: readonly number[], change: FlagChange, flags: readonly string[]): FlagsAfter[];
  /**
   * copy copies these messages, with their flags (without \Recent) and internal date, to another mailbox where
   * they are \Recent (RFC 3501 §6.4.7). Copying into the selected mailbox itself shows up in changes().
   */
  copy(uids: readonly number[], destination: string): CopyResult;
  /**
   * move is copy followed by expunging the originals, atomically (RFC 6851 §3.1). The server reports the expunges
   * from the pairs' `from` UIDs; changes() does not report them again.
   */
  move(uids: readonly number[], destination: string): CopyResult;
  /**
   * expunge removes the messages with \Deleted, all of them (`uids` null, EXPUNGE and CLOSE) or only those among
   * `uids` (UID EXPUNGE, RFC 4315 §2.1), and answers the UIDs removed, ascending. They are not reported again.
   */
  expunge(uids: readonly number[] | null): number[];
  /**
   * changes hands over, and forgets, what happened to the mailbox that this session was not told yet. The server
   * calls it when RFC 3501 §5.5 and §7.4.1 let it send untagged updates (after any command but FETCH, STORE and
   * SEARCH for EXPUNGE; at once in IDLE), after a `mailbox.changed` wake-up or at the end of a command.
   */
  changes(): MailboxChange[];
  /** close gives up the hold; \Recent this session held is cleared (RFC 3501 §2.3.2). Called once. */
  close(): void;
}

/**
 * ImapAccount is a logged-in user's view of their mail. It lives until logout (LOGOUT, or the connection lost).
 */
export interface ImapAccount {
  /** user is the account's name as the store spells it. */
  readonly user: string;
  /** folders lists every mailbox of the account, INBOX included, in any order. */
  folders(): FolderInfo[];
  /** subscriptions lists the subscribed names for LSUB; a name may stay subscribed after it is deleted (§6.3.6). */
  subscriptions(): string[];
  /** create makes a mailbox and any missing parents (RFC 3501 §6.3.3). A trailing "/" has been removed. */
  create(name: string): MailboxDone;
  /** delete removes a mailbox and its messages, or makes it \Noselect when it has inferiors (§6.3.4). */
  delete(name: string): MailboxDone;
  /**
   * rename renames a mailbox and its inferiors, creating missing parents of the new name (§6.3.5); renaming INBOX
   * moves its messages into the new mailbox and leaves INBOX empty.
   */
  rename(from: string, to: string): MailboxDone;
  subscribe(name: string): MailboxDone;
  unsubscribe(name: string): MailboxDone;
  /** status reports a mailbox without selecting it, or null when there is no such selectable mailbox. */
  status(name: string): MailboxStatus | null;
  /**
   * select opens a mailbox for this session, read-only for EXAMINE (RFC 3501 §6.3.2: \Recent is not taken then).
   * The server closes any mailbox selected before.
   */
  select(name: string, readOnly: boolean): SelectResult;
  /**
   * append stores a message (raw octets, CRLF line ends) with these flags (never \Recent, which the store sets)
   * and internal date, or now when null (RFC 3501 §6.3.11).
   */
  append(name: string, raw: string, flags: readonly string[], internalDate: number | null): AppendResult;
  /** logout ends the account's use by this session; the server closes the selected mailbox first. Called once. */
  logout(): void;
}

/** LoginResult is a logged-in account, or why not (RFC 5530 AUTHENTICATIONFAILED / UNAVAILABLE). */
export type LoginResult =
  | { readonly ok: true; readonly account: ImapAccount }
  | { readonly ok: false; readonly reason: 'invalidCredentials' | 'unavailable' };

/**
 * ImapBackend is everything the server machine needs from the rest of the host. One backend serves every session
 * of a server; each login gives the session its own ImapAccount.
 *
 * Waking a session: the I/O layer (sim or bridge) calls watch once per connection and sends the machine a
 * `mailbox.changed` event when the listener fires. The machine then calls its SelectedMailbox's changes(): at once
 * in IDLE, otherwise at the next point RFC 3501 allows. The listener may fire for changes that do not concern the
 * session; that costs one empty changes() call.
 */
export interface ImapBackend {
  /** login checks a user name and password, for LOGIN and for AUTHENTICATE PLAIN alike (RFC 4616). */
  login(userid: string, password: string): LoginResult;
  /** watch calls the listener after any change to any mailbox of this server, until the returned stop is called. */
  watch(listener: () => void): () => void;
}
