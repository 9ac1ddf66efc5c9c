// The sending side of one SMTP connection (RFC 5321) as a sans-I/O machine: it delivers one message to its
// recipients, reading reply lines and emitting command lines, and outputs what became of each recipient. With
// `reuse` it keeps the connection for more messages, as Postfix's connection cache does (CONNECTION_CACHE_README).
import { and, assertEvent, assign, emit, enqueueActions, raise, setup } from 'xstate';
import { dotUnstuff, encodeDataLines } from '../shared/dotStuffing.ts';
import { parseReplyLine } from '../shared/multilineReply.ts';
import {
  linesWhile,
  receivedLines,
  runOf,
  type LineReader,
  type LinesReceived,
} from '../shared/lineReader.ts';
import { isAscii } from '../shared/octets.ts';
import {
  NO_EXTENSIONS,
  finalResults,
  hasAccepted,
  parseEhloReply,
  recordRcptReply,
  settleByReply,
  settleOpen,
} from './clientResults.ts';
import type {
  Extensions,
  Pending,
  RecipientReason,
  RecipientResult,
  ReplySummary,
  SessionEnd,
  SmtpClientOutput,
} from './clientResults.ts';
import type { ClientLineFacts, SentLine, SentLines } from '../shared/lineFacts.ts';
import { formatCommand } from './commands.ts';
import type { ClientCommand, ClientStyle, MailParams } from './commands.ts';
import { DATA_LINE, END_OF_DATA, SASL_LINE, clientCommandFacts } from './lineFacts.ts';
import { REPLIES, replyClass } from './replies.ts';
import { encodePlainResponse, encodeSaslResponse } from './sasl.ts';
import type { SaslMechanism } from './sasl.ts';
import { SMTP_TIMEOUTS } from './timeouts.ts';

export type { RecipientResult, SmtpClientOutput } from './clientResults.ts';

/** SmtpClientInput is one delivery attempt: who we are, the envelope, the message, and credentials if needed. */
export interface SmtpClientInput {
  /** Our own name for EHLO/HELO, e.g. 'crepes.fr'. */
  readonly heloName: string;
  /** The reverse-path ('' for the null sender of a bounce) and the forward-paths, without angle brackets. */
  readonly envelope: { readonly from: string; readonly to: readonly string[] };
  /** The message as octets; line ends may be CRLF or bare LF, and are sent as CRLF. */
  readonly data: string;
  /** Credentials for AUTH (RFC 4954), as a submission client uses them on port 587. */
  readonly auth?: { readonly user: string; readonly password: string; readonly mechanism: SaslMechanism };
  /**
   * style `textbook` talks as Kurose & Ross's client: HELO, so no extensions (no SIZE, no PIPELINING), and the
   * book's `MAIL FROM: <…>` spacing; `modern` (the default) starts with EHLO and uses what the server offers.
   */
  readonly style?: ClientStyle;
  /**
   * reuse keeps the connection open after each transaction instead of saying QUIT, for at most `idleTime` ms of
   * waiting (Postfix's smtp_connection_cache_time_limit), so the driver can send another message on it with
   * `transaction.start`. A failed transaction is ended with RSET first, and each reuse begins with an RSET probe
   * that checks the connection still works, as Postfix's smtp(8) does.
   */
  readonly reuse?: { readonly idleTime: number };
}

/**
 * TransactionEnded is emitted, when the client reuses its connection, as each transaction's recipients are all
 * settled: the same results the output gives for the last transaction of a session that does not reuse.
 */
export interface TransactionEnded {
  readonly type: 'transaction.ended';
  readonly recipients: readonly RecipientResult[];
  readonly possiblyDelivered: boolean;
}

/**
 * SmtpClientEmitted is what the client emits: one command line (without CRLF) at a time with its facts, the
 * message's lines as one run, then a close.
 */
