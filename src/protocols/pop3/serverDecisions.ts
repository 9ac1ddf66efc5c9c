// What the POP3 server answers to a command that arrived in a state that allows it: credentials, the lock, message
// numbers and the maildrop. Pure functions from the session's context to an Outcome; pop3ServerMachine decides
// the state.
import type { MaildropListing, Pop3Maildrop } from './backend.ts';
import type { CommandSyntaxError, Pop3Command } from './commands.ts';
import { USAGE } from './commands.ts';
import { apopDigest } from './apop.ts';
import { messageLines, topOfMessage } from './messageText.ts';
import { countMessages, reply } from './replies.ts';
import type { Reply, ReplyKey } from './replies.ts';

/** Pop3ServerInput configures one server session (one TCP connection). */
export interface Pop3ServerInput {
  /** The server's name, as it signs off (`dewey` in RFC 1939's examples). */
  readonly hostname: string;
  /**
   * The greeting's timestamp for APOP, `<process-ID.clock@hostname>` and different for every greeting (RFC 1939
   * §7), made by whoever opens the session; null greets without one, and APOP is then refused.
   */
  readonly timestamp: string | null;
  readonly maildrop: Pop3Maildrop;
  /**
   * interpose lets a teacher's fault refuse a command: given the verb about to be answered, it returns the text of
   * a forced -ERR, or null to answer as usual. Without it the server answers every command on its merits.
   */
  readonly interpose?: (verb: string) => string | null;
}

/** SessionEnd says how a server session ended: QUIT, the autologout timer, or the connection lost. */
export type SessionEnd = 'quit' | 'autologout' | 'connectionLost';

/** ServerContext is the server machine's context: its input and what the session has established so far. */
export interface ServerContext extends Pop3ServerInput {
  /** The name of a successful USER waiting for PASS, then the user whose maildrop is locked; null before. */
  readonly user: string | null;
  /** Whether this session holds the maildrop's lock, from a successful PASS or APOP until it is released. */
  readonly locked: boolean;
  /** The maildrop's messages as listed when it was locked; message-number n is messages[n − 1] (RFC 1939 §4). */
  readonly messages: readonly MaildropListing[];
  /** The message-numbers marked as deleted, in the order DELE marked them (RFC 1939 §5). */
  readonly deleted: readonly number[];
  readonly ended: SessionEnd | null;
}

/** OutcomeEvent is raised after a decision to move the machine; it is internal to pop3ServerMachine. */
export type OutcomeEvent = { type: 'user.accepted' } | { type: 'auth.succeeded' } | { type: 'auth.rejected' };

/** Outcome is a decision: the response to send, changes to the context, and the event that moves the machine. */
export interface Outcome {
  readonly reply: Reply;
  readonly update?: Partial<ServerContext>;
  readonly then?: OutcomeEvent;
}

/**
 * decideForced is the -ERR a teacher's fault forces for `verb`, or null when none does. A refused PASS or APOP
 * leaves the session in the AUTHORIZATION state waiting for credentials, as a failed one would (RFC 1939 §7).
 */
export function decideForced(context: ServerContext, verb: string | null): Outcome | null {
  const text = verb === null ? null : (context.interpose?.(verb) ?? null);
  if (text === null) return null;
  const forced = reply('fault.forced', { text });
  if (verb === 'PASS' || verb === 'APOP')
    return { reply: forced, update: { user: null }, then: { type: 'auth.rejected' } };
  return { reply: forced };
}

/** decideGreeting answers connection.opened: a positive greeting, with the APOP timestamp if there is one. */
export function decideGreeting(context: ServerContext): Outcome {
  return {
    reply:
      context.timestamp === null
        ? reply('greeting')
        : reply('greeting.apop', { timestamp: context.timestamp }),
  };
}

/** decideUser answers USER in the AUTHORIZATION state, after the greeting or a failed USER or PASS (RFC 1939 §7). */
export function decideUser(context: ServerContext, command: Extract<Pop3Command, { verb: 'USER' }>): Outcome {
  const user = command.name;
  if (!context.maildrop.hasMailbox(user)) return { reply: reply('user.unknown', { user }) };
  return { reply: reply('user.ok', { user }), update: { user }, then: { type: 'user.accepted' } };
}

