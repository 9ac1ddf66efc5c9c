// What the IMAP server answers to a command its state allows: pure functions from the session's context and the
// command to an Outcome (lines to send, context changes, the event that moves the chart). imapServerMachine
// decides which state allows what; messageDecisions.ts answers the commands of the selected state.
import { decodeBase64 } from '../message/base64.ts';
import type { ImapAccount, ImapBackend, MailboxRefusal } from './backend.ts';
import type { CommandName, ImapCommand, StatusItem } from './commandTypes.ts';
import { HIERARCHY_DELIMITER, joinListReference, matchListPattern } from './listPattern.ts';
import { decodeMailboxName, encodeMailboxName, INBOX, isInbox } from './mailboxNames.ts';
import type { ReaderLimits } from './reader.ts';
import type { CommandReader } from './reader.ts';
import { continuation, data, type ServerLine, tagged, untagged } from './replies.ts';
import type { StatusValue } from './responses.ts';
import { pendingUpdates, type SelectedView } from './sessionView.ts';

/** CAPABILITIES are what the server offers (RFC 3501 §6.1.1, RFC 2177, RFC 6851, RFC 4315). */
export const CAPABILITIES: readonly string[] = ['IMAP4rev1', 'AUTH=PLAIN', 'IDLE', 'MOVE', 'UIDPLUS'];

/** ImapServerInput configures one server session (one TCP connection). */
export interface ImapServerInput {
  /** hostname is the server's name, as its greeting and BYE say it. */
  readonly hostname: string;
  readonly backend: ImapBackend;
  /** limits bound the command reader; defaults suit the lab (reader.ts DEFAULT_READER_LIMITS). */
  readonly limits?: Partial<ReaderLimits>;
  /**
   * interpose lets a teacher's fault refuse a command: given the command's name (FETCH for UID FETCH), it returns
   * the text of a forced NO, or null to answer as usual.
   */
  readonly interpose?: (verb: string) => string | null;
}

/** SessionEnd says how a server session ended: LOGOUT, the autologout timer, or the connection lost. */
export type SessionEnd = 'logout' | 'autologout' | 'connectionLost';

/** Answering is the command being answered: its tag and verb, for the tagged reply and the lines' facts. */
export interface Answering {
  readonly tag: string;
  readonly verb: string;
}

/** ServerContext is the machine's context: its input and what the session has established so far. */
export interface ServerContext extends ImapServerInput {
  /** reader assembles commands with literals out of lines; it keeps its own state between lines. */
  readonly reader: CommandReader;
  readonly account: ImapAccount | null;
  readonly selected: SelectedView | null;
  /** answering is the command in progress: the one whose lines are going out, or AUTHENTICATE or IDLE waiting. */
  readonly answering: Answering | null;
  readonly ended: SessionEnd | null;
}

/** OutcomeEvent is raised after a decision to move the chart; it is internal to imapServerMachine. */
export type OutcomeEvent =
  | { type: 'auth.succeeded' }
  | { type: 'sasl.started' }
  | { type: 'sasl.ended' }
  | { type: 'mailbox.selected' }
  | { type: 'mailbox.deselected' }
  | { type: 'idle.started' }
  | { type: 'idle.ended' }
  | { type: 'logout' };

/** Outcome is a decision: the lines to send in order, changes to the context, and the event that moves the chart. */
export interface Outcome {
  readonly lines: readonly ServerLine[];
  readonly update?: Partial<ServerContext>;
  readonly then?: OutcomeEvent;
}

/** ImapState names the RFC's states that accept commands (RFC 3501 §3). */
export type ImapState = 'notAuthenticated' | 'authenticated' | 'selected';

const ANY_STATE: readonly CommandName[] = ['CAPABILITY', 'NOOP', 'LOGOUT'];
const NOT_AUTHENTICATED: readonly CommandName[] = ['LOGIN', 'AUTHENTICATE', 'STARTTLS'];
const AUTHENTICATED: readonly CommandName[] = [
  'SELECT',
  'EXAMINE',
  'CREATE',
  'DELETE',
  'RENAME',
  'SUBSCRIBE',
  'UNSUBSCRIBE',
  'LIST',
  'LSUB',
  'STATUS',
  'APPEND',
  'IDLE',
];
const SELECTED: readonly CommandName[] = [
  'CHECK',
  'CLOSE',
  'EXPUNGE',
  'SEARCH',
  'FETCH',
  'STORE',
  'COPY',
  'MOVE',
];

