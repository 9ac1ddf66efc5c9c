// Where the mail lives, kept apart from what the protocol does: the POP3 server machine asks a Pop3Maildrop to check
// credentials, to lock a user's maildrop, to read its messages, and to remove those marked deleted at UPDATE.

/** MaildropListing is one message as a locked maildrop lists it: its unique-id and its size in octets. */
export interface MaildropListing {
  /** uid is 1 to 70 characters from 0x21 to 0x7E, never reused in the maildrop (RFC 1939 §7, UIDL). */
  readonly uid: string;
  /** size counts every line end as CRLF and no dot-stuffing: the octets RETR sends, unstuffed (RFC 1939 §11). */
  readonly size: number;
}

/**
 * LockResult says whether the maildrop was locked for this session, listing its messages in order (the first is
 * message-number 1, RFC 1939 §4), or why not: another session holds the lock (`in-use`, RFC 2449 §8.1.2).
 */
export type LockResult =
  | { readonly ok: true; readonly messages: readonly MaildropListing[] }
  | { readonly ok: false; readonly reason: 'in-use' };

/** CommitResult says how many of the messages handed to commit could not be removed (RFC 1939 §6). */
export interface CommitResult {
  readonly notRemoved: number;
}

/**
 * Pop3Maildrop is everything the server machine needs from the rest of the host. Every method is synchronous.
 * User names are passed as the client typed them; the maildrop decides whether case matters.
 */
export interface Pop3Maildrop {
  /** hasMailbox tells whether USER names a mailbox here (RFC 1939 §7). */
  hasMailbox(user: string): boolean;
  /** checkPassword checks the USER/PASS pair; it does not lock. */
  checkPassword(user: string, password: string): boolean;
  /** apopSecret is the secret shared with the user for APOP (RFC 1939 §7), or null when APOP is not allowed. */
  apopSecret(user: string): string | null;
  /**
   * lock takes the exclusive-access lock on the maildrop after the user was authenticated (RFC 1939 §4), listing
   * what it holds now; mail arriving later is not listed in this session. Must be followed by release.
   */
  lock(user: string): LockResult;
  /** read returns a listed message, every line ended by CRLF; only while the lock is held. */
  read(user: string, uid: string): string | null;
  /**
   * commit removes the listed messages with these unique-ids: the UPDATE state (RFC 1939 §6). It never removes any
   * other message, and is called at most once, just before release.
   */
  commit(user: string, uids: readonly string[]): CommitResult;
  /** release gives up the lock: after commit, on a QUIT that did not enter UPDATE, or when the connection is lost. */
  release(user: string): void;
}