export type SmtpClientEmitted =
  | SentLine<ClientLineFacts>
  | SentLines<ClientLineFacts>
  | { type: 'connection.close' }
  | TransactionEnded
  /** session.idle: the connection is open with no transaction, ready for `transaction.start` or `session.end`. */
  | { type: 'session.idle' }
  /** probe.passed: the server answered the RSET probe, so the new transaction goes on this connection. */
  | { type: 'probe.passed' };

/**
 * SmtpClientEvent is what the I/O layer sends in: the connection opening and closing, and each received reply line
 * without its CRLF (line.overlong for one over the limit), or what smtpClientReader makes of the lines that arrived
 * together: a whole reply as reply.received (reply.closing for a 421), the lines of a reply cut across segments as
 * lines.received. Replies assembled from lines, reply.malformed and session.identified are raised inside.
 */
export type SmtpClientEvent =
  | { type: 'connection.opened' }
  | { type: 'line.received'; line: string }
  | LinesReceived
  | { type: 'line.overlong' }
  | { type: 'connection.closed' }
  /** transaction.start sends another message on an idle reused connection (only with `reuse`). */
  | {
      type: 'transaction.start';
      envelope: SmtpClientInput['envelope'];
      data: string;
    }
  /** session.end says QUIT on an idle reused connection. */
  | { type: 'session.end' }
  | { type: 'reply.received'; reply: ReplySummary }
  | { type: 'reply.closing'; reply: ReplySummary }
  | { type: 'reply.malformed' }
  | { type: 'session.identified' };

interface ClientContext extends SmtpClientInput {
  readonly style: ClientStyle;
  /** The lines of a multi-line reply read so far (RFC 5321 §4.2.1). */
  readonly partial: ReplySummary | null;
  readonly extensions: Extensions;
  readonly pending: readonly Pending[];
  readonly rcptSent: number;
  readonly rcptReplied: number;
  readonly ended: SessionEnd;
  readonly possiblyDelivered: boolean;
}

// A reply longer than this many lines is treated as a broken server rather than buffered without end.
const MAX_REPLY_LINES = 256;

const SERVICE_CLOSING = REPLIES['service.closing'].code;

/**
 * ReplyReading is what reply lines give, read on from the reply left open before them: the whole replies they
 * complete, in order; the reply still open; and whether a line broke RFC 5321 §4.2.1, after which nothing is read.
 */
interface ReplyReading {
  readonly replies: readonly ReplySummary[];
  readonly partial: ReplySummary | null;
  readonly broken: boolean;
}

function readReplyLines(open: ReplySummary | null, lines: readonly string[]): ReplyReading {
  const replies: ReplySummary[] = [];
  let partial = open;
  for (const line of lines) {
    const parsed = parseReplyLine(line);
    // Every line of a multi-line reply carries the same code (RFC 5321 §4.2.1).
    if (parsed === null || (partial !== null && parsed.code !== partial.code))
      return { replies, partial: null, broken: true };
    const reply = { code: parsed.code, lines: [...(partial?.lines ?? []), parsed.text] };
    if (parsed.final) replies.push(reply);
    else if (reply.lines.length >= MAX_REPLY_LINES) return { replies, partial: null, broken: true };
    partial = parsed.final ? null : reply;
  }
  return { replies, partial, broken: false };
}

// A 421 may come in place of any reply; the server is closing (RFC 5321 §3.8).
function replyEvent(reply: ReplySummary): SmtpClientEvent {
  return { type: reply.code === SERVICE_CLOSING ? 'reply.closing' : 'reply.received', reply };
}

/**
 * smtpClientReader is how the I/O layer hands reply lines to the client, one event a reply: the lines of a reply
 * that arrived together, up to and including its last (RFC 5321 §4.2.1), go in as the reply they make, since the
 * client acts only on whole replies; the line after a reply's last starts the next event, as the reply before it
 * may change state. The lines of a reply cut across segments, or of one that breaks §4.2.1, go in as the lines
 * they are, for the chart to assemble or refuse.
 */
