// The SMTP server's replies as named values: code, RFC 3463 enhanced status code and wording in each style. Logic
// refers to replies by key, never by bare number; replyExplanations.ts says what each one means to a student.

/** ReplyStyle picks the wording: `textbook` as in Kurose & Ross's example session, `modern` as Postfix words it. */
export type ReplyStyle = 'textbook' | 'modern';

/** ReplyKey names every catalogued reply; keys are stable so that the UI can localise explanations. */
export type ReplyKey = keyof typeof REPLIES;

/** Reply is one whole reply ready to send: its code and its text lines (written out with formatReply). */
export interface Reply {
  readonly key: ReplyKey;
  readonly code: number;
  readonly text: readonly string[];
}

/** ReplyVars fills the placeholders of a reply's wording, such as `{host}` or `{address}`. */
export type ReplyVars = Readonly<Record<string, string | number>>;

interface ReplyDefinition {
  /** code is null only for `fault.chosen`, whose code the teacher picks. */
  readonly code: number | null;
  /** RFC 3463 code, shown in the modern style; null where RFC 2034 §4 exempts the reply (220, EHLO, 334, 354). */
  readonly enhanced: string | null;
  readonly textbook: string;
  readonly modern: string;
}

/**
 * REPLIES is the catalogue of server replies. Textbook wording follows Kurose & Ross exactly where their example
 * shows it and sendmail (which their example came from) elsewhere; modern wording follows Postfix.
 */