/** ALLOWED lists the commands each state accepts (RFC 3501 §6.1–§6.4; IDLE in both, RFC 2177 §3). */
export const ALLOWED: Readonly<Record<ImapState, ReadonlySet<CommandName>>> = {
  notAuthenticated: new Set([...ANY_STATE, ...NOT_AUTHENTICATED]),
  authenticated: new Set([...ANY_STATE, ...AUTHENTICATED]),
  selected: new Set([...ANY_STATE, ...AUTHENTICATED, ...SELECTED]),
};

/** decideGreeting answers connection.opened: `* OK` naming the server (RFC 3501 §7.1.1). */
export function decideGreeting(context: ServerContext): Outcome {
  return { lines: [untagged('greeting', { host: context.hostname })] };
}

/** decideWrongState refuses a command its state does not allow, saying what it needs (RFC 3501 §6). */
export function decideWrongState(command: ImapCommand, verb: string, state: ImapState): Outcome {
  if (state === 'notAuthenticated')
    return { lines: [tagged(command.tag, 'error.notAuthenticated', { verb })] };
  if (NOT_AUTHENTICATED.includes(command.name)) {
    return { lines: [tagged(command.tag, 'error.alreadyAuthenticated')] };
  }
  return { lines: [tagged(command.tag, 'error.noMailbox', { verb })] };
}

/** withUpdates puts a command's own lines, then the session's pending updates, before its tagged reply. */
export function withUpdates(context: ServerContext, lines: readonly ServerLine[], last: ServerLine): Outcome {
  if (context.selected === null) return { lines: [...lines, last] };
  const update = pendingUpdates(context.selected);
  return { lines: [...lines, ...update.lines, last], update: { selected: update.view } };
}

/** decideLogout answers LOGOUT: BYE, then the tagged OK (RFC 3501 §6.1.3). */
export function decideLogout(context: ServerContext, tag: string): Outcome {
  return {
    lines: [untagged('bye.logout', { host: context.hostname }), tagged(tag, 'logout.ok')],
    then: { type: 'logout' },
  };
}

/** endSession gives up the selected mailbox and the account, however the session ends. */
export function endSession(context: ServerContext): Partial<ServerContext> {
  context.selected?.mailbox.close();
  context.account?.logout();
  return { selected: null, account: null };
}

function login(
  context: ServerContext,
  tag: string,
  user: string,
  password: string,
  verb: 'login' | 'authenticate',
) {
  const result = context.backend.login(user, password);
  if (!result.ok) {
    return result.reason === 'unavailable'
      ? { lines: [tagged(tag, 'login.unavailable', {}, { code: 'other', atom: 'UNAVAILABLE', text: null })] }
      : { lines: [tagged(tag, `${verb}.failed`, {}, { code: 'AUTHENTICATIONFAILED' })] };
  }
  return {
    lines: [tagged(tag, `${verb}.ok`, { user: result.account.user })],
    update: { account: result.account },
    then: { type: 'auth.succeeded' },
  } satisfies Outcome;
}

/** decideLogin answers LOGIN in the not authenticated state (RFC 3501 §6.2.3). */
export function decideLogin(context: ServerContext, tag: string, user: string, password: string): Outcome {
  return login(context, tag, user, password, 'login');
}

/**
 * decidePlain checks a PLAIN response (RFC 4616 §2): BASE64 of authzid NUL authcid NUL password; the authzid must
 * be empty or the authcid itself, since nobody here may act for another user.
 */
export function decidePlain(context: ServerContext, tag: string, base64: string): Outcome {
  const decoded = decodeBase64(base64);
  const fields = decoded.octets.split('\0');
  const [authzid = '', authcid = '', password = ''] = fields;
  if (decoded.problems.length > 0 || fields.length !== 3 || authcid === '') {
    return { lines: [tagged(tag, 'authenticate.badPlain')], then: { type: 'sasl.ended' } };
  }
  if (authzid !== '' && authzid !== authcid) {
    return {
      lines: [tagged(tag, 'authenticate.failed', {}, { code: 'AUTHENTICATIONFAILED' })],
      then: { type: 'sasl.ended' },
    };
  }
  const outcome: Outcome = login(context, tag, authcid, password, 'authenticate');
  return outcome.then === undefined ? { ...outcome, then: { type: 'sasl.ended' } } : outcome;
}

/**
 * decideAuthenticate answers AUTHENTICATE (RFC 3501 §6.2.2): PLAIN only; an empty `+` challenge asks for the
 * response, unless the client sent it with the command (RFC 4959).
 */
