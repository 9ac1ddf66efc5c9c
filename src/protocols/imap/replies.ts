// The IMAP server's responses as named values: every line it can send has a key (`login.ok`), so the trace says
// which one was meant and ui/i18n can explain it; status responses take their wording from here.
import type { ResponseCode } from './responseCodes.ts';
import type { ImapResponse, TaggedStatus, UntaggedStatus } from './responses.ts';

/**
 * StatusDefinition is a catalogued status response: tagged (it ends a command), untagged (`* OK`, `* BYE`...), or
 * the `+` continuation request. Its text may hold `{name}` placeholders.
 */
type StatusDefinition =
  | { readonly line: 'tagged'; readonly status: TaggedStatus; readonly text: string }
  | { readonly line: 'untagged'; readonly status: UntaggedStatus; readonly text: string }
  | { readonly line: 'continue'; readonly text: string };

/** DataDefinition is a catalogued untagged data response (RFC 3501 §7.2–7.4), named by its response kind. */
type DataDefinition = { readonly line: 'data'; readonly data: DataKind };

/** DataKind is the kind of an untagged data response of responses.ts. */
export type DataKind = Exclude<ImapResponse['kind'], 'tagged' | 'untagged' | 'continue'>;

/**
 * REPLIES is the catalogue. Keys group by command; `error.*` are the refusals any command can get. The wording is
 * RFC 3501's where its examples give one.
 */