export const smtpClientReader: LineReader<SmtpClientEvent, ClientReading> = (snapshot, items, from) => {
  const more = linesWhile(items, from, (line) => line[3] === '-');
  const count = items[from + more]?.kind === 'line' ? more + 1 : more;
  // The client's framer does not split at a bare LF, so what is not a line is one over the limit.
  if (count === 0) return { event: { type: 'line.overlong' }, count: 1 };
  const run = runOf(items, from, count);
  if (snapshot.context.partial !== null) return run;
  const reading = readReplyLines(null, run.event.lines);
  const [reply] = reading.replies;
  return reply !== undefined && !reading.broken && reading.partial === null
    ? { event: replyEvent(reply), count }
    : run;
};

/** ClientReading is what smtpClientReader reads of the client's snapshot: whether a reply is half read. */
export interface ClientReading {
  readonly context: { readonly partial: ReplySummary | null };
}

function isClass(kind: ReturnType<typeof replyClass>) {
  return ({ event }: { event: SmtpClientEvent }): boolean => {
    assertEvent(event, 'reply.received');
    return replyClass(event.reply.code) === kind;
  };
}

function replyOf(event: SmtpClientEvent): ReplySummary {
  assertEvent(event, ['reply.received', 'reply.closing']);
  return event.reply;
}

// RFC 1870 §3: the size in octets as sent, with CRLF line ends and without the dot-stuffing.
function messageSize(data: string): number {
  return encodeDataLines(data)
    .slice(0, -1)
    .reduce((size, line) => size + dotUnstuff(line).length + 2, 0);
}

// The recipients' state once the RCPT reply in `event` is recorded: what recordRcpt assigns, and what the guards
// that choose where that reply leads must see before it does.
function pendingWithRcptReply(context: ClientContext, event: SmtpClientEvent): Pending[] {
  return recordRcptReply(context.pending, context.rcptReplied, replyOf(event));
}

function saslLine(text: string): SentLine<ClientLineFacts> {
  return { type: 'line.send', line: encodeSaslResponse(text), facts: SASL_LINE };
}

function send(command: ClientCommand, style: ClientStyle = 'modern'): SentLine<ClientLineFacts> {
  return { type: 'line.send', line: formatCommand(command, style), facts: clientCommandFacts(command) };
}

/**
 * smtpClientMachine delivers one message. Send connection.opened, then each reply line as line.received; it
 * emits EHLO (HELO in the textbook style, or after a 5xx, RFC 5321 §3.2), AUTH if configured, MAIL, one RCPT per recipient (as one group
 * when PIPELINING is offered, RFC 2920), DATA only if a recipient was accepted, the dot-stuffed message, and QUIT.
 * It ends in `done`, whose output gives each recipient's fate.
 */