export function decideAuthenticate(
  context: ServerContext,
  tag: string,
  mechanism: string,
  initial: string | null,
) {
  if (mechanism.toUpperCase() !== 'PLAIN') {
    return { lines: [tagged(tag, 'authenticate.mechanism', { mechanism })] } satisfies Outcome;
  }
  if (initial !== null) {
    const outcome = decidePlain(context, tag, initial === '=' ? '' : initial);
    return {
      ...outcome,
      then: outcome.then?.type === 'sasl.ended' ? undefined : outcome.then,
    } satisfies Outcome;
  }
  return {
    lines: [continuation('authenticate.challenge')],
    then: { type: 'sasl.started' },
  } satisfies Outcome;
}

/** MailboxName is a wire name decoded, or the BAD it gets. */
type MailboxName = { ok: true; name: string } | { ok: false; outcome: Outcome };

/** mailboxName decodes a wire mailbox name: INBOX in any case is INBOX, the rest modified UTF-7 (RFC 3501 §5.1). */
export function mailboxName(tag: string, wire: string): MailboxName {
  const slash = wire.indexOf(HIERARCHY_DELIMITER);
  const first = slash === -1 ? wire : wire.slice(0, slash);
  const normal = isInbox(first) ? INBOX + wire.slice(first.length) : wire;
  const decoded = decodeMailboxName(normal);
  if (!decoded.ok)
    return {
      ok: false,
      outcome: { lines: [tagged(tag, 'mailbox.badEncoding', { problem: decoded.problem })] },
    };
  return { ok: true, name: decoded.name };
}

const REFUSAL_CODE = {
  nonexistent: 'NONEXISTENT',
  alreadyExists: 'ALREADYEXISTS',
  notAllowed: 'CANNOT',
  hasChildren: 'CANNOT',
  invalidName: 'CANNOT',
  full: 'other',
} as const;

function refused(tag: string, reason: MailboxRefusal, verb: string, mailbox: string): Outcome {
  const code = REFUSAL_CODE[reason];
  return {
    lines: [
      tagged(
        tag,
        `mailbox.${reason}`,
        { verb, mailbox },
        code === 'other' ? { code: 'other', atom: 'OVERQUOTA', text: null } : { code },
      ),
    ],
  };
}

/** decideSelect answers SELECT and EXAMINE (RFC 3501 §6.3.1, §6.3.2); a failure leaves nothing selected. */
export function decideSelect(context: ServerContext, tag: string, wire: string, readOnly: boolean): Outcome {
  const account = context.account;
  if (account === null) return { lines: [] };
  const named = mailboxName(tag, wire);
  if (!named.ok) return named.outcome;
  const verb = readOnly ? 'EXAMINE' : 'SELECT';
  // RFC 3501 §6.3.1: selecting closes the mailbox selected before, whether or not this succeeds.
  const wasSelected = context.selected !== null;
  context.selected?.mailbox.close();
  const result = account.select(named.name, readOnly);
  if (!result.ok) {
    const key = result.reason === 'nonexistent' ? 'select.nonexistent' : 'select.noselect';
    const code =
      result.reason === 'nonexistent' ? ({ code: 'NONEXISTENT' } as const) : ({ code: 'CANNOT' } as const);
    return {
      lines: [tagged(tag, key, { mailbox: named.name }, code)],
      update: { selected: null },
      ...(wasSelected ? { then: { type: 'mailbox.deselected' } } : {}),
    };
  }
  const { snapshot, mailbox } = result;
  const view: SelectedView = {
    mailbox,
    name: named.name,
    uids: [...snapshot.uids],
    readOnly: snapshot.readOnly,
  };
  const lines: ServerLine[] = [
    // The order of RFC 3501 §8's example session.
    data({ kind: 'exists', count: snapshot.uids.length }),
    data({ kind: 'flags', flags: [...snapshot.flags] }),
    data({ kind: 'recent', count: snapshot.recent }),
  ];
  const unseen = snapshot.firstUnseenUid === null ? -1 : snapshot.uids.indexOf(snapshot.firstUnseenUid);
  if (unseen !== -1)
    lines.push(untagged('select.unseen', { seq: unseen + 1 }, { code: 'UNSEEN', value: unseen + 1 }));
  lines.push(
    untagged(
      'select.permanentFlags',
      {},
      {
        code: 'PERMANENTFLAGS',
        flags: snapshot.readOnly ? [] : [...snapshot.permanentFlags],
      },
    ),
    untagged('select.uidValidity', {}, { code: 'UIDVALIDITY', value: snapshot.uidValidity }),
    untagged('select.uidNext', {}, { code: 'UIDNEXT', value: snapshot.uidNext }),
    tagged(tag, 'select.ok', { verb }, { code: snapshot.readOnly ? 'READ-ONLY' : 'READ-WRITE' }),
  );
  return { lines, update: { selected: view }, then: { type: 'mailbox.selected' } };
}