export const REPLIES = {
  greeting: { code: 220, enhanced: null, textbook: '{host}', modern: '{host} ESMTP' },
  'helo.ok': { code: 250, enhanced: null, textbook: 'Hello {client}, pleased to meet you', modern: '{host}' },
  'ehlo.ok': {
    code: 250,
    enhanced: null,
    textbook: '{host} Hello {client}, pleased to meet you',
    modern: '{host}',
  },
  'mail.ok': { code: 250, enhanced: '2.1.0', textbook: '{address} ... Sender ok', modern: 'Ok' },
  'rcpt.ok': { code: 250, enhanced: '2.1.5', textbook: '{address} ... Recipient ok', modern: 'Ok' },
  'data.start': {
    code: 354,
    enhanced: null,
    textbook: 'Enter mail, end with "." on a line by itself',
    modern: 'End data with <CR><LF>.<CR><LF>',
  },
  'data.accepted': {
    code: 250,
    enhanced: '2.0.0',
    textbook: 'Message accepted for delivery',
    modern: 'Ok: queued as {queueId}',
  },
  quit: { code: 221, enhanced: '2.0.0', textbook: '{host} closing connection', modern: 'Bye' },
  'rset.ok': { code: 250, enhanced: '2.0.0', textbook: 'Reset state', modern: 'Ok' },
  'noop.ok': { code: 250, enhanced: '2.0.0', textbook: 'OK', modern: 'Ok' },
  'vrfy.cannotVerify': {
    code: 252,
    enhanced: '2.0.0',
    textbook: 'Cannot VRFY user, but will accept message and attempt delivery',
    modern: 'Cannot VRFY user, but will accept message and attempt delivery',
  },
  // RFC 5321 §3.5.3: a server that will not confirm a user may still say that one does not exist.
  'vrfy.unknownUser': {
    code: 550,
    enhanced: '5.1.1',
    textbook: '{address}... User unknown',
    modern: '<{address}>: Recipient address rejected: User unknown in local recipient table',
  },
  // {commands} lists what this port carries out: AUTH only where it is offered (submission).
  help: {
    code: 214,
    enhanced: '2.0.0',
    textbook: 'Commands: {commands}',
    modern: 'Commands: {commands}',
  },
  'auth.challenge': { code: 334, enhanced: null, textbook: '{challenge}', modern: '{challenge}' },
  'auth.ok': {
    code: 235,
    enhanced: '2.7.0',
    textbook: 'Authentication successful',
    modern: 'Authentication successful',
  },
  'auth.failed': {
    code: 535,
    enhanced: '5.7.8',
    textbook: 'Authentication credentials invalid',
    modern: 'Error: authentication failed',
  },
  'auth.aborted': {
    code: 501,
    enhanced: '5.0.0',
    textbook: 'Authentication aborted',
    modern: 'Authentication aborted',
  },
  'auth.badEncoding': {
    code: 501,
    enhanced: '5.5.2',
    textbook: 'Cannot decode response',
    modern: 'Cannot decode response',
  },
  'auth.unknownMechanism': {
    code: 504,
    enhanced: '5.5.4',
    textbook: 'Unrecognized authentication type',
    modern: 'Unrecognized authentication type',
  },
  'auth.required': {
    code: 530,
    enhanced: '5.7.0',
    textbook: 'Authentication required',
    modern: 'Authentication required',
  },
  // Postfix and sendmail both answer 503 where AUTH is not offered: the command exists but is out of place here.
  'auth.notEnabled': {
    code: 503,
    enhanced: '5.5.1',
    textbook: 'AUTH not available',
    modern: 'Error: authentication not enabled',
  },
  'auth.already': {
    code: 503,
    enhanced: '5.5.1',
    textbook: 'Already authenticated',
    modern: 'Error: already authenticated',
  },
  'auth.inTransaction': {
    code: 503,
    enhanced: '5.5.1',
    textbook: 'AUTH not permitted during a mail transaction',
    modern: 'Error: MAIL transaction in progress',
  },
  'seq.needHelo': {
    code: 503,
    enhanced: '5.5.1',
    textbook: 'Polite people say HELO first',
    modern: 'Error: send HELO/EHLO first',
  },
  'seq.needEhlo': {
    code: 503,
    enhanced: '5.5.1',
    textbook: 'Extensions need EHLO',
    modern: 'Error: send EHLO first',
  },
  'seq.needMail': {
    code: 503,
    enhanced: '5.5.1',
    textbook: 'Need MAIL before RCPT',
    modern: 'Error: need MAIL command',
  },
  // DATA before MAIL: sendmail's words for it, not the RCPT wording above.
  'seq.needMailForData': {
    code: 503,
    enhanced: '5.5.1',
    textbook: 'Need MAIL command',
    modern: 'Error: need MAIL command',
  },
  'seq.needRcpt': {
    code: 503,
    enhanced: '5.5.1',
    textbook: 'Need RCPT (recipient)',
    modern: 'Error: need RCPT command',
  },
  'seq.nestedMail': {
    code: 503,
    enhanced: '5.5.1',
    textbook: 'Sender already specified',
    modern: 'Error: nested MAIL command',
  },
  'seq.noService': {
    code: 503,
    enhanced: '5.5.1',
    textbook: 'No SMTP service here',
    modern: 'Error: no SMTP service here',
  },
  'error.unrecognized': {
    code: 500,
    enhanced: '5.5.2',
    textbook: 'Command unrecognized',
    modern: 'Error: command not recognized',
  },
  'error.lineTooLong': {
    code: 500,
    enhanced: '5.5.0',
    textbook: 'Line too long',
    modern: 'Error: line too long',
  },
  // A line ended by LF alone (netcat without -C) is answered at once, so the client does not seem to hang; it is
  // still refused, as accepting it is what lets SMTP smuggling through (RFC 5321 §2.3.8).
  'error.bareLf': {
    code: 500,
    enhanced: '5.5.2',
    textbook: 'Syntax error: line ends with a bare LF; end every line with CRLF',
    modern: 'Error: bare <LF> received; end each line with <CR><LF>',
  },
  'error.notImplemented': {
    code: 502,
    enhanced: '5.5.1',
    textbook: 'Command not implemented',
    modern: 'Error: command not implemented',
  },
  'syntax.arguments': {
    code: 501,
    enhanced: '5.5.4',
    textbook: 'Syntax error in parameters or arguments',
    modern: 'Syntax error in parameters or arguments',
  },
  'syntax.bareLineBreak': {
    code: 501,
    enhanced: '5.5.2',
    textbook: 'Syntax error: bare CR or LF in command',
    modern: 'Error: bare <CR> or <LF> received',
  },
  // RFC 5321 §4.1.1: a single SP separates a verb from its argument; a tab gets a 501 that says so.
  'syntax.tabSeparator': {
    code: 501,
    enhanced: '5.5.2',
    textbook: 'Syntax error: separate {verb} from its argument with a space, not a tab',
    modern: 'Syntax: {verb} and its argument are separated by a space, not a tab',
  },
  'helo.badDomain': {
    code: 501,
    enhanced: '5.5.4',
    textbook: '{verb} requires domain address',
    modern: 'Syntax: {verb} hostname',
  },
  'mail.badSender': {
    code: 501,
    enhanced: '5.1.7',
    textbook: 'Syntax error in sender address',
    modern: 'Bad sender address syntax',
  },
  'rcpt.badRecipient': {
    code: 501,
    enhanced: '5.1.3',
    textbook: 'Syntax error in recipient address',
    modern: 'Bad recipient address syntax',
  },
  'path.tooLong': { code: 501, enhanced: '5.5.4', textbook: 'Path too long', modern: 'Error: path too long' },
  'params.bad': {
    code: 501,
    enhanced: '5.5.4',
    textbook: 'Bad MAIL parameter',
    modern: 'Bad parameter syntax',
  },
  'params.notRecognized': {
    code: 555,
    enhanced: '5.5.4',
    textbook: 'MAIL FROM/RCPT TO parameters not recognized or not implemented',
    modern: 'Unsupported option',
  },
  'mail.sizeExceeded': {
    code: 552,
    enhanced: '5.3.4',
    textbook: 'Message size exceeds fixed maximum message size',
    modern: 'Message size exceeds fixed limit',
  },
  'rcpt.unknownUser': {
    code: 550,
    enhanced: '5.1.1',
    textbook: '{address}... User unknown',
    modern: '<{address}>: Recipient address rejected: User unknown in local recipient table',
  },
  // Postfix refuses relaying with 554, sendmail (whose words the textbook style uses) with 550: one key each.
  'rcpt.relayDenied': {
    code: 554,
    enhanced: '5.7.1',
    textbook: '{address}... Relaying denied',
    modern: '<{address}>: Relay access denied',
  },
  'rcpt.relayRefused': {
    code: 550,
    enhanced: '5.7.1',
    textbook: '{address}... Relaying denied',
    modern: '<{address}>: Relay access denied',
  },
  // RFC 5321 §4.5.3.1.10: a server out of room answers 452 and the client tries later. Postfix's and sendmail's words.
  'rcpt.noStorage': {
    code: 452,
    enhanced: '4.3.1',
    textbook: 'Insufficient disk space; try again later',
    modern: 'Insufficient system storage',
  },
  'rcpt.tooMany': {
    code: 452,
    enhanced: '4.5.3',
    textbook: 'Too many recipients',
    modern: 'Error: too many recipients',
  },
  'data.tooLarge': {
    code: 552,
    enhanced: '5.3.4',
    textbook: 'Message size exceeds fixed maximum message size',
    modern: 'Message size exceeds fixed limit',
  },
  'data.lineTooLong': {
    code: 554,
    enhanced: '5.6.0',
    textbook: 'Message contains a line too long',
    modern: 'Error: message line too long',
  },
  'data.bareLineBreak': {
    code: 554,
    enhanced: '5.6.0',
    textbook: 'Message refused: it contains a bare CR or LF; end every line with CRLF',
    modern: 'Error: bare <CR> or <LF> in message; end each line with <CR><LF>',
  },
  'service.closing': {
    code: 421,
    enhanced: '4.3.2',
    textbook: '{host} Service not available, closing transmission channel',
    modern: '{host} Error: service shutting down',
  },
  'service.timeout': {
    code: 421,
    enhanced: '4.4.2',
    textbook: '{host} Timeout waiting for command, closing connection',
    modern: '{host} Error: timeout exceeded',
  },
  'service.unavailable': {
    code: 554,
    enhanced: '5.3.2',
    textbook: '{host} No SMTP service here',
    modern: '{host} Error: no SMTP service here',
  },
  'mailbox.unavailable': {
    code: 450,
    enhanced: '4.2.0',
    textbook: 'Mailbox unavailable, try again later',
    modern: 'Error: mailbox temporarily unavailable',
  },
  'mailbox.full': { code: 552, enhanced: '5.2.2', textbook: 'Mailbox full', modern: 'Error: mailbox full' },
  'local.error': {
    code: 451,
    enhanced: '4.3.0',
    textbook: 'Local error in processing',
    modern: 'Error: queue file write error',
  },
  // A teacher's fault (`smtp.reply`) answers with the catalogue's reply for the chosen code, worded as RFC 5321
  // §4.2.3 describes that code; a code without one of its own is `fault.chosen`.
  'fault.unavailable': {
    code: 421,
    enhanced: '4.3.2',
    textbook: 'Service not available, closing transmission channel',
    modern: 'Service not available, closing transmission channel',
  },
  'fault.mailboxBusy': {
    code: 450,
    enhanced: '4.2.1',
    textbook: 'Requested mail action not taken: mailbox unavailable',
    modern: 'Requested mail action not taken: mailbox unavailable',
  },
  'fault.localError': {
    code: 451,
    enhanced: '4.3.0',
    textbook: 'Requested action aborted: local error in processing',
    modern: 'Requested action aborted: local error in processing',
  },
  'fault.insufficientStorage': {
    code: 452,
    enhanced: '4.3.1',
    textbook: 'Requested action not taken: insufficient system storage',
    modern: 'Requested action not taken: insufficient system storage',
  },
  'fault.mailboxUnavailable': {
    code: 550,
    enhanced: '5.2.1',
    textbook: 'Requested action not taken: mailbox unavailable',
    modern: 'Requested action not taken: mailbox unavailable',
  },
  'fault.storageExceeded': {
    code: 552,
    enhanced: '5.2.2',
    textbook: 'Requested mail action aborted: exceeded storage allocation',
    modern: 'Requested mail action aborted: exceeded storage allocation',
  },
  'fault.transactionFailed': {
    code: 554,
    enhanced: '5.0.0',
    textbook: 'Transaction failed',
    modern: 'Transaction failed',
  },
  'fault.chosen': {
    code: null,
    enhanced: null,
    textbook: 'Reply chosen by the teacher',
    modern: 'Reply chosen by the teacher',
  },
} as const satisfies Record<string, ReplyDefinition>;

