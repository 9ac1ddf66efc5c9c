// The POP3 server's responses as named values: status indicator and wording, the wording taken from RFC 1939's own
// examples where it gives one. Logic refers to responses by key; ui/i18n says what each one means to a student.
import { dotStuff } from '../shared/dotStuffing.ts';

/** Pop3Status is a response's status indicator, always in upper case (RFC 1939 §3). */
export type Pop3Status = '+OK' | '-ERR';

/** ReplyKey names every catalogued response; keys are stable so that the UI can localise explanations. */
export type ReplyKey = keyof typeof REPLIES;

/**
 * Reply is one whole response ready to send: the status and text of its first line and, for a multi-line
 * response, the lines that follow it, not yet dot-stuffed (`body`, null for a single-line response).
 */
export interface Reply {
  readonly key: ReplyKey;
  readonly status: Pop3Status;
  readonly text: string;
  readonly body: readonly string[] | null;
}

/** ReplyVars fills the placeholders of a response's wording, such as `{host}` or `{msg}`. */
export type ReplyVars = Readonly<Record<string, string | number>>;

interface ReplyDefinition {
  readonly status: Pop3Status;
  readonly text: string;
}

/**
 * REPLIES is the catalogue. A response code in brackets (RFC 2449 §8: `[IN-USE]`; RFC 3206: `[AUTH]`) leads the
 * text where one applies; the server advertises RESP-CODES and AUTH-RESP-CODE, so no other text starts with "[".
 */
export const REPLIES = {
  // RFC 1939 §4: any positive response; with APOP the greeting carries a timestamp (§7).
  greeting: { status: '+OK', text: 'POP3 server ready' },
  'greeting.apop': { status: '+OK', text: 'POP3 server ready {timestamp}' },
  // RFC 2449 §5.
  capa: { status: '+OK', text: 'Capability list follows' },
  'user.ok': { status: '+OK', text: '{user} is a real hoopy frood' },
  'user.unknown': { status: '-ERR', text: 'sorry, no mailbox for {user} here' },
  'pass.ok': { status: '+OK', text: "{user}'s maildrop has {messages} ({octets} octets)" },
  'pass.failed': { status: '-ERR', text: '[AUTH] invalid password' },
  'apop.ok': { status: '+OK', text: "{user}'s maildrop has {messages} ({octets} octets)" },
  'apop.failed': { status: '-ERR', text: '[AUTH] permission denied' },
  'apop.notOffered': { status: '-ERR', text: 'APOP not available: the greeting carried no timestamp' },
  'auth.inUse': { status: '-ERR', text: '[IN-USE] maildrop already locked: is another POP3 session open?' },
  'seq.needUser': { status: '-ERR', text: 'PASS must come right after a successful USER' },
  'seq.needPass': { status: '-ERR', text: 'expecting PASS for {user} (or QUIT)' },
  'seq.wrongState': { status: '-ERR', text: '{verb} is not allowed in the {state} state' },
  stat: { status: '+OK', text: '{count} {octets}' },
  list: { status: '+OK', text: '{messages} ({octets} octets)' },
  'list.one': { status: '+OK', text: '{msg} {octets}' },
  uidl: { status: '+OK', text: '' },
  'uidl.one': { status: '+OK', text: '{msg} {uid}' },
  retr: { status: '+OK', text: '{octets} octets' },
  top: { status: '+OK', text: 'top of message follows' },
  'dele.ok': { status: '+OK', text: 'message {msg} deleted' },
  'message.deleted': { status: '-ERR', text: 'message {msg} already deleted' },
  noSuchMessage: { status: '-ERR', text: 'no such message, only {messages} in maildrop' },
  noop: { status: '+OK', text: '' },
  rset: { status: '+OK', text: 'maildrop has {messages} ({octets} octets)' },
  // RFC 1939 §4: QUIT in the AUTHORIZATION state ends the session without entering UPDATE.
  'quit.ok': { status: '+OK', text: '{host} POP3 server signing off' },
  // RFC 1939 §6: QUIT in the TRANSACTION state; the server removed the marked messages in the UPDATE state.
  'quit.updated': { status: '+OK', text: '{host} POP3 server signing off ({left})' },
  'quit.updateFailed': { status: '-ERR', text: 'some deleted messages not removed' },
  'error.unknownCommand': { status: '-ERR', text: 'unknown command' },
  'error.notImplemented': { status: '-ERR', text: '{verb} not implemented' },
  'error.syntax': { status: '-ERR', text: 'syntax error, usage: {usage}' },
  'error.badMessageNumber': { status: '-ERR', text: 'a message-number is a decimal number from 1 up' },
  'error.badLineCount': { status: '-ERR', text: 'the number of lines is a decimal number from 0 up' },
  'error.badDigest': { status: '-ERR', text: 'the APOP digest is 32 hexadecimal digits' },
  'error.badCharacter': { status: '-ERR', text: 'commands are printable ASCII only' },
  'error.lineTooLong': { status: '-ERR', text: 'command line too long (at most 255 octets)' },
  // A teacher's fault: the server refuses a command it would have carried out, with the teacher's words.
  'fault.forced': { status: '-ERR', text: '{text}' },
} as const satisfies Record<string, ReplyDefinition>;

/**
 * reply renders a catalogued response, filling `{name}` placeholders from vars; `body` makes it multi-line (an
 * empty body still sends the terminating ".", as LIST does for an empty maildrop, RFC 1939 §5).
 */
export function reply(key: ReplyKey, vars: ReplyVars = {}, body: readonly string[] | null = null): Reply {
  const definition: ReplyDefinition = REPLIES[key];
  return { key, status: definition.status, text: fill(definition.text, vars), body };
}

/**
 * formatReply writes a response as lines without CRLF: the status line (the status alone when there is no text),
 * then for a multi-line response each body line dot-stuffed and the terminating "." (RFC 1939 §3).
 */
export function formatReply(response: Reply): string[] {
  const first = formatStatusLine(response.status, response.text);
  return response.body === null ? [first] : [first, ...response.body.map(dotStuff), '.'];
}

/** formatStatusLine writes the first line of a response: `+OK`/`-ERR`, then one space and the text if any. */
export function formatStatusLine(status: Pop3Status, text: string): string {
  if (/[\r\n]/.test(text)) throw new RangeError('formatStatusLine: response text may not contain CR or LF');
  return text === '' ? status : `${status} ${text}`;
}

/** StatusLine is a response's first line read back: status, RFC 2449 §8 response code if any, and text. */
export interface StatusLine {
  readonly status: Pop3Status;
  readonly code: string | null;
  readonly text: string;
}

// status [SP text], with an optional resp-code "[" resp-level *("/" resp-level) "]" leading the text (RFC 2449 §3).
const STATUS_LINE = /^(\+OK|-ERR)(?: ([^]*))?$/;
const RESP_CODE = /^\[([^\]/]+(?:\/[^\]/]+)*)\]/;

/** parseStatusLine reads a response's first line, or returns null when it is not one (RFC 1939 §3). */
export function parseStatusLine(line: string): StatusLine | null {
  const match = STATUS_LINE.exec(line);
  if (match === null) return null;
  const text = match[2] ?? '';
  const code = RESP_CODE.exec(text);
  return { status: match[1] as Pop3Status, code: code?.[1]?.toUpperCase() ?? null, text };
}

/** countMessages writes a count of messages as RFC 1939's examples do: "1 message", "2 messages". */
export function countMessages(count: number): string {
  return `${count} message${count === 1 ? '' : 's'}`;
}

function fill(template: string, vars: ReplyVars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
}