type MailboxOperation = 'CREATE' | 'DELETE' | 'SUBSCRIBE' | 'UNSUBSCRIBE';

/** decideMailboxOperation answers CREATE, DELETE, SUBSCRIBE and UNSUBSCRIBE (RFC 3501 §6.3.3, §6.3.4, §6.3.6, §6.3.7). */
export function decideMailboxOperation(
  context: ServerContext,
  tag: string,
  operation: MailboxOperation,
  wire: string,
): Outcome {
  const { account } = context;
  if (account === null) return { lines: [] };
  const named = mailboxName(tag, wire);
  if (!named.ok) return named.outcome;
  // RFC 3501 §6.3.3: a trailing delimiter says the client means to create inferiors; the name is without it.
  const name = operation === 'CREATE' ? named.name.replace(/\/+$/, '') : named.name;
  const verb = operation;
  let done;
  switch (operation) {
    case 'CREATE':
      done = name === INBOX ? ({ ok: false, reason: 'alreadyExists' } as const) : account.create(name);
      break;
    case 'DELETE':
      done = name === INBOX ? ({ ok: false, reason: 'notAllowed' } as const) : account.delete(name);
      break;
    case 'SUBSCRIBE':
      done = account.subscribe(name);
      break;
    case 'UNSUBSCRIBE':
      done = account.unsubscribe(name);
      break;
  }
  if (!done.ok) return refused(tag, done.reason, verb, name);
  return withUpdates(context, [], tagged(tag, `${verb.toLowerCase() as Lowercase<MailboxOperation>}.ok`));
}

/** decideRename answers RENAME (RFC 3501 §6.3.5). */
export function decideRename(context: ServerContext, tag: string, fromWire: string, toWire: string): Outcome {
  const { account } = context;
  if (account === null) return { lines: [] };
  const from = mailboxName(tag, fromWire);
  if (!from.ok) return from.outcome;
  const to = mailboxName(tag, toWire);
  if (!to.ok) return to.outcome;
  if (to.name === INBOX) return refused(tag, 'alreadyExists', 'RENAME', to.name);
  const done = account.rename(from.name, to.name);
  if (!done.ok)
    return refused(tag, done.reason, 'RENAME', done.reason === 'nonexistent' ? from.name : to.name);
  return withUpdates(context, [], tagged(tag, 'rename.ok'));
}

/** ListEntry is one name LIST or LSUB reports, with its attributes. */
interface ListEntry {
  readonly name: string;
  readonly attributes: string[];
}