/**
 * reply renders a catalogued reply in a server's style, filling `{name}` placeholders from vars. In the modern
 * style the enhanced status code (RFC 3463, advertised as ENHANCEDSTATUSCODES) leads the text. Use `faultReply`
 * for `fault.chosen`, which has no code of its own.
 */
export function reply(key: ReplyKey, style: ReplyStyle, vars: ReplyVars = {}): Reply {
  const definition: ReplyDefinition = REPLIES[key];
  if (definition.code === null) throw new RangeError(`reply: ${key} needs a code; use faultReply`);
  const wording = fill(style === 'textbook' ? definition.textbook : definition.modern, vars);
  const text =
    style === 'modern' && definition.enhanced !== null ? `${definition.enhanced} ${wording}` : wording;
  return { key, code: definition.code, text: [text] };
}

const FAULT_KEYS: ReadonlyMap<number, ReplyKey> = new Map(
  (Object.keys(REPLIES) as ReplyKey[])
    .filter((key) => key.startsWith('fault.') && REPLIES[key].code !== null)
    .map((key) => [REPLIES[key].code as number, key]),
);

/**
 * faultReply is the reply a teacher's fault forces: the catalogue's `fault.*` reply for `code` (`fault.chosen`
 * for a code without one), in the server's style, or with the teacher's own `text` (CR and LF become spaces).
 */