export const REPLIES = {
  // RFC 3501 §7.1.1: the greeting; §7.1.5: BYE before closing.
  greeting: { line: 'untagged', status: 'OK', text: 'IMAP4rev1 server {host} ready' },
  'bye.logout': { line: 'untagged', status: 'BYE', text: 'IMAP4rev1 server {host} logging out' },
  'bye.autologout': { line: 'untagged', status: 'BYE', text: 'autologout: idle for too long' },
  capability: { line: 'data', data: 'capability' },
  'capability.ok': { line: 'tagged', status: 'OK', text: 'CAPABILITY completed' },
  'noop.ok': { line: 'tagged', status: 'OK', text: 'NOOP completed' },
  // A teacher's fault: the server refuses a command it would have carried out, with the teacher's words.
  'fault.forced': { line: 'tagged', status: 'NO', text: '{text}' },
  'logout.ok': { line: 'tagged', status: 'OK', text: 'LOGOUT completed' },
  'starttls.no': { line: 'tagged', status: 'BAD', text: 'STARTTLS is not offered by this server' },
  // RFC 3501 §6.2.3 LOGIN; RFC 5530 AUTHENTICATIONFAILED.
  'login.ok': { line: 'tagged', status: 'OK', text: 'LOGIN completed, welcome {user}' },
  'login.failed': { line: 'tagged', status: 'NO', text: 'LOGIN failed: user name or password rejected' },
  'login.unavailable': { line: 'tagged', status: 'NO', text: 'the mail store is unavailable, try later' },
  // RFC 3501 §6.2.2 AUTHENTICATE, RFC 4616 PLAIN.
  'authenticate.challenge': { line: 'continue', text: '' },
  'authenticate.ok': { line: 'tagged', status: 'OK', text: 'AUTHENTICATE completed, welcome {user}' },
  'authenticate.failed': { line: 'tagged', status: 'NO', text: 'AUTHENTICATE failed: credentials rejected' },
  'authenticate.cancelled': { line: 'tagged', status: 'BAD', text: 'AUTHENTICATE cancelled by the client' },
  'authenticate.badResponse': { line: 'tagged', status: 'BAD', text: '{message}' },
  'authenticate.badPlain': {
    line: 'tagged',
    status: 'BAD',
    text: 'a PLAIN response is BASE64 of authzid NUL authcid NUL password',
  },
  'authenticate.mechanism': {
    line: 'tagged',
    status: 'NO',
    text: 'only AUTHENTICATE PLAIN is offered, not {mechanism}',
  },
  // RFC 3501 §6.3.1 SELECT, §6.3.2 EXAMINE: untagged data then the tagged OK with READ-WRITE or READ-ONLY.
  flags: { line: 'data', data: 'flags' },
  exists: { line: 'data', data: 'exists' },
  recent: { line: 'data', data: 'recent' },
  'select.unseen': { line: 'untagged', status: 'OK', text: 'Message {seq} is first unseen' },
  'select.uidValidity': { line: 'untagged', status: 'OK', text: 'UIDs valid' },
  'select.uidNext': { line: 'untagged', status: 'OK', text: 'Predicted next UID' },
  'select.permanentFlags': { line: 'untagged', status: 'OK', text: 'Limited' },
  'select.ok': { line: 'tagged', status: 'OK', text: '{verb} completed' },
  'select.nonexistent': { line: 'tagged', status: 'NO', text: 'no mailbox named "{mailbox}"' },
  'select.noselect': {
    line: 'tagged',
    status: 'NO',
    text: '"{mailbox}" holds only other mailboxes (\\Noselect)',
  },
  // RFC 3501 §6.3.3–§6.3.7.
  'create.ok': { line: 'tagged', status: 'OK', text: 'CREATE completed' },
  'delete.ok': { line: 'tagged', status: 'OK', text: 'DELETE completed' },
  'rename.ok': { line: 'tagged', status: 'OK', text: 'RENAME completed' },
  'subscribe.ok': { line: 'tagged', status: 'OK', text: 'SUBSCRIBE completed' },
  'unsubscribe.ok': { line: 'tagged', status: 'OK', text: 'UNSUBSCRIBE completed' },
  'mailbox.nonexistent': { line: 'tagged', status: 'NO', text: 'no mailbox named "{mailbox}"' },
  'mailbox.alreadyExists': {
    line: 'tagged',
    status: 'NO',
    text: 'a mailbox named "{mailbox}" already exists',
  },
  'mailbox.notAllowed': { line: 'tagged', status: 'NO', text: '{verb} of "{mailbox}" is not allowed' },
  'mailbox.hasChildren': {
    line: 'tagged',
    status: 'NO',
    text: '"{mailbox}" has inferior mailboxes and holds no messages; delete those first',
  },
  'mailbox.invalidName': { line: 'tagged', status: 'NO', text: '"{mailbox}" is not a valid mailbox name' },
  'mailbox.full': { line: 'tagged', status: 'NO', text: 'the mail store is full' },
  'mailbox.badEncoding': {
    line: 'tagged',
    status: 'BAD',
    text: 'mailbox name is not modified UTF-7: {problem}',
  },
  // RFC 3501 §6.3.8 LIST, §6.3.9 LSUB.
  list: { line: 'data', data: 'list' },
  lsub: { line: 'data', data: 'lsub' },
  'list.ok': { line: 'tagged', status: 'OK', text: '{verb} completed' },
  // RFC 3501 §6.3.10 STATUS.
  status: { line: 'data', data: 'status' },
  'status.ok': { line: 'tagged', status: 'OK', text: 'STATUS completed' },
  // RFC 3501 §6.3.11 APPEND, RFC 4315 APPENDUID.
  'append.ok': { line: 'tagged', status: 'OK', text: 'APPEND completed' },
  'append.tryCreate': { line: 'tagged', status: 'NO', text: 'no mailbox named "{mailbox}"; CREATE it first' },
  'append.tooBig': { line: 'tagged', status: 'NO', text: '{message}' },
  // RFC 3501 §6.4.1 CHECK, §6.4.2 CLOSE, §6.4.3 EXPUNGE, RFC 4315 UID EXPUNGE.
  'check.ok': { line: 'tagged', status: 'OK', text: 'CHECK completed' },
  'close.ok': { line: 'tagged', status: 'OK', text: 'CLOSE completed' },
  expunge: { line: 'data', data: 'expunge' },
  'expunge.ok': { line: 'tagged', status: 'OK', text: '{verb} completed' },
  // RFC 3501 §6.4.4 SEARCH.
  search: { line: 'data', data: 'search' },
  'search.ok': { line: 'tagged', status: 'OK', text: '{verb} completed' },
  'search.badCharset': { line: 'tagged', status: 'NO', text: 'charset {charset} is not supported' },
  // RFC 3501 §6.4.5 FETCH, §6.4.6 STORE.
  fetch: { line: 'data', data: 'fetch' },
  'fetch.ok': { line: 'tagged', status: 'OK', text: '{verb} completed' },
  'fetch.expunged': {
    line: 'tagged',
    status: 'NO',
    text: 'some of the messages were expunged by another session; the rest were fetched',
  },
  'store.ok': { line: 'tagged', status: 'OK', text: '{verb} completed' },
  'store.recent': {
    line: 'tagged',
    status: 'BAD',
    text: '\\Recent is set by the server and cannot be stored',
  },
  // RFC 3501 §6.4.7 COPY, RFC 6851 MOVE, RFC 4315 COPYUID.
  'copy.ok': { line: 'tagged', status: 'OK', text: '{verb} completed' },
  'copy.move.ok': { line: 'untagged', status: 'OK', text: 'Moved UIDs' },
  'copy.tryCreate': { line: 'tagged', status: 'NO', text: 'no mailbox named "{mailbox}"; CREATE it first' },
  'copy.noselect': { line: 'tagged', status: 'NO', text: '"{mailbox}" cannot hold messages (\\Noselect)' },
  'copy.full': { line: 'tagged', status: 'NO', text: 'the mail store is full; nothing was copied' },
  // RFC 2177 IDLE.
  'idle.continue': { line: 'continue', text: 'idling' },
  'idle.ok': { line: 'tagged', status: 'OK', text: 'IDLE terminated' },
  'idle.notDone': { line: 'tagged', status: 'BAD', text: 'only DONE ends IDLE; IDLE terminated' },
  // RFC 3501 §7.5: the go-ahead for a synchronizing literal.
  'literal.continue': { line: 'continue', text: 'Ready for literal data' },
  // Refusals any command can get: RFC 3501 §6 for the states, §7.1.3 for BAD.
  'error.readOnly': {
    line: 'tagged',
    status: 'NO',
    text: 'the mailbox is read-only (EXAMINE); {verb} not done',
  },
  'error.notAuthenticated': {
    line: 'tagged',
    status: 'BAD',
    text: '{verb} needs LOGIN or AUTHENTICATE first',
  },
  'error.alreadyAuthenticated': { line: 'tagged', status: 'BAD', text: 'already authenticated' },
  'error.noMailbox': { line: 'tagged', status: 'BAD', text: '{verb} needs a mailbox SELECTed first' },
  'error.syntax': { line: 'tagged', status: 'BAD', text: '{message}' },
  'error.unknownCommand': { line: 'tagged', status: 'BAD', text: '{message}' },
  'error.untagged': { line: 'untagged', status: 'BAD', text: '{message}' },
  'error.lineTooLong': { line: 'tagged', status: 'BAD', text: '{message}' },
  'error.lineTooLongUntagged': { line: 'untagged', status: 'BAD', text: '{message}' },
  'error.literal': { line: 'tagged', status: 'BAD', text: '{message}' },
  'error.noSuchMessage': {
    line: 'tagged',
    status: 'BAD',
    text: 'no message {seq}: the mailbox has {exists}',
  },
  'error.badCharset': { line: 'tagged', status: 'NO', text: 'charset {charset} is not supported' },
} as const satisfies Record<string, StatusDefinition | DataDefinition>;

