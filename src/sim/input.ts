// What a person can do to a world, each stamped with the virtual time it happened. Inputs are the only way
// the UI changes a simulation, so replaying the same inputs replays the same world.
import type { HostId, LinkId } from '../net/types.ts';
import type { InterposeStage as SmtpStage } from '../protocols/smtp/backend.ts';
import type { HttpFaultStatus } from './services/httpFaults.ts';

/**
 * DraftAttachment is a file attached to a draft. Its content is `text` (sent as UTF-8), or `base64`: the bytes of a
 * chosen file of any type, written as Base64 so that an input stays JSON; either is written `repeat` times over
 * (so a scenario can attach megabytes).
 */
export type DraftAttachment = { filename: string; contentType?: string; repeat?: number } & (
  { text: string; base64?: never } | { base64: string; text?: never }
);

/** MailDraft is what a person writes in a user agent's compose form. */
export interface MailDraft {
  to?: string[];
  cc?: string[];
  bcc?: string[];
  subject?: string;
  body?: string;
  attachments?: DraftAttachment[];
  /** direct skips the sender's own server and delivers straight to the recipient's (the textbook's question). */
  direct?: boolean;
}

/**
 * Lasting is what a fault that stays in force may carry: `for` (ms) ends it on its own after that long, as
 * "down for 2 h" or "loss 30% for 10 min" say; without it the fault lasts until something undoes it.
 */
export interface Lasting {
  readonly for?: number;
}

/** Fault is a failure a teacher injects or a scenario schedules. */
export type Fault =
  | ({ type: 'host.down'; host: HostId; mode?: 'crash' | 'shutdown' } & Lasting)
  | ({ type: 'service.down'; host: HostId; service: 'smtp' } & Lasting)
  | { type: 'service.up'; host: HostId; service: 'smtp' }
  | ({
      type: 'smtp.reply';
      host: HostId;
      stage: SmtpStage;
      code: number;
      text?: string;
      every?: number;
    } & Lasting)
  | { type: 'smtp.dropFinalReply'; host: HostId; count?: number }
  | { type: 'smtp.normal'; host: HostId }
  | ({ type: 'pop3.reply'; host: HostId; command: Pop3FaultCommand; text?: string; every?: number } & Lasting)
  | { type: 'pop3.normal'; host: HostId }
  | ({ type: 'imap.reply'; host: HostId; command: ImapFaultCommand; text?: string; every?: number } & Lasting)
  | { type: 'imap.normal'; host: HostId }
  | {
      type: 'http.reply';
      host: HostId;
      status: HttpFaultStatus;
      path?: string;
      text?: string;
      every?: number;
    }
  | { type: 'http.normal'; host: HostId }
  | { type: 'queue.flush'; host: HostId }
  /**
   * queue.connectionCache turns a mail server's connection reuse on (with its scenario's figures, else Postfix's)
   * or off, from now on: a setting a teacher changes, kept in the fault log as the flush is.
   */
  | { type: 'queue.connectionCache'; host: HostId; on: boolean }
  | { type: 'host.up'; host: HostId }
  | ({ type: 'link.down'; link: LinkId } & Lasting)
  | { type: 'link.up'; link: LinkId }
  | ({ type: 'link.set'; link: LinkId; latency?: number; jitter?: number; loss?: number } & Lasting);

/**
 * POP3_FAULT_COMMANDS are the POP3 commands a teacher can make the server refuse with -ERR. QUIT is not among
 * them: its answer in the TRANSACTION state is the UPDATE state's own (RFC 1939 §6).
 */
export const POP3_FAULT_COMMANDS = [
  'USER',
  'PASS',
  'APOP',
  'STAT',
  'LIST',
  'UIDL',
  'RETR',
  'TOP',
  'DELE',
  'RSET',
  'NOOP',
] as const;

/** Pop3FaultCommand is one of POP3_FAULT_COMMANDS. */
export type Pop3FaultCommand = (typeof POP3_FAULT_COMMANDS)[number];