export function faultReply(code: number, style: ReplyStyle, text?: string): Reply {
  const key = FAULT_KEYS.get(code);
  const catalogued = key === undefined ? null : reply(key, style);
  const own = text === undefined ? undefined : text.replace(/[\r\n]/g, ' ');
  return {
    key: key ?? 'fault.chosen',
    code,
    text: own !== undefined ? [own] : (catalogued?.text ?? [REPLIES['fault.chosen'][style]]),
  };
}

/** SmtpReplyId is a catalogued reply's id across protocols: `smtp.` and its key (`smtp.rcpt.ok`). */
export type SmtpReplyId = `smtp.${ReplyKey}`;

/** replyId namespaces a catalogue key so it is unique across protocols; facts and explanations use it. */
export function replyId(key: ReplyKey): SmtpReplyId {
  return `smtp.${key}`;
}

/** isSmtpReplyId tells whether an id names a reply of this catalogue. */
export function isSmtpReplyId(id: string): id is SmtpReplyId {
  return id.startsWith('smtp.') && Object.hasOwn(REPLIES, id.slice('smtp.'.length));
}

/** ReplyClass is what the first digit of a reply code says (RFC 5321 §4.2.1). */
export type ReplyClass = 'positive' | 'intermediate' | 'transient' | 'permanent';

/** replyClass reads the first digit of a reply code: 2 done, 3 go on, 4 try again later, 5 do not repeat. */
export function replyClass(code: number): ReplyClass {
  if (code >= 500) return 'permanent';
  if (code >= 400) return 'transient';
  if (code >= 300) return 'intermediate';
  return 'positive';
}

function fill(template: string, vars: ReplyVars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
}