/** ReplyKey names every catalogued response; keys are stable so that the UI can localise explanations. */
export type ReplyKey = keyof typeof REPLIES;

/** ReplyVars fills the placeholders of a response's wording, such as `{mailbox}`. */
export type ReplyVars = Readonly<Record<string, string | number>>;

/** ServerLine is one response ready to send, with the catalogue key it was written from. */
export interface ServerLine {
  readonly key: ReplyKey;
  readonly response: ImapResponse;
}

type StatusKey = { [K in ReplyKey]: (typeof REPLIES)[K] extends DataDefinition ? never : K }[ReplyKey];
type TaggedKey = { [K in ReplyKey]: (typeof REPLIES)[K] extends { line: 'tagged' } ? K : never }[ReplyKey];
type UntaggedKey = {
  [K in ReplyKey]: (typeof REPLIES)[K] extends { line: 'untagged' } ? K : never;
}[ReplyKey];
type ContinueKey = {
  [K in ReplyKey]: (typeof REPLIES)[K] extends { line: 'continue' } ? K : never;
}[ReplyKey];

/** DataReplyKey is a key of an untagged data response. */
export type DataReplyKey = Exclude<ReplyKey, StatusKey>;

function fill(template: string, vars: ReplyVars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
}

/** tagged ends a command: its tag, the catalogued status and text, and a response code if any. */
export function tagged(
  tag: string,
  key: TaggedKey,
  vars: ReplyVars = {},
  code: ResponseCode | null = null,
): ServerLine {
  const definition = REPLIES[key];
  return {
    key,
    response: { kind: 'tagged', tag, status: definition.status, code, text: fill(definition.text, vars) },
  };
}

/** untagged is a `*` status response: the greeting, BYE, or an OK carrying a response code. */
export function untagged(
  key: UntaggedKey,
  vars: ReplyVars = {},
  code: ResponseCode | null = null,
): ServerLine {
  const definition = REPLIES[key];
  return {
    key,
    response: { kind: 'untagged', status: definition.status, code, text: fill(definition.text, vars) },
  };
}

/** continuation is a `+` request for more from the client (RFC 3501 §7.5). */
export function continuation(key: ContinueKey, text?: string): ServerLine {
  return { key, response: { kind: 'continue', code: null, text: text ?? REPLIES[key].text } };
}

/** data wraps untagged data in its catalogue key, which is its kind (`exists`, `fetch`...). */
export function data(response: Extract<ImapResponse, { kind: DataKind }>): ServerLine {
  return { key: response.kind, response };
}

/** replyStatus is the status a catalogued response carries, or its data name (`FETCH`) for untagged data. */
export function replyStatus(key: ReplyKey): string {
  const definition: StatusDefinition | DataDefinition = REPLIES[key];
  if (definition.line === 'data') return definition.data.toUpperCase();
  if (definition.line === 'continue') return '+';
  return definition.status;
}
