// What each server reply means to a student and what the client should do next, keyed by ReplyKey so that other
// languages can be added beside this English text.
import type { ReplyKey } from './replies.ts';

/** ReplyExplanation is the student-facing text for one reply. */
export interface ReplyExplanation {
  /** What the reply means. */
  readonly meaning: string;
  /** What the client should do next. */
  readonly next: string;
}

/** REPLY_EXPLANATIONS holds the English explanation of every catalogued reply. */
export const REPLY_EXPLANATIONS: Readonly<Record<ReplyKey, ReplyExplanation>> = {
  greeting: {
    meaning: 'The server is ready (RFC 5321 §4.3.1).',
    next: 'Introduce yourself with EHLO (or HELO).',
  },
  'helo.ok': {
    meaning: 'The server accepted the greeting; no extensions are in use after HELO.',
    next: 'Start a mail transaction with MAIL FROM.',
  },
  'ehlo.ok': {
    meaning:
      'The server accepted EHLO; the lines after the first name the extensions it supports (RFC 5321 §4.1.1.1).',
    next: 'Use only the extensions listed, then send MAIL FROM.',
  },
  'mail.ok': {
    meaning: 'The sender (reverse-path) is recorded and a mail transaction has begun (RFC 5321 §3.3).',
    next: 'Name each recipient with RCPT TO.',
  },
  'rcpt.ok': {
    meaning: 'The server will take mail for this recipient.',
    next: 'Add more recipients, or send DATA.',
  },
  'data.start': {
    meaning: 'The server is waiting for the message itself (RFC 5321 §4.1.1.4).',
    next: 'Send the message lines, then a line holding only ".".',
  },
  'data.accepted': {
    meaning: 'The server has taken responsibility for delivering the message (RFC 5321 §6.1).',
    next: 'Send another message with MAIL FROM, or QUIT.',
  },
  quit: {
    meaning: 'The server is closing the connection, as asked (RFC 5321 §4.1.1.10).',
    next: 'Nothing: the connection closes.',
  },
  'rset.ok': {
    meaning: 'Any sender, recipients and data of the current transaction are discarded (RFC 5321 §4.1.1.5).',
    next: 'Start again with MAIL FROM.',
  },
  'noop.ok': {
    meaning: 'NOOP does nothing; the reply shows the server is alive (RFC 5321 §4.1.1.9).',
    next: 'Carry on.',
  },
  'vrfy.cannotVerify': {
    meaning:
      'The server will not confirm whether a mailbox exists, which keeps address harvesters out (RFC 5321 §3.5.3, §7.3).',
    next: 'Just send the mail; RCPT TO will say whether the recipient is accepted.',
  },
  help: {
    meaning: 'Help text for a person at a terminal (RFC 5321 §4.1.1.8).',
    next: 'Carry on with any command listed.',
  },
  'auth.challenge': {
    meaning: 'The server asks the next question of the authentication exchange, in Base64 (RFC 4954 §4).',
    next: 'Answer with one line of Base64, or "*" to give up.',
  },
  'auth.ok': {
    meaning: 'The user name and password were right; this session is now authenticated (RFC 4954 §6).',
    next: 'Send MAIL FROM.',
  },
  'auth.failed': {
    meaning: 'The user name or password was wrong (RFC 4954 §6).',
    next: 'Check the credentials and try AUTH again.',
  },
  'auth.aborted': {
    meaning: 'The client answered "*", which cancels the exchange (RFC 4954 §4).',
    next: 'Try AUTH again or QUIT.',
  },
  'auth.badEncoding': {
    meaning: 'The answer was not valid Base64 or not in the form the mechanism needs (RFC 4954 §4).',
    next: 'Try AUTH again.',
  },
  'auth.unknownMechanism': {
    meaning: 'The server does not offer that SASL mechanism; EHLO lists the ones it does.',
    next: 'Use AUTH PLAIN or AUTH LOGIN.',
  },
  'auth.required': {
    meaning: 'This submission port takes mail only from authenticated users (RFC 4954 §6, RFC 6409 §4.3).',
    next: 'Authenticate with AUTH first.',
  },
  'auth.notEnabled': {
    meaning:
      'This server knows AUTH but does not offer it here: relay servers on port 25 take mail without logging in.',
    next: 'Send MAIL FROM without AUTH, or use the submission port 587.',
  },
  'auth.already': {
    meaning: 'Only one successful AUTH is allowed per session (RFC 4954 §4).',
    next: 'Carry on with MAIL FROM.',
  },
  'auth.inTransaction': {
    meaning: 'AUTH must come before MAIL FROM (RFC 4954 §4).',
    next: 'RSET, then AUTH.',
  },
  'seq.needHelo': {
    meaning: 'A mail transaction needs the client to introduce itself first (RFC 5321 §4.1.4).',
    next: 'Send EHLO or HELO.',
  },
  'seq.needEhlo': {
    meaning: 'After HELO no extensions may be used (RFC 5321 §4.1.1.1); AUTH is an extension.',
    next: 'Send EHLO, then AUTH.',
  },
  'seq.needMail': {
    meaning: 'Recipients belong to a mail transaction, which MAIL FROM begins (RFC 5321 §3.3).',
    next: 'Send MAIL FROM first.',
  },
  'seq.needRcpt': {
    meaning: 'DATA needs at least one accepted recipient (RFC 5321 §3.3).',
    next: 'Send RCPT TO first.',
  },
  'seq.nestedMail': {
    meaning: 'A transaction is already open; MAIL may not start another inside it (RFC 5321 §4.1.4).',
    next: 'Finish with DATA, or RSET.',
  },
  'seq.noService': {
    meaning: 'The server refused service in its greeting and now accepts only QUIT (RFC 5321 §3.1).',
    next: 'Send QUIT.',
  },
  'error.unrecognized': {
    meaning: 'The server does not know this command (RFC 5321 §4.2.4).',
    next: 'Check the spelling; HELP lists the commands.',
  },
  'error.lineTooLong': {
    meaning: 'A command line may hold at most 512 octets with its CRLF (RFC 5321 §4.5.3.1.4).',
    next: 'Send a shorter command.',
  },
  'error.notImplemented': {
    meaning: 'The command exists in SMTP, but this server does not carry it out (RFC 5321 §4.2.4).',
    next: 'Do without it.',
  },
  'syntax.arguments': {
    meaning: 'The command is known but its arguments are wrong; nothing changed (RFC 5321 §4.2.2).',
    next: 'Fix the arguments and send it again.',
  },
  'syntax.bareLineBreak': {
    meaning:
      'Only CR LF together may end a line; a lone CR or LF is refused rather than guessed at (RFC 5321 §2.3.8).',
    next: 'Send the command again with proper CRLF line ends.',
  },
  'helo.badDomain': {
    meaning: "EHLO and HELO take the client's own domain name or address literal (RFC 5321 §4.1.1.1).",
    next: 'Send e.g. "EHLO crepes.fr".',
  },
  'mail.badSender': {
    meaning: 'The reverse-path must be <local@domain> or <> (RFC 5321 §4.1.2).',
    next: 'Send e.g. "MAIL FROM:<alice@crepes.fr>".',
  },
  'rcpt.badRecipient': {
    meaning: 'The forward-path must be <local@domain> (RFC 5321 §4.1.2).',
    next: 'Send e.g. "RCPT TO:<bob@hamburger.edu>".',
  },
  'path.tooLong': {
    meaning: 'An address may hold at most 256 octets (RFC 5321 §4.5.3.1.3).',
    next: 'Use a shorter address.',
  },
  'params.bad': {
    meaning: 'A parameter such as SIZE= or BODY= has a wrong value or appears twice (RFC 1870, RFC 6152).',
    next: 'Fix the parameter.',
  },
  'params.notRecognized': {
    meaning: 'Parameters may be used only if EHLO advertised them (RFC 5321 §4.1.1.11).',
    next: 'Send the command without them.',
  },
  'mail.sizeExceeded': {
    meaning: "The SIZE= the client declared is over the server's limit (RFC 1870 §6).",
    next: 'Give up: the message is too big here.',
  },
  'rcpt.unknownUser': {
    meaning: 'No mailbox of that name exists here.',
    next: 'Drop this recipient; tell the sender the address is wrong.',
  },
  'rcpt.relayDenied': {
    meaning:
      'The address belongs to another domain and this server does not relay for strangers (RFC 5321 §3.6, §7.1).',
    next: "Send to the recipient's own server (its MX), or authenticate on the submission port.",
  },
  'rcpt.tooMany': {
    meaning: 'The server holds no more recipients in this transaction (RFC 5321 §4.5.3.1.10).',
    next: 'Send DATA for those accepted; send the rest in a later transaction.',
  },
  'data.tooLarge': {
    meaning:
      'The message turned out bigger than the server allows; it was read to the end and discarded (RFC 5321 §4.5.3.1.9).',
    next: 'Give up: the message is too big here.',
  },
  'data.lineTooLong': {
    meaning:
      'A line of message text may hold at most 1000 octets with its CRLF (RFC 5321 §4.5.3.1.6); the message was discarded.',
    next: 'Re-encode the message (e.g. quoted-printable) so its lines are shorter.',
  },
  'data.bareLineBreak': {
    meaning:
      'Message text may end lines only with CR LF (RFC 5321 §2.3.8); the message was discarded rather than guessed at.',
    next: 'Send the message again with CRLF line ends.',
  },
  'service.closing': {
    meaning: 'The server is shutting down and closes the connection (RFC 5321 §3.8).',
    next: 'Try again later; the mail is not lost.',
  },
  'service.timeout': {
    meaning: 'The client was silent for longer than the server waits (RFC 5321 §4.5.3.2.7).',
    next: 'Reconnect and be quicker.',
  },
  'service.unavailable': {
    meaning: 'The server refuses mail on this connection but waits for QUIT (RFC 5321 §3.1).',
    next: 'Send QUIT.',
  },
  'mailbox.unavailable': {
    meaning: 'The mailbox cannot take mail just now (RFC 5321 §4.2.2).',
    next: 'Keep the message queued and retry later.',
  },
  'mailbox.full': {
    meaning: "The recipient's mailbox is over its storage quota (RFC 3463 X.2.2).",
    next: 'Return the message to its sender.',
  },
  'local.error': {
    meaning: 'Something went wrong inside the server (RFC 5321 §4.2.2).',
    next: 'Retry later.',
  },
};

/** explainReply gives the explanation of a catalogued reply; a custom reply (a teacher's fault) has none. */
export function explainReply(key: ReplyKey | 'custom'): ReplyExplanation | undefined {
  return key === 'custom' ? undefined : REPLY_EXPLANATIONS[key];
}