/** decidePass answers PASS right after a successful USER: the password, then the lock (RFC 1939 §4, §7). */
export function decidePass(context: ServerContext, command: Extract<Pop3Command, { verb: 'PASS' }>): Outcome {
  const user = context.user ?? '';
  if (!context.maildrop.checkPassword(user, command.password)) return rejected('pass.failed');
  return lockMaildrop(context, user, 'pass.ok');
}

/**
 * decideApop answers APOP in the AUTHORIZATION state: the digest must be the MD5 of the greeting's timestamp
 * followed by the user's shared secret, in lower-case hexadecimal (RFC 1939 §7).
 */
export function decideApop(context: ServerContext, command: Extract<Pop3Command, { verb: 'APOP' }>): Outcome {
  if (context.timestamp === null) return { reply: reply('apop.notOffered') };
  const secret = context.maildrop.apopSecret(command.name);
  if (secret === null || apopDigest(context.timestamp, secret) !== command.digest)
    return rejected('apop.failed');
  return lockMaildrop(context, command.name, 'apop.ok');
}

// RFC 1939 §4: once authenticated, the server locks the maildrop; if it cannot, the response is negative and the
// session stays in the AUTHORIZATION state (RFC 2449 §8.1.2: [IN-USE]).
function lockMaildrop(context: ServerContext, user: string, ok: 'pass.ok' | 'apop.ok'): Outcome {
  const lock = context.maildrop.lock(user);
  if (!lock.ok) return rejected('auth.inUse');
  const update = { user, locked: true, messages: lock.messages, deleted: [] };
  return {
    reply: reply(ok, { user, ...totals({ ...context, ...update }) }),
    update,
    then: { type: 'auth.succeeded' },
  };
}

function rejected(key: ReplyKey): Outcome {
  return { reply: reply(key), update: { user: null }, then: { type: 'auth.rejected' } };
}

/** decideStat answers STAT with the drop listing: count and size of the messages not marked (RFC 1939 §5). */
export function decideStat(context: ServerContext): Outcome {
  const { count, octets } = totals(context);
  return { reply: reply('stat', { count, octets }) };
}

/** decideList answers LIST: one scan listing, or all of them as a multi-line response (RFC 1939 §5). */
export function decideList(context: ServerContext, message: number | null): Outcome {
  if (message !== null) {
    const found = lookUp(context, message);
    if ('refusal' in found) return found.refusal;
    return { reply: reply('list.one', { msg: message, octets: found.listing.size }) };
  }
  const body = live(context).map(({ msg, listing }) => `${msg} ${listing.size}`);
  return { reply: reply('list', totals(context), body) };
}

/** decideUidl answers UIDL: one unique-id listing, or all of them as a multi-line response (RFC 1939 §7). */
export function decideUidl(context: ServerContext, message: number | null): Outcome {
  if (message !== null) {
    const found = lookUp(context, message);
    if ('refusal' in found) return found.refusal;
    return { reply: reply('uidl.one', { msg: message, uid: found.listing.uid }) };
  }
  return {
    reply: reply(
      'uidl',
      {},
      live(context).map(({ msg, listing }) => `${msg} ${listing.uid}`),
    ),
  };
}

/** decideRetr answers RETR with the whole message as a multi-line response (RFC 1939 §5). */
export function decideRetr(context: ServerContext, message: number): Outcome {
  const found = read(context, message);
  if ('refusal' in found) return found.refusal;
  return { reply: reply('retr', { octets: found.listing.size }, messageLines(found.data)) };
}

/** decideTop answers TOP with the header, the blank line and the first lines of the body (RFC 1939 §7). */
export function decideTop(context: ServerContext, message: number, lines: number): Outcome {
  const found = read(context, message);
  if ('refusal' in found) return found.refusal;
  return { reply: reply('top', {}, topOfMessage(found.data, lines)) };
}

/** decideDele marks a message as deleted; nothing is removed before the UPDATE state (RFC 1939 §5). */
export function decideDele(context: ServerContext, message: number): Outcome {
  const found = lookUp(context, message);
  if ('refusal' in found) return found.refusal;
  return { reply: reply('dele.ok', { msg: message }), update: { deleted: [...context.deleted, message] } };
}

/** decideRset unmarks every message marked as deleted (RFC 1939 §5). */
export function decideRset(context: ServerContext): Outcome {
  return { reply: reply('rset', totals({ ...context, deleted: [] })), update: { deleted: [] } };
}

