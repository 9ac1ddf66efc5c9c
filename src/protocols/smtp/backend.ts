// Where mail goes, kept apart from what the protocol does: the SMTP server machine asks an SmtpBackend about
// recipients, credentials and accepting a message, and lets a teacher's fault replace a reply.
import type { Reply, ReplyStyle } from './replies.ts';

/** SmtpSession is what a backend may know of the session asking it; read-only, a snapshot of the server's context. */
export interface SmtpSession {
  /** The server's own name, as in its greeting. */
  readonly hostname: string;
  readonly style: ReplyStyle;
  /** Whether this is the submission port (587), where AUTH comes before MAIL. */
  readonly submission: boolean;
  /** The name the client gave with EHLO or HELO, or null before it did. */
  readonly heloName: string | null;
  /** The reverse-path of the open transaction ('' for the null sender), or null outside a transaction. */
  readonly from: string | null;
  /** Recipients accepted so far in the open transaction, in order. */
  readonly to: readonly string[];
  /** The user the session authenticated as, or null. */
  readonly authenticatedAs: string | null;
}

/**
 * RecipientVerdict is the backend's answer for one RCPT: take it, no such user, a foreign domain we will not relay
 * to, or no room to store another message now (a temporary refusal, as Postfix's queue_minfree gives).
 */
export type RecipientVerdict = 'ok' | 'unknown-user' | 'relay-denied' | 'no-storage';

/** Envelope is one accepted message as handed to SmtpBackend.accept, after the final "." of DATA. */
export interface Envelope {
  readonly heloName: string;
  /** The reverse-path, '' for the null sender. */
  readonly from: string;
  readonly to: readonly string[];
  /** The message as octets, dot-unstuffed, every line ended by CRLF. */
  readonly data: string;
  readonly authenticatedAs: string | null;
}

/**
 * AcceptResult says whether the backend took responsibility for the message (RFC 5321 §6.1), with its queue id.
 * `replyLost` keeps the message but loses the 250 on its way: the connection drops, and the client, not knowing,
 * will send it again (the duplicate of RFC 5321 §6.1).
 */
export type AcceptResult = { ok: true; queueId: string; replyLost?: boolean } | { ok: false; reply: Reply };

/** InterposeStage is a point in the session where a teacher's fault may replace the server's reply. */
export type InterposeStage = 'greeting' | 'helo' | 'mail' | 'rcpt' | 'data' | 'data-end';

/**
 * SmtpBackend is everything the server machine needs from the rest of the host. Every method is synchronous and
 * called at most once for each command it concerns, in the order the commands arrive.
 */
export interface SmtpBackend {
  /** checkRecipient judges one RCPT address; called only after MAIL and the recipient limit check. */
  checkRecipient(address: string, session: SmtpSession): RecipientVerdict;
  /** authenticate checks a user name and password from AUTH PLAIN or AUTH LOGIN (submission only). */
  authenticate(user: string, password: string): boolean;
  /** accept takes a whole message at the end of DATA; must follow at least one accepted RCPT. */
  accept(envelope: Envelope): AcceptResult;
  /**
   * interpose lets a fault replace the reply at a stage, consulted once per command after its syntax and sequence
   * were checked. A 4xx or 5xx reply refuses the command (a 421 also closes the connection; a 5xx greeting leaves
   * the server waiting for QUIT, RFC 5321 §3.1); a 2xx or 3xx reply is sent in place of the normal one.
   */
  interpose?(stage: InterposeStage, session: SmtpSession): Reply | undefined;
}
