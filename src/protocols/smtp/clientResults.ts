// What the SMTP client learns from the server's replies: the extensions EHLO offers, and the fate of each recipient
// (delivered, try again later, or give up), kept as pure functions over the client machine's context.
import { replyClass } from './replies.ts';

/** ReplySummary is one reply as the client received it: the code and the text of each line. */
export type ReplySummary = { code: number; lines: string[] };

/** RecipientOutcome classifies a recipient: 2xx delivered, 4xx or no answer temporary, 5xx permanent (RFC 5321 §4.2.1). */
export type RecipientOutcome = 'delivered' | 'temporary' | 'permanent';

/**
 * RecipientReason says where a recipient's fate was decided: the reply to a stage of the session (`greeting`,
 * `helo`, `auth`, `mail`, `rcpt`, `data`, `dataEnd`), or an event with no reply for it.
 */
export type RecipientReason =
  | 'greeting'
  | 'helo'
  | 'auth'
  | 'authNotOffered'
  | 'mail'
  | 'rcpt'
  | 'data'
  | 'dataEnd'
  | 'serviceClosing'
  | 'connectionLost'
  | 'timeout'
  | 'protocolError';

/** RecipientResult is the final word on one recipient, with the reply that decided it when there was one. */
export interface RecipientResult {
  readonly recipient: string;
  readonly outcome: RecipientOutcome;
  readonly reply?: ReplySummary;
  readonly reason: RecipientReason;
}

/** SessionEnd says how the session finished: QUIT answered, or cut short. */
export type SessionEnd = 'quit' | 'serviceClosing' | 'connectionLost' | 'timeout' | 'protocolError';

/** SmtpClientOutput is the client machine's output when it reaches `done`. */
export interface SmtpClientOutput {
  /** One result per envelope recipient, in envelope order. */
  readonly recipients: readonly RecipientResult[];
  readonly session: {
    readonly ended: SessionEnd;
    /** Extension keywords from the EHLO reply; empty after HELO. */
    readonly extensions: readonly string[];
    readonly pipelining: boolean;
    /**
     * True when the connection was lost or timed out after the final "." but before its reply: the server may have
     * taken the message, so a retry may deliver it twice (RFC 5321 §6.1, §4.5.3.2.6).
     */
    readonly possiblyDelivered: boolean;
  };
}

/** Pending is a recipient during the session: accepted at RCPT and waiting for DATA, or already settled. */
export type Pending = { recipient: string; accepted: boolean; result: RecipientResult | null };

/** Extensions is what the client takes from an EHLO reply (RFC 5321 §4.1.1.1). */
export interface Extensions {
  readonly keywords: readonly string[];
  readonly pipelining: boolean;
  readonly size: boolean;
  readonly eightBitMime: boolean;
  readonly authMechanisms: readonly string[];
}

/** NO_EXTENSIONS is what a HELO session offers. */
export const NO_EXTENSIONS: Extensions = {
  keywords: [],
  pipelining: false,
  size: false,
  eightBitMime: false,
  authMechanisms: [],
};

/** parseEhloReply reads the extension lines of a 250 EHLO reply; the first line is the server's name. */
export function parseEhloReply(reply: ReplySummary): Extensions {
  const entries = reply.lines.slice(1).map((line) => line.trim().split(/\s+/));
  const keywords = entries.map(([keyword = '']) => keyword.toUpperCase());
  const auth = entries.find(([keyword = '']) => keyword.toUpperCase() === 'AUTH') ?? [];
  return {
    keywords,
    pipelining: keywords.includes('PIPELINING'),
    size: keywords.includes('SIZE'),
    eightBitMime: keywords.includes('8BITMIME'),
    authMechanisms: auth.slice(1).map((mechanism) => mechanism.toUpperCase()),
  };
}

/** outcomeOf classifies a reply for a recipient; an unexpected 3xx counts as temporary, so the mail is kept. */
export function outcomeOf(code: number): RecipientOutcome {
  const kind = replyClass(code);
  if (kind === 'positive') return 'delivered';
  return kind === 'permanent' ? 'permanent' : 'temporary';
}

/** settleOpen gives every recipient not yet settled the same result; used when one reply or event decides them all. */
export function settleOpen(
  pending: readonly Pending[],
  outcome: RecipientOutcome,
  reason: RecipientReason,
  reply?: ReplySummary,
): Pending[] {
  return pending.map((entry) =>
    entry.result !== null ? entry : { ...entry, result: result(entry.recipient, outcome, reason, reply) },
  );
}

/** settleByReply settles every open recipient by the class of one reply to a stage (MAIL, DATA, the final "."...). */
export function settleByReply(
  pending: readonly Pending[],
  reason: RecipientReason,
  reply: ReplySummary,
): Pending[] {
  return settleOpen(pending, outcomeOf(reply.code), reason, reply);
}

/**
 * recordRcptReply applies the reply to the RCPT of recipient `index`: 2xx leaves it open and accepted, waiting for
 * DATA; anything else settles it. A recipient already settled (MAIL failed under PIPELINING) is left alone.
 */
export function recordRcptReply(pending: readonly Pending[], index: number, reply: ReplySummary): Pending[] {
  return pending.map((entry, i) => {
    if (i !== index || entry.result !== null) return entry;
    if (outcomeOf(reply.code) === 'delivered') return { ...entry, accepted: true };
    return { ...entry, result: result(entry.recipient, outcomeOf(reply.code), 'rcpt', reply) };
  });
}

/** hasAccepted tells whether some recipient was accepted at RCPT and still waits for DATA. */
export function hasAccepted(pending: readonly Pending[]): boolean {
  return pending.some((entry) => entry.accepted && entry.result === null);
}

/** finalResults lists every recipient's result; one left open (which the machine never does) counts as temporary. */
export function finalResults(pending: readonly Pending[]): RecipientResult[] {
  return pending.map((entry) => entry.result ?? result(entry.recipient, 'temporary', 'connectionLost'));
}

function result(
  recipient: string,
  outcome: RecipientOutcome,
  reason: RecipientReason,
  reply?: ReplySummary,
): RecipientResult {
  return reply === undefined ? { recipient, outcome, reason } : { recipient, outcome, reason, reply };
}