/**
 * decideUpdate is the UPDATE state after QUIT (RFC 1939 §6): the marked messages are removed, the lock released,
 * and the response says whether every removal succeeded. No message that was not marked is touched.
 */
export function decideUpdate(context: ServerContext): Outcome {
  const user = context.user ?? '';
  const uids = context.deleted.flatMap((msg) => context.messages[msg - 1]?.uid ?? []);
  const { notRemoved } = context.maildrop.commit(user, uids);
  context.maildrop.release(user);
  const update = { locked: false, ended: 'quit' } as const;
  if (notRemoved > 0) return { reply: reply('quit.updateFailed'), update };
  const left = context.messages.length - context.deleted.length;
  return {
    reply: reply('quit.updated', {
      host: context.hostname,
      left: left === 0 ? 'maildrop empty' : `${countMessages(left)} left`,
    }),
    update,
  };
}

/** CAPABILITIES is what CAPA lists (RFC 2449 §5, §6; AUTH-RESP-CODE of RFC 3206 §6), the same in either state. */
export const CAPABILITIES: readonly string[] = [
  'TOP',
  'USER',
  'UIDL',
  'RESP-CODES',
  'AUTH-RESP-CODE',
  'PIPELINING',
  'IMPLEMENTATION Mail-Lab',
];

/** decideCapa answers CAPA, allowed in any state before UPDATE (RFC 2449 §5). */
export function decideCapa(): Outcome {
  return { reply: reply('capa', {}, CAPABILITIES) };
}

/** decideSyntaxError picks the response for a known command with bad arguments (RFC 1939 §3: negative). */
export function decideSyntaxError(error: CommandSyntaxError): Outcome {
  const keys: Readonly<Record<CommandSyntaxError['detail'], ReplyKey>> = {
    missingArgument: 'error.syntax',
    unexpectedArgument: 'error.syntax',
    badSpacing: 'error.syntax',
    badMessageNumber: 'error.badMessageNumber',
    badLineCount: 'error.badLineCount',
    badDigest: 'error.badDigest',
    badCharacter: 'error.badCharacter',
  };
  return { reply: reply(keys[error.detail], { usage: USAGE[error.verb] }) };
}

/** decideWrongState refuses a command the current state does not allow (RFC 1939 §3: negative). */
export function decideWrongState(verb: string, state: 'AUTHORIZATION' | 'TRANSACTION'): Outcome {
  return { reply: reply('seq.wrongState', { verb, state }) };
}

/** decideNeedPass refuses USER or APOP after a successful USER: only PASS or QUIT may follow (RFC 1939 §7). */
export function decideNeedPass(context: ServerContext): Outcome {
  return { reply: reply('seq.needPass', { user: context.user ?? '' }) };
}

// The messages not marked as deleted, with their message-numbers.
function live(context: ServerContext): Array<{ msg: number; listing: MaildropListing }> {
  return context.messages.flatMap((listing, i) =>
    context.deleted.includes(i + 1) ? [] : [{ msg: i + 1, listing }],
  );
}

// RFC 1939 §5: "messages marked as deleted are not counted in either total".
function totals(context: ServerContext): { messages: string; count: number; octets: number } {
  const messages = live(context);
  const octets = messages.reduce((sum, { listing }) => sum + listing.size, 0);
  return { messages: countMessages(messages.length), count: messages.length, octets };
}

// A message-number may name neither a message beyond the maildrop nor one marked as deleted (RFC 1939 §5).
function lookUp(context: ServerContext, msg: number): { listing: MaildropListing } | { refusal: Outcome } {
  const listing = context.messages[msg - 1];
  if (listing === undefined) {
    return {
      refusal: { reply: reply('noSuchMessage', { messages: countMessages(context.messages.length) }) },
    };
  }
  if (context.deleted.includes(msg)) return { refusal: { reply: reply('message.deleted', { msg }) } };
  return { listing };
}

function read(
  context: ServerContext,
  msg: number,
): { listing: MaildropListing; data: string } | { refusal: Outcome } {
  const found = lookUp(context, msg);
  if ('refusal' in found) return found;
  const data = context.maildrop.read(context.user ?? '', found.listing.uid);
  if (data === null) {
    return {
      refusal: { reply: reply('noSuchMessage', { messages: countMessages(context.messages.length) }) },
    };
  }
  return { listing: found.listing, data };
}