// Every name of the account with its attributes: \Noselect for a name that only holds others (and for levels
// nothing holds but that lie on the way to a mailbox), \HasChildren or \HasNoChildren (RFC 3348).
function listEntries(account: ImapAccount): ListEntry[] {
  const noselect = new Map<string, boolean>();
  for (const folder of account.folders()) noselect.set(folder.name, folder.noselect);
  for (const name of [...noselect.keys()]) {
    const levels = name.split(HIERARCHY_DELIMITER);
    for (let i = 1; i < levels.length; i++) {
      const parent = levels.slice(0, i).join(HIERARCHY_DELIMITER);
      if (!noselect.has(parent)) noselect.set(parent, true);
    }
  }
  const names = [...noselect.keys()];
  return names
    .sort((a, b) => (a === INBOX ? -1 : b === INBOX ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map((name) => {
      const children = names.some((other) => other.startsWith(name + HIERARCHY_DELIMITER));
      const attributes = [children ? '\\HasChildren' : '\\HasNoChildren'];
      if (noselect.get(name) === true) attributes.unshift('\\Noselect');
      return { name, attributes };
    });
}

/**
 * decideList answers LIST and LSUB (RFC 3501 §6.3.8, §6.3.9): the names matching reference and pattern, compared
 * in their wire form; an empty pattern asks only for the delimiter.
 */
export function decideList(
  context: ServerContext,
  command: ImapCommand & { name: 'LIST' | 'LSUB' },
): Outcome {
  const { account } = context;
  if (account === null) return { lines: [] };
  const kind = command.name === 'LIST' ? 'list' : 'lsub';
  const done = tagged(command.tag, 'list.ok', { verb: command.name });
  if (command.pattern === '' && kind === 'list') {
    const root = data({
      kind: 'list',
      attributes: ['\\Noselect'],
      delimiter: HIERARCHY_DELIMITER,
      mailbox: '',
    });
    return withUpdates(context, [root], done);
  }
  const pattern = joinListReference(command.reference, command.pattern);
  const entries = listEntries(account);
  const subscribed = new Set(account.subscriptions());
  const chosen: ListEntry[] =
    kind === 'list'
      ? entries
      : [...subscribed].sort().map((name) => ({
          name,
          attributes: entries.some((entry) => entry.name === name && !entry.attributes.includes('\\Noselect'))
            ? []
            : ['\\Noselect'],
        }));
  const lines = chosen
    .map((entry) => ({ ...entry, wire: encodeMailboxName(entry.name) }))
    .filter((entry) => matchListPattern(pattern, entry.wire))
    .map((entry) =>
      data({ kind, attributes: entry.attributes, delimiter: HIERARCHY_DELIMITER, mailbox: entry.wire }),
    );
  return withUpdates(context, lines, done);
}

/** decideStatus answers STATUS with the asked items in the order asked (RFC 3501 §6.3.10). */
export function decideStatus(
  context: ServerContext,
  tag: string,
  wire: string,
  items: readonly StatusItem[],
): Outcome {
  const { account } = context;
  if (account === null) return { lines: [] };
  const named = mailboxName(tag, wire);
  if (!named.ok) return named.outcome;
  const status = account.status(named.name);
  if (status === null) return refused(tag, 'nonexistent', 'STATUS', named.name);
  const value: Record<StatusItem, number> = {
    MESSAGES: status.messages,
    RECENT: status.recent,
    UIDNEXT: status.uidNext,
    UIDVALIDITY: status.uidValidity,
    UNSEEN: status.unseen,
  };
  const values: StatusValue[] = items.map((item) => ({ item, value: value[item] }));
  const line = data({ kind: 'status', mailbox: encodeMailboxName(named.name), values });
  return withUpdates(context, [line], tagged(tag, 'status.ok'));
}

/** decideAppend answers APPEND (RFC 3501 §6.3.11) with APPENDUID (RFC 4315 §3), or TRYCREATE when there is no such mailbox. */
export function decideAppend(context: ServerContext, command: ImapCommand & { name: 'APPEND' }): Outcome {
  const { account } = context;
  if (account === null) return { lines: [] };
  const named = mailboxName(command.tag, command.mailbox);
  if (!named.ok) return named.outcome;
  // \Recent is the server's to set (RFC 3501 §2.3.2); a client's \Recent is dropped.
  const flags = command.flags.filter((flag) => flag.toLowerCase() !== '\\recent');
  const result = account.append(named.name, command.message, flags, command.date?.ms ?? null);
  if (!result.ok) {
    if (result.reason === 'nonexistent') {
      return {
        lines: [tagged(command.tag, 'append.tryCreate', { mailbox: named.name }, { code: 'TRYCREATE' })],
      };
    }
    return refused(command.tag, result.reason === 'full' ? 'full' : 'notAllowed', 'APPEND', named.name);
  }
  const code = { code: 'APPENDUID', uidValidity: result.uidValidity, uid: result.uid } as const;
  return withUpdates(context, [], tagged(command.tag, 'append.ok', {}, code));
}

/** decideIdle answers IDLE (RFC 2177 §3): `+ idling`, then any pending updates at once. */
export function decideIdle(context: ServerContext): Outcome {
  const start = continuation('idle.continue');
  if (context.selected === null) return { lines: [start], then: { type: 'idle.started' } };
  const update = pendingUpdates(context.selected);
  return {
    lines: [start, ...update.lines],
    update: { selected: update.view },
    then: { type: 'idle.started' },
  };
}

/** decideIdleLine answers a line sent during IDLE: DONE ends it with OK; anything else ends it with BAD. */
export function decideIdleLine(context: ServerContext, tag: string, done: boolean): Outcome {
  const last = done ? tagged(tag, 'idle.ok') : tagged(tag, 'idle.notDone');
  return { ...withUpdates(context, [], last), then: { type: 'idle.ended' } };
}