/**
 * IMAP_FAULT_COMMANDS are the IMAP commands a teacher can make the server refuse with a tagged NO (a UID command
 * by its name: FETCH for UID FETCH). SELECT, EXAMINE, LOGOUT and IDLE are not among them: a failed SELECT also
 * closes the mailbox that was selected (RFC 3501 §6.3.1), and LOGOUT and IDLE have no NO.
 */
export const IMAP_FAULT_COMMANDS = [
  'LOGIN',
  'AUTHENTICATE',
  'LIST',
  'LSUB',
  'STATUS',
  'CREATE',
  'DELETE',
  'RENAME',
  'APPEND',
  'SEARCH',
  'FETCH',
  'STORE',
  'COPY',
  'MOVE',
  'EXPUNGE',
  'NOOP',
] as const;

/** ImapFaultCommand is one of IMAP_FAULT_COMMANDS. */
export type ImapFaultCommand = (typeof IMAP_FAULT_COMMANDS)[number];

/** FetchRequest is what a person asks of a user agent's reader: read mail from its server now. */
export interface FetchRequest {
  /** protocol picks the reader: POP3 (download) or IMAP (the mail stays on the server). */
  protocol: 'pop3' | 'imap';
  /** mode is POP3's: download and delete (the default) or download and keep. IMAP ignores it. */
  mode?: 'delete' | 'keep';
  /** folder is IMAP's: whose headers to fetch (INBOX by default). POP3 reads only the INBOX. */
  folder?: string;
}

/**
 * ImapMessageRef names a message on the server, for the IMAP reading inputs: its folder and UID. `mail.open`
 * fetches the text part and sets \Seen, or with `part` ("2") that part, partially from `offset` when it is large;
 * `mail.delete` moves the message to Trash.
 */
export interface ImapMessageRef {
  folder: string;
  uid: number;
}

/** WebDraft is what a person writes in the webmail's compose form in a browser. */
export interface WebDraft {
  to: string[];
  cc?: string[];
  subject?: string;
  body?: string;
  /** inReplyTo is the Message-ID of the message answered, as the webmail's reply form carries it. */
  inReplyTo?: string;
}

/**
 * Input is one thing a person did. The terminal inputs act like `telnet target port` on a host: open a raw TCP
 * connection, type a line (CRLF is added), close it.
 */
export type Input =
  | { type: 'terminal.open'; host: HostId; target: string; port: number }
  | { type: 'terminal.type'; host: HostId; text: string }
  | { type: 'terminal.close'; host: HostId }
  | ({ type: 'mail.send'; host: HostId } & MailDraft)
  | ({ type: 'mail.fetch'; host: HostId } & FetchRequest)
  | ({ type: 'mail.open'; host: HostId } & ImapMessageRef & { part?: string; offset?: number })
  | ({ type: 'mail.delete'; host: HostId } & ImapMessageRef)
  | ({ type: 'mail.move'; host: HostId } & ImapMessageRef & { to: string })
  | ({ type: 'mail.flag'; host: HostId } & ImapMessageRef & { flag: string; set: boolean })
  | { type: 'mail.search'; host: HostId; folder: string; query: string }
  /** web.open: the host's browser goes to an address (`http://webmail.hamburger.edu/`, or a path on its site). */
  | { type: 'web.open'; host: HostId; url: string }
  /** web.login, web.read, web.send: the browser uses the webmail site it has open (login form, a message, compose). */
  | { type: 'web.login'; host: HostId; user: string; password: string }
  | { type: 'web.read'; host: HostId; uid: number; folder?: string }
  | ({ type: 'web.send'; host: HostId } & WebDraft)
  | { type: 'fault'; fault: Fault };

/**
 * InputOrigin says who did an input, as the one who added it knows: a person at one of the lab's panels, or a
 * lesson doing it for them (its "show me", or a step's set-up), naming the step. A scenario's own script has none.
 */
export type InputOrigin =
  | { readonly kind: 'person' }
  | { readonly kind: 'showMe'; readonly step: string }
  | { readonly kind: 'setUp'; readonly step: string };

/** TimedInput is an input with the virtual time (ms) it happens at, and who did it when that is known. */
export interface TimedInput {
  readonly at: number;
  readonly input: Input;
  readonly by?: InputOrigin;
}
