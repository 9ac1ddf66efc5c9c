// What the webmail asks of the mail system behind it, as an interface: check a login, list folders and a folder's
// messages, fetch one message, send one. The simulation answers over IMAP and SMTP (imapAccess.ts); a unit test
// answers from memory, so the application is tested without a network.
import type { Mailbox } from '../../protocols/message/addresses.ts';
import type { ImapMessageHeader } from '../trace.ts';

/** WebmailAccount is who the browser logged in as: the webmail logs in to IMAP and SMTP with the same pair. */
export interface WebmailAccount {
  readonly user: string;
  readonly password: string;
}

/**
 * AccessFailure says why the mail system did not answer: the login was `refused`, the server could not be
 * reached or gave up (`unavailable`), or what was asked for does not exist (`notFound`). `text` is its own words.
 */
export interface AccessFailure {
  readonly kind: 'refused' | 'unavailable' | 'notFound';
  readonly text: string;
}

/** Access is an answer: a value, or a failure. */
export type Access<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: AccessFailure };

/** OutgoingMail is a message the compose form asks to send, its addresses already checked. */
export interface OutgoingMail {
  readonly to: readonly Mailbox[];
  readonly cc: readonly Mailbox[];
  readonly subject: string;
  readonly text: string;
  /** inReplyTo is the Message-ID of the message answered, or null (RFC 5322 §3.6.4). */
  readonly inReplyTo: string | null;
  /** references is the thread the reply belongs to, oldest first, ending with `inReplyTo` (RFC 5322 §3.6.4). */
  readonly references: readonly string[];
}

/** MailAccess is the mail system behind the webmail. Each call answers once, later (over the network) or at once. */
export interface MailAccess {
  login(account: WebmailAccount, done: (answer: Access<null>) => void): void;
  folders(account: WebmailAccount, done: (answer: Access<readonly string[]>) => void): void;
  headers(
    account: WebmailAccount,
    folder: string,
    done: (answer: Access<readonly ImapMessageHeader[]>) => void,
  ): void;
  /** message fetches one message's octets and marks it seen. */
  message(account: WebmailAccount, folder: string, uid: number, done: (answer: Access<string>) => void): void;
  send(
    account: WebmailAccount,
    mail: OutgoingMail,
    done: (answer: Access<{ readonly messageId: string }>) => void,
  ): void;
}