export const smtpClientMachine = setup({
  types: {
    input: {} as SmtpClientInput,
    context: {} as ClientContext,
    events: {} as SmtpClientEvent,
    emitted: {} as SmtpClientEmitted,
    output: {} as SmtpClientOutput,
  },
  delays: {
    initialGreeting: SMTP_TIMEOUTS.initialGreeting,
    command: SMTP_TIMEOUTS.mail,
    rcpt: SMTP_TIMEOUTS.rcpt,
    dataInitiation: SMTP_TIMEOUTS.dataInitiation,
    dataTermination: SMTP_TIMEOUTS.dataTermination,
    rset: SMTP_TIMEOUTS.rset,
    idle: ({ context }) => context.reuse?.idleTime ?? 0,
  },
  guards: {
    isPositive: isClass('positive'),
    isIntermediate: isClass('intermediate'),
    isPermanent: isClass('permanent'),
    usesPipelining: ({ context }) => context.extensions.pipelining,
    isTextbook: ({ context }) => context.style === 'textbook',
    authUnavailable: ({ context }) =>
      context.auth !== undefined && !context.extensions.authMechanisms.includes(context.auth.mechanism),
    authPlain: ({ context }) => context.auth?.mechanism === 'PLAIN',
    authLogin: ({ context }) => context.auth?.mechanism === 'LOGIN',
    hasNoRecipients: ({ context }) => context.pending.length === 0,
    // Read before recordRcpt, as a guard is: whether this RCPT reply leaves more to read (RFC 2920 §3.1) …
    moreRcptRepliesDue: ({ context }) => context.rcptReplied + 1 < context.pending.length,
    // … and whether, with it, some recipient was accepted, so DATA may follow (RFC 5321 §3.3).
    someRecipientAccepted: ({ context, event }) => hasAccepted(pendingWithRcptReply(context, event)),
    reuses: ({ context }) => context.reuse !== undefined,
  },
  actions: {
    // Each reply completed is raised in turn; a line that breaks §4.2.1 ends the reading there.
    assembleReply: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, ['line.received', 'lines.received']);
      const reading = readReplyLines(context.partial, receivedLines(event));
      for (const reply of reading.replies) enqueue.raise(replyEvent(reply));
      if (reading.broken) enqueue.raise({ type: 'reply.malformed' });
      enqueue.assign({ partial: reading.partial });
    }),
    sendEhlo: emit(({ context }) => send({ verb: 'EHLO', domain: context.heloName })),
    sendHelo: emit(({ context }) => send({ verb: 'HELO', domain: context.heloName })),
    recordExtensions: assign({ extensions: ({ event }) => parseEhloReply(replyOf(event)) }),
    announceIdentified: raise({ type: 'session.identified' }),
    sendAuthPlain: emit(({ context }) => {
      const { user = '', password = '' } = context.auth ?? {};
      return send({ verb: 'AUTH', mechanism: 'PLAIN', initialResponse: encodePlainResponse(user, password) });
    }),
    sendAuthLogin: emit(send({ verb: 'AUTH', mechanism: 'LOGIN' })),
    sendLoginUsername: emit(({ context }) => saslLine(context.auth?.user ?? '')),
    sendLoginPassword: emit(({ context }) => saslLine(context.auth?.password ?? '')),
    // RFC 2920 §3: with PIPELINING, MAIL and every RCPT go out as one group; the replies come back in order.
    sendEnvelope: enqueueActions(({ context, enqueue }) => {
      const params: MailParams = {};
      if (context.extensions.size) params.SIZE = messageSize(context.data);
      if (context.extensions.eightBitMime && !isAscii(context.data)) params.BODY = '8BITMIME';
      enqueue.emit(send({ verb: 'MAIL', from: context.envelope.from, params }, context.style));
      const group = context.extensions.pipelining ? context.envelope.to : [];
      for (const to of group) enqueue.emit(send({ verb: 'RCPT', to }, context.style));
      enqueue.assign({ rcptSent: group.length });
    }),
    sendNextRcpt: enqueueActions(({ context, enqueue }) => {
      const to = context.envelope.to[context.rcptSent];
      if (to === undefined) return;
      enqueue.emit(send({ verb: 'RCPT', to }, context.style));
      enqueue.assign({ rcptSent: context.rcptSent + 1 });
    }),
    recordRcpt: assign(({ context, event }) => ({
      pending: pendingWithRcptReply(context, event),
      rcptReplied: context.rcptReplied + 1,
    })),
    sendData: emit(send({ verb: 'DATA' })),
    sendMessage: enqueueActions(({ context, enqueue }) => {
      // One run of lines, not an event per line: see SentLines.
      const lines = encodeDataLines(context.data);
      enqueue.emit({
        type: 'lines.send',
        lines: lines.map((line, i) => ({
          line,
          facts: i === lines.length - 1 ? { verb: END_OF_DATA } : DATA_LINE,
        })),
      });
    }),
    sendQuit: emit(send({ verb: 'QUIT' })),
    closeConnection: emit({ type: 'connection.close' }),
    settleByReply: assign(({ context, event }, params: { reason: RecipientReason }) => ({
      pending: settleByReply(context.pending, params.reason, replyOf(event)),
    })),
    // A refusal settles every open recipient by its class; the client still ends politely (RFC 5321 §4.1.1.10).
    quitAfterReply: enqueueActions(({ context, event, enqueue }, params: { reason: RecipientReason }) => {
      enqueue.assign({ pending: settleByReply(context.pending, params.reason, replyOf(event)) });
      enqueue.emit(send({ verb: 'QUIT' }));
    }),
    // A reply that breaks RFC 5321 §4.2 leaves nothing to trust in the session: give up and close.
    abandonBrokenSession: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({
        pending: settleOpen(context.pending, 'temporary', 'protocolError'),
        ended: 'protocolError',
      });
      enqueue.emit({ type: 'connection.close' });
    }),
    settleAuthNotOffered: assign(({ context }) => ({
      pending: settleOpen(context.pending, 'permanent', 'authNotOffered'),
    })),
    // Without a reply nothing is known for sure, so the mail stays queued for a retry (RFC 5321 §4.5.4.1).
    settleConnectionLost: assign(({ context }) => ({
      pending: settleOpen(context.pending, 'temporary', 'connectionLost'),
      ended: 'connectionLost' as const,
    })),
    settleServiceClosing: assign(({ context, event }) => ({
      pending: settleOpen(context.pending, 'temporary', 'serviceClosing', replyOf(event)),
      ended: 'serviceClosing' as const,
    })),
    // RFC 5321 §4.5.3.2: a client gives up waiting after the per-command timeout and closes the connection.
    timedOut: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ pending: settleOpen(context.pending, 'temporary', 'timeout'), ended: 'timeout' });
      enqueue.emit({ type: 'connection.close' });
    }),
    notePossiblyDelivered: assign({ possiblyDelivered: true }),
    // A reused connection reports each transaction as it ends, and starts the next with no recipients pending.
    endTransaction: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({
        type: 'transaction.ended',
        recipients: finalResults(context.pending),
        possiblyDelivered: context.possiblyDelivered,
      });
      enqueue.assign({ pending: [], rcptSent: 0, rcptReplied: 0, possiblyDelivered: false });
    }),
    sendRset: emit(send({ verb: 'RSET' })),
    announceIdle: emit({ type: 'session.idle' }),
    // The next message is held until the probe is answered: if it is not, the driver sends it another way.
    beginTransaction: enqueueActions(({ event, enqueue }) => {
      assertEvent(event, 'transaction.start');
      enqueue.assign({ envelope: event.envelope, data: event.data, pending: [] });
      enqueue.emit(send({ verb: 'RSET' }));
    }),
    openEnvelope: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({
        pending: context.envelope.to.map((recipient) => ({ recipient, accepted: false, result: null })),
      });
      enqueue.emit({ type: 'probe.passed' });
    }),
  },
}).createMachine({
  id: 'smtpClient',
  context: ({ input }) => ({
    ...input,
    style: input.style ?? 'modern',
    partial: null,
    extensions: NO_EXTENSIONS,
    pending: input.envelope.to.map((recipient) => ({ recipient, accepted: false, result: null })),
    rcptSent: 0,
    rcptReplied: 0,
    ended: 'quit',
    possiblyDelivered: false,
  }),
  initial: 'connecting',
  on: {
    'line.received': { actions: 'assembleReply' },
    'lines.received': { actions: 'assembleReply' },
    'line.overlong': { target: '.done', actions: 'abandonBrokenSession' },
    'reply.malformed': { target: '.done', actions: 'abandonBrokenSession' },
    'reply.closing': { target: '.done', actions: ['settleServiceClosing', 'closeConnection'] },
    'connection.closed': { target: '.done', actions: 'settleConnectionLost' },
    // After EHLO or HELO succeeded: authenticate if asked to, then start the mail transaction.
    'session.identified': [
      { guard: 'authUnavailable', target: '.quitting', actions: ['settleAuthNotOffered', 'sendQuit'] },
      { guard: 'authPlain', target: '.authenticating.awaitingOutcome', actions: 'sendAuthPlain' },
      { guard: 'authLogin', target: '.authenticating.awaitingUsernameChallenge', actions: 'sendAuthLogin' },
      { guard: 'hasNoRecipients', target: '.quitting', actions: 'sendQuit' },
      { target: '.mail' },
    ],
  },
  states: {
    connecting: {
      on: { 'connection.opened': { target: 'awaitingGreeting' } },
    },
    // RFC 5321 §3.1, §4.5.3.2.1: the server speaks first, with 220 (or 554: no service).
    awaitingGreeting: {
      on: {
        'reply.received': [
          // The book's client says HELO and so asks for no extensions.
          { guard: and(['isPositive', 'isTextbook']), target: 'helo', actions: 'sendHelo' },
          { guard: 'isPositive', target: 'ehlo', actions: 'sendEhlo' },
          { target: 'quitting', actions: { type: 'quitAfterReply', params: { reason: 'greeting' } } },
        ],
      },
      after: { initialGreeting: { target: 'done', actions: 'timedOut' } },
    },
    // RFC 5321 §4.1.1.1: EHLO; a 5xx means an old server, so the client falls back to HELO (§3.2).
    ehlo: {
      on: {
        'reply.received': [
          { guard: 'isPositive', actions: ['recordExtensions', 'announceIdentified'] },
          { guard: 'isPermanent', target: 'helo', actions: 'sendHelo' },
          { target: 'quitting', actions: { type: 'quitAfterReply', params: { reason: 'helo' } } },
        ],
      },
      after: { command: { target: 'done', actions: 'timedOut' } },
    },
    helo: {
      on: {
        'reply.received': [
          { guard: 'isPositive', actions: 'announceIdentified' },
          { target: 'quitting', actions: { type: 'quitAfterReply', params: { reason: 'helo' } } },
        ],
      },
      after: { command: { target: 'done', actions: 'timedOut' } },
    },
    // RFC 4954 §4: AUTH PLAIN carries everything in its initial response; AUTH LOGIN answers two 334 challenges.
    authenticating: {
      initial: 'awaitingOutcome',
      after: { command: { target: 'done', actions: 'timedOut' } },
      states: {
        awaitingUsernameChallenge: {
          on: {
            'reply.received': [
              { guard: 'isIntermediate', target: 'awaitingPasswordChallenge', actions: 'sendLoginUsername' },
              {
                target: '#smtpClient.quitting',
                actions: { type: 'quitAfterReply', params: { reason: 'auth' } },
              },
            ],
          },
        },
        awaitingPasswordChallenge: {
          on: {
            'reply.received': [
              { guard: 'isIntermediate', target: 'awaitingOutcome', actions: 'sendLoginPassword' },
              {
                target: '#smtpClient.quitting',
                actions: { type: 'quitAfterReply', params: { reason: 'auth' } },
              },
            ],
          },
        },
        awaitingOutcome: {
          on: {
            'reply.received': [
              { guard: 'isPositive', target: '#smtpClient.mail' },
              {
                target: '#smtpClient.quitting',
                actions: { type: 'quitAfterReply', params: { reason: 'auth' } },
              },
            ],
          },
        },
      },
    },
    // RFC 5321 §3.3, §4.5.3.2.2: MAIL FROM opens the transaction (with the RCPTs too under PIPELINING).
    mail: {
      entry: 'sendEnvelope',
      on: {
        'reply.received': [
          { guard: 'isPositive', target: 'rcpt', actions: 'sendNextRcpt' },
          // Under PIPELINING the RCPT replies are still on their way and must be read (RFC 2920 §3.1).
          {
            guard: 'usesPipelining',
            target: 'rcpt',
            actions: { type: 'settleByReply', params: { reason: 'mail' } },
          },
          {
            guard: 'reuses',
            target: 'resetting',
            actions: [{ type: 'settleByReply', params: { reason: 'mail' } }, 'endTransaction', 'sendRset'],
          },
          { target: 'quitting', actions: { type: 'quitAfterReply', params: { reason: 'mail' } } },
        ],
      },
      after: { command: { target: 'done', actions: 'timedOut' } },
    },
    // RFC 5321 §4.5.3.2.3: one reply per RCPT, in order; each restarts the timer.
    rcpt: {
      on: {
        'reply.received': [
          {
            guard: 'moreRcptRepliesDue',
            target: 'rcpt',
            reenter: true,
            actions: ['recordRcpt', 'sendNextRcpt'],
          },
          { guard: 'someRecipientAccepted', target: 'dataInitiation', actions: ['recordRcpt', 'sendData'] },
          { guard: 'reuses', target: 'resetting', actions: ['recordRcpt', 'endTransaction', 'sendRset'] },
          { target: 'quitting', actions: ['recordRcpt', 'sendQuit'] },
        ],
      },
      after: { rcpt: { target: 'done', actions: 'timedOut' } },
    },
    // RFC 5321 §4.1.1.4, §4.5.3.2.4: DATA, waiting for 354.
    dataInitiation: {
      on: {
        'reply.received': [
          { guard: 'isIntermediate', target: 'dataTermination', actions: 'sendMessage' },
          {
            guard: 'reuses',
            target: 'resetting',
            actions: [{ type: 'settleByReply', params: { reason: 'data' } }, 'endTransaction', 'sendRset'],
          },
          { target: 'quitting', actions: { type: 'quitAfterReply', params: { reason: 'data' } } },
        ],
      },
      after: { dataInitiation: { target: 'done', actions: 'timedOut' } },
    },
    // RFC 5321 §4.5.3.2.6, §6.1: the message and "." are sent; the reply says whether the server took it.
    dataTermination: {
      on: {
        // Whatever it says, the reply to "." ends the transaction (§4.1.1.4), so a reused connection needs no RSET.
        'reply.received': [
          {
            guard: 'reuses',
            target: 'idle',
            actions: [{ type: 'settleByReply', params: { reason: 'dataEnd' } }, 'endTransaction'],
          },
          { target: 'quitting', actions: { type: 'quitAfterReply', params: { reason: 'dataEnd' } } },
        ],
        'connection.closed': {
          target: 'done',
          actions: ['notePossiblyDelivered', 'settleConnectionLost'],
        },
      },
      after: { dataTermination: { target: 'done', actions: ['notePossiblyDelivered', 'timedOut'] } },
    },
    // RFC 5321 §4.1.1.5: RSET ends a failed transaction before the connection waits for the next one (Postfix's
    // "final RSET"); a server that refuses it is not trusted with another, so the client says QUIT.
    resetting: {
      on: {
        'reply.received': [
          { guard: 'isPositive', target: 'idle' },
          { target: 'quitting', actions: 'sendQuit' },
        ],
      },
      after: { rset: { target: 'done', actions: 'timedOut' } },
    },
    // The connection waits in the cache with no transaction, for a little while only: keeping an unused
    // connection open is anti-social (CONNECTION_CACHE_README). Closing it, the client still says QUIT
    // (§4.1.1.10), where Postfix's scache(8) would simply close the socket.
    idle: {
      entry: 'announceIdle',
      on: {
        'transaction.start': { target: 'probing', actions: 'beginTransaction' },
        'session.end': { target: 'quitting', actions: 'sendQuit' },
      },
      after: { idle: { target: 'quitting', actions: 'sendQuit' } },
    },
    // Postfix's RSET probe: before it reuses a cached connection, the client checks the server still answers.
    probing: {
      on: {
        'reply.received': [
          { guard: 'isPositive', target: 'mail', actions: 'openEnvelope' },
          { target: 'quitting', actions: 'sendQuit' },
        ],
      },
      after: { rset: { target: 'done', actions: 'timedOut' } },
    },
    // RFC 5321 §4.1.1.10: QUIT, waiting for 221; every recipient is settled by now.
    quitting: {
      on: { 'reply.received': { target: 'done', actions: 'closeConnection' } },
      after: { command: { target: 'done', actions: 'timedOut' } },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({
    recipients: finalResults(context.pending),
    session: {
      ended: context.ended,
      extensions: context.extensions.keywords,
      pipelining: context.extensions.pipelining,
      possiblyDelivered: context.possiblyDelivered,
    },
  }),
});
