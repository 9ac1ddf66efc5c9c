// The receiving side of one SMTP connection (RFC 5321) as a sans-I/O machine: lines in, reply lines out. The chart
// says which command is allowed when (§4.1.4, §4.3.2); serverDecisions.ts says what to answer when it is.
import { assertEvent, assign, emit, enqueueActions, setup } from 'xstate';
import { heardNow, idleLeft, type IdleClock } from '../shared/clockTime.ts';
import { isEndOfData, dotUnstuff } from '../shared/dotStuffing.ts';
import { COMMAND_LINE_MAX, TEXT_LINE_MAX } from '../shared/limits.ts';
import type { SentLine, ServerLineFacts } from '../shared/lineFacts.ts';
import {
  linesWhile,
  oneItem,
  receivedLines,
  runOf,
  type LineReader,
  type LinesReceived,
} from '../shared/lineReader.ts';
import { formatReply } from '../shared/multilineReply.ts';
import type { OutcomeEnqueuer } from '../shared/outcomeEnqueuer.ts';
import { parseCommand } from './commands.ts';
import type { CommandSyntaxError, SmtpCommand } from './commands.ts';
import { END_OF_DATA, commandFacts, replyLineFacts } from './lineFacts.ts';
import type { ReplyKey } from './replies.ts';
import {
  EMPTY_TRANSACTION,
  closesConnection,
  decideAuth,
  decideData,
  decideEndOfData,
  decideGreeting,
  decideHelo,
  decideHelp,
  decideLoginPassword,
  decideLoginUsername,
  decideMail,
  decidePlainResponse,
  decideRcpt,
  decideVrfy,
  replyFor,
  syntaxReplyKey,
} from './serverDecisions.ts';
import type { Outcome, OutcomeEvent, ServerContext, SmtpServerInput } from './serverDecisions.ts';
import { SMTP_TIMEOUTS } from './timeouts.ts';

export type { SmtpServerInput } from './serverDecisions.ts';

/**
 * SmtpServerEmitted is what the server emits: one reply line (without CRLF) at a time with its facts, then perhaps
 * a close; `connection.abort` drops the connection without a word (a teacher's lost-reply fault).
 */
export type SmtpServerEmitted =
  SentLine<ServerLineFacts> | { type: 'connection.close' } | { type: 'connection.abort' };

/**
 * SmtpServerEvent is what the I/O layer sends in: the connection opening and closing, each received line without
 * its CRLF (or line.overlong for one over the framer's limit, line.bareLf for one that LF alone ended), or what
 * smtpServerReader makes of the lines: a command line as the command it is, and in DATA a run of the message's lines
 * as lines.received; and server.shutdown (421, then close). The rest are raised inside the machine: a command
 * read from a plain line.received, the rare decisions that move it (greeting, SASL), session.closing after any 421
 * reply, and idle.rearm when the idle timer fires before its deadline.
 */
export type SmtpServerEvent =
  | { type: 'connection.opened' }
  | { type: 'line.received'; line: string }
  | LinesReceived
  | { type: 'line.overlong' }
  | { type: 'line.bareLf'; line: string }
  | { type: 'connection.closed' }
  | { type: 'server.shutdown' }
  | CommandEvent
  | OutcomeEvent
  | { type: 'session.closing' }
  | { type: 'session.aborted' }
  | { type: 'idle.rearm' };

/**
 * CommandEvent is a parsed command line, so the chart can route on the verb; `answering` is the verb as the facts of
 * its reply name it (the name as typed for a command the server does not know).
 */
export type CommandEvent = (
  | { type: 'command.helo'; command: Extract<SmtpCommand, { verb: 'HELO' | 'EHLO' }> }
  | { type: 'command.mail'; command: Extract<SmtpCommand, { verb: 'MAIL' }> }
  | { type: 'command.rcpt'; command: Extract<SmtpCommand, { verb: 'RCPT' }> }
  | { type: 'command.auth'; command: Extract<SmtpCommand, { verb: 'AUTH' }> }
  | { type: 'command.vrfy'; command: Extract<SmtpCommand, { verb: 'VRFY' }> }
  | { type: 'command.data' }
  | { type: 'command.rset' | 'command.noop' | 'command.help' | 'command.quit' }
  | { type: 'command.notImplemented' | 'command.unknown' }
  | { type: 'command.invalid'; command: CommandSyntaxError }
) & { readonly answering: string };

/** commandEvent turns a parsed command into the event the chart routes on. */
export function commandEvent(command: SmtpCommand): CommandEvent {
  const answering = commandFacts(command).verb;
  if ('error' in command) return { type: 'command.invalid', command, answering };
  switch (command.verb) {
    case 'HELO':
    case 'EHLO':
      return { type: 'command.helo', command, answering };
    case 'MAIL':
      return { type: 'command.mail', command, answering };
    case 'RCPT':
      return { type: 'command.rcpt', command, answering };
    case 'AUTH':
      return { type: 'command.auth', command, answering };
    case 'VRFY':
      return { type: 'command.vrfy', command, answering };
    case 'notImplemented':
      return { type: 'command.notImplemented', answering };
    case 'unknown':
      return { type: 'command.unknown', answering };
    case 'DATA':
      return { type: 'command.data', answering };
    default:
      return { type: `command.${lower(command.verb)}`, answering };
  }
}

function lower<TVerb extends 'RSET' | 'NOOP' | 'HELP' | 'QUIT'>(verb: TVerb): Lowercase<TVerb> {
  return verb.toLowerCase() as Lowercase<TVerb>;
}

// The limit counts the CRLF, which the line arrives without (RFC 5321 §4.5.3.1.4).
function exceedsCommandLimit(line: string): boolean {
  return line.length > COMMAND_LINE_MAX - 2;
}

/**
 * smtpServerReader is how the I/O layer hands lines to the server, one event each: a command line goes in as the
 * command it is, since the reply to each command comes before the next is read (RFC 2920 §3.1); in DATA the
 * message's lines that arrived together, up to the final "." (RFC 5321 §4.1.1.4), go in as one run, as the server
 * answers none of them. A SASL response is no command (RFC 4954 §4), and a line over the limit is refused whatever
 * it says, so both go in as the lines they are.
 */
export const smtpServerReader: LineReader<SmtpServerEvent> = (snapshot, items, from) => {
  if (snapshot.hasTag('receivingData')) {
    const count = linesWhile(items, from, (line) => !isEndOfData(line));
    return count > 0 ? runOf(items, from, count) : oneItem(items, from);
  }
  const item = items[from];
  if (item?.kind !== 'line' || snapshot.hasTag('authenticating') || exceedsCommandLimit(item.line))
    return oneItem(items, from);
  return { event: commandEvent(parseCommand(item.line)), count: 1 };
};

// The commands whose decision moves the machine, through a guard on the command itself.
type DecidedCommand = Extract<
  CommandEvent,
  { type: 'command.helo' | 'command.mail' | 'command.rcpt' | 'command.data' }
>;

// A command's decision is made once: the guard that routes on it and the action that sends its reply read the same
// one, since deciding may count a fault (every tenth RCPT, say) or ask the backend.
const DECISIONS = new WeakMap<DecidedCommand, Outcome>();

function decided(context: ServerMachineContext, event: DecidedCommand): Outcome {
  let outcome = DECISIONS.get(event);
  if (outcome === undefined) {
    outcome = decide(context, event);
    DECISIONS.set(event, outcome);
  }
  return outcome;
}

function decide(context: ServerMachineContext, event: DecidedCommand): Outcome {
  switch (event.type) {
    case 'command.helo':
      return decideHelo(context, event.command);
    case 'command.mail':
      return decideMail(context, event.command);
    case 'command.rcpt':
      return decideRcpt(context, event.command);
    case 'command.data':
      return decideData(context);
  }
}

// What handling a command notes: when the client was last heard from, which moves the idle deadline, and the verb
// the replies answer (a SASL response that follows AUTH is still answering AUTH).
function noteCommand(
  event: CommandEvent,
  system: Parameters<typeof heardNow>[0],
): Partial<ServerMachineContext> {
  return { answering: event.answering, ...heardNow(system) };
}

/**
 * ServerMachineContext is the session's context with what the machine keeps for itself: the idle clock, and the
 * verb a reply answers.
 */
type ServerMachineContext = ServerContext & IdleClock & { readonly answering: string | null };

// What applyOutcome may ask of enqueueActions, for this machine.
type Enqueuer = OutcomeEnqueuer<ServerMachineContext, SmtpServerEmitted, SmtpServerEvent>;

/**
 * applyOutcome sends the reply with its facts (answering `answers`, or nothing for a greeting or a notice), records
 * the changes and moves the machine; a 421 closes the session whatever else was decided, and a lost reply never
 * leaves: the connection just drops. `noted` is what the action records besides the decision's changes (when the
 * client was heard from, say), so that one assignment holds both.
 */
function applyOutcome(
  enqueue: Enqueuer,
  outcome: Outcome,
  answers: string | null,
  noted?: Partial<ServerMachineContext>,
): void {
  if (noted !== undefined) enqueue.assign({ ...noted, ...outcome.update });
  else if (outcome.update !== undefined) enqueue.assign(outcome.update);
  if (outcome.lost === true) {
    enqueue.emit({ type: 'connection.abort' });
    enqueue.raise({ type: 'session.aborted' });
    return;
  }
  const facts = replyLineFacts(outcome.reply, answers ?? undefined);
  formatReply(outcome.reply.code, outcome.reply.text).forEach((line, i) =>
    enqueue.emit({ type: 'line.send', line, facts: facts[i] as ServerLineFacts }),
  );
  if (closesConnection(outcome.reply)) enqueue.raise({ type: 'session.closing' });
  else if (outcome.then !== undefined) enqueue.raise(outcome.then);
}

/**
 * smtpServerMachine runs one server session. Send connection.opened first; lines are handled strictly in the order
 * sent (PIPELINING, RFC 2920), each reply emitted as line.send events before the next line is looked at. It ends
 * in `closed`, after emitting connection.close unless the peer closed first. It never throws on any line.
 */
export const smtpServerMachine = setup({
  types: {
    input: {} as SmtpServerInput,
    context: {} as ServerMachineContext,
    events: {} as SmtpServerEvent,
    emitted: {} as SmtpServerEmitted,
  },
  delays: {
    // What is left of five minutes since the client was last heard from.
    serverIdle: ({ context, system }) => Math.max(0, idleLeft(context, system, SMTP_TIMEOUTS.serverIdle)),
  },
  guards: {
    exceedsCommandLimit: ({ event }) => {
      assertEvent(event, 'line.received');
      return exceedsCommandLimit(event.line);
    },
    accepted: ({ context, event }) => {
      assertEvent(event, ['command.helo', 'command.mail', 'command.rcpt', 'command.data']);
      return decided(context, event).accepted === true;
    },
    isEndOfData: ({ event }) => {
      assertEvent(event, 'line.received');
      return isEndOfData(event.line);
    },
    isIdentified: ({ context }) => context.heloName !== null,
  },
  // Every assignment made for a line the client sent includes heardNow, so the line moves the idle deadline.
  actions: {
    // A command's reply notes the command (noteCommand); a line that is no command was noted before it.
    sendReply: enqueueActions(({ context, event, enqueue, system }, params: { key: ReplyKey }) => {
      const outcome = { reply: replyFor(context, params.key) };
      if ('answering' in event) applyOutcome(enqueue, outcome, event.answering, noteCommand(event, system));
      else applyOutcome(enqueue, outcome, context.answering);
    }),
    // A notice nobody asked for: the 421 of a timeout or a shutdown (RFC 5321 §3.8) answers no command.
    sendNotice: enqueueActions(({ context, enqueue }, params: { key: ReplyKey }) => {
      applyOutcome(enqueue, { reply: replyFor(context, params.key) }, null);
    }),
    closeConnection: emit({ type: 'connection.close' }),
    resetTransaction: assign(EMPTY_TRANSACTION),
    // A line refused before it is routed as a command notes its verb, so the reply knows what it answers.
    noteVerb: assign(({ event, system }) => {
      assertEvent(event, ['line.received', 'line.bareLf']);
      return { answering: commandFacts(parseCommand(event.line)).verb, ...heardNow(system) };
    }),
    forgetVerb: assign(({ system }) => ({ answering: null, ...heardNow(system) })),
    // A line in the SASL exchange whose answer assigns nothing of its own.
    noteLine: assign(({ system }) => heardNow(system)),
    // The idle timer fired: at the deadline it is a timeout; before it, lines came meanwhile and it waits again.
    checkIdle: enqueueActions(({ context, enqueue, system }) => {
      if (idleLeft(context, system, SMTP_TIMEOUTS.serverIdle) > 0) enqueue.raise({ type: 'idle.rearm' });
      else applyOutcome(enqueue, { reply: replyFor(context, 'service.timeout') }, null);
    }),
    // A command line that came as a plain line (not through smtpServerReader) is read here and routed.
    parseLine: enqueueActions(({ event, enqueue }) => {
      assertEvent(event, 'line.received');
      enqueue.raise(commandEvent(parseCommand(event.line)));
    }),
    greet: enqueueActions(({ context, enqueue, system }) => {
      applyOutcome(enqueue, decideGreeting(context), null, heardNow(system));
    }),
    answerSyntaxError: enqueueActions(({ context, event, enqueue, system }) => {
      assertEvent(event, 'command.invalid');
      const key = syntaxReplyKey(event.command);
      const outcome = { reply: replyFor(context, key, { verb: event.command.verb }) };
      applyOutcome(enqueue, outcome, event.answering, noteCommand(event, system));
    }),
    // The decision the `accepted` guard read, if the chart asked it, or one made now.
    answerDecided: enqueueActions(({ context, event, enqueue, system }) => {
      assertEvent(event, ['command.helo', 'command.mail', 'command.rcpt', 'command.data']);
      applyOutcome(enqueue, decided(context, event), event.answering, noteCommand(event, system));
    }),
    answerVrfy: enqueueActions(({ context, event, enqueue, system }) => {
      assertEvent(event, 'command.vrfy');
      applyOutcome(enqueue, decideVrfy(context, event.command), event.answering, noteCommand(event, system));
    }),
    answerHelp: enqueueActions(({ context, event, enqueue, system }) => {
      assertEvent(event, 'command.help');
      applyOutcome(enqueue, decideHelp(context), event.answering, noteCommand(event, system));
    }),
    storeDataLines: assign(({ context, event, system }) => {
      assertEvent(event, ['line.received', 'lines.received']);
      const noted = heardNow(system);
      let { data, dataProblem } = context;
      for (const line of receivedLines(event)) {
        if (dataProblem !== null) break;
        // RFC 5321 §4.5.3.1.6 and §2.3.8: a line too long or holding a lone CR or LF spoils the whole message. The
        // limit is on the text, so it is checked after the transparency dot is removed (§4.5.2): a 998-octet
        // line that begins with "." arrives as 999 octets and is legal.
        const text = dotUnstuff(line);
        if (text.length > TEXT_LINE_MAX - 2) dataProblem = 'lineTooLong';
        else if (/[\r\n]/.test(text)) dataProblem = 'bareLineBreak';
        // Past the limit the rest is read and dropped, so the reply can come after the final "." (§4.5.3.1.9).
        else if ((data += text + '\r\n').length > context.maxSize) dataProblem = 'tooLarge';
      }
      return dataProblem === null ? { data, ...noted } : { dataProblem, data: '', ...noted };
    }),
    markLineTooLong: assign(({ context, system }) =>
      context.dataProblem === null
        ? { dataProblem: 'lineTooLong', data: '', ...heardNow(system) }
        : heardNow(system),
    ),
    // RFC 5321 §2.3.8: a bare LF in the text spoils the message, which is refused at its final "." with an
    // explanation; reading goes on, so the session survives. Only CRLF.CRLF ends DATA, which blocks smuggling.
    markBareLf: assign(({ context, system }) =>
      context.dataProblem === null
        ? { dataProblem: 'bareLineBreak', data: '', ...heardNow(system) }
        : heardNow(system),
    ),
    answerEndOfData: enqueueActions(({ context, enqueue, system }) => {
      applyOutcome(enqueue, decideEndOfData(context), END_OF_DATA, {
        answering: END_OF_DATA,
        ...heardNow(system),
      });
    }),
    answerAuth: enqueueActions(({ context, event, enqueue, system }) => {
      assertEvent(event, 'command.auth');
      applyOutcome(enqueue, decideAuth(context, event.command), event.answering, noteCommand(event, system));
    }),
    // A SASL response is no command: the reply to it still answers AUTH (RFC 4954 §4); it moves the idle deadline.
    answerPlainResponse: enqueueActions(({ context, event, enqueue, system }) => {
      assertEvent(event, 'line.received');
      applyOutcome(enqueue, decidePlainResponse(context, event.line), context.answering, heardNow(system));
    }),
    answerLoginUsername: enqueueActions(({ context, event, enqueue, system }) => {
      assertEvent(event, 'line.received');
      applyOutcome(enqueue, decideLoginUsername(context, event.line), context.answering, heardNow(system));
    }),
    answerLoginPassword: enqueueActions(({ context, event, enqueue, system }) => {
      assertEvent(event, 'line.received');
      applyOutcome(enqueue, decideLoginPassword(context, event.line), context.answering, heardNow(system));
    }),
  },
}).createMachine({
  id: 'smtpServer',
  context: ({ input }) => ({
    ...input,
    heloName: null,
    extended: false,
    authenticatedAs: null,
    saslUser: null,
    answering: null,
    lastHeardAt: 0,
    ...EMPTY_TRANSACTION,
  }),
  initial: 'awaitingConnection',
  states: {
    awaitingConnection: {
      on: {
        'connection.opened': { target: 'session', actions: 'greet' },
        'connection.closed': { target: 'closed' },
      },
    },
    session: {
      type: 'parallel',
      tags: ['connected'],
      on: {
        'session.closing': { target: 'closed', actions: 'closeConnection' },
        'session.aborted': { target: 'closed' },
        // A 421 reply always raises session.closing (RFC 5321 §3.8), so shutdown and timeout end the same way.
        'server.shutdown': { actions: { type: 'sendNotice', params: { key: 'service.closing' } } },
        'connection.closed': { target: 'closed' },
      },
      states: {
        protocol: {
          initial: 'awaitingHelo',
          on: {
            'line.received': [
              {
                guard: 'exceedsCommandLimit',
                actions: ['noteVerb', { type: 'sendReply', params: { key: 'error.lineTooLong' } }],
              },
              { actions: 'parseLine' },
            ],
            'line.overlong': {
              actions: ['forgetVerb', { type: 'sendReply', params: { key: 'error.lineTooLong' } }],
            },
            // A command ended by LF alone is refused at once, with a reply that explains CRLF (RFC 5321 §2.3.8).
            'line.bareLf': { actions: ['noteVerb', { type: 'sendReply', params: { key: 'error.bareLf' } }] },
            // RFC 5321 §4.1.4: EHLO/HELO is allowed at any time and resets an open transaction.
            'command.helo': [
              { guard: 'accepted', target: '.ready', actions: 'answerDecided' },
              { actions: 'answerDecided' },
            ],
            'command.rset': {
              target: '.ready',
              actions: ['resetTransaction', { type: 'sendReply', params: { key: 'rset.ok' } }],
            },
            'command.noop': { actions: { type: 'sendReply', params: { key: 'noop.ok' } } },
            'command.vrfy': { actions: 'answerVrfy' },
            'command.help': { actions: 'answerHelp' },
            'command.quit': {
              target: '#smtpServer.closed',
              actions: [{ type: 'sendReply', params: { key: 'quit' } }, 'closeConnection'],
            },
            'command.notImplemented': {
              actions: { type: 'sendReply', params: { key: 'error.notImplemented' } },
            },
            'command.unknown': { actions: { type: 'sendReply', params: { key: 'error.unrecognized' } } },
            'command.invalid': { actions: 'answerSyntaxError' },
          },
          states: {
            // RFC 5321 §3.1, §4.1.4: after the 220 greeting; a mail transaction needs EHLO or HELO first.
            awaitingHelo: {
              on: {
                'greeting.refused': { target: 'noService' },
                'command.rset': { actions: { type: 'sendReply', params: { key: 'rset.ok' } } },
                'command.mail': { actions: { type: 'sendReply', params: { key: 'seq.needHelo' } } },
                'command.rcpt': { actions: { type: 'sendReply', params: { key: 'seq.needHelo' } } },
                'command.data': { actions: { type: 'sendReply', params: { key: 'seq.needHelo' } } },
                'command.auth': { actions: { type: 'sendReply', params: { key: 'seq.needHelo' } } },
              },
            },
            // RFC 5321 §3.1: after a 554 greeting the server waits for QUIT and answers anything else with 503.
            noService: {
              on: {
                'command.quit': {
                  target: '#smtpServer.closed',
                  actions: [{ type: 'sendReply', params: { key: 'quit' } }, 'closeConnection'],
                },
                'command.*': { actions: { type: 'sendReply', params: { key: 'seq.noService' } } },
              },
            },
            // RFC 5321 §4.1.1.1: the client is identified; no mail transaction is open.
            ready: {
              tags: ['identified'],
              on: {
                'command.mail': [
                  { guard: 'accepted', target: 'mailTransaction', actions: 'answerDecided' },
                  { actions: 'answerDecided' },
                ],
                'command.rcpt': { actions: { type: 'sendReply', params: { key: 'seq.needMail' } } },
                'command.data': { actions: { type: 'sendReply', params: { key: 'seq.needMailForData' } } },
                'command.auth': { actions: 'answerAuth' },
                'auth.awaitingResponse': { target: 'authenticating.awaitingPlainResponse' },
                'auth.awaitingUsername': { target: 'authenticating.awaitingUsername' },
                'auth.awaitingPassword': { target: 'authenticating.awaitingPassword' },
              },
            },
            // RFC 4954 §4: the SASL exchange; each line is a Base64 response, not a command.
            authenticating: {
              tags: ['identified', 'authenticating'],
              initial: 'awaitingPlainResponse',
              on: {
                'line.overlong': {
                  target: 'ready',
                  actions: ['noteLine', { type: 'sendReply', params: { key: 'error.lineTooLong' } }],
                },
                'line.bareLf': {
                  target: 'ready',
                  actions: ['noteLine', { type: 'sendReply', params: { key: 'error.bareLf' } }],
                },
                'auth.finished': { target: 'ready' },
              },
              states: {
                awaitingPlainResponse: {
                  on: { 'line.received': { actions: 'answerPlainResponse' } },
                },
                awaitingUsername: {
                  on: {
                    'line.received': { actions: 'answerLoginUsername' },
                    'auth.awaitingPassword': { target: 'awaitingPassword' },
                  },
                },
                awaitingPassword: {
                  on: { 'line.received': { actions: 'answerLoginPassword' } },
                },
              },
            },
            // RFC 5321 §3.3: MAIL accepted; recipients are being collected.
            mailTransaction: {
              tags: ['identified', 'inTransaction'],
              initial: 'awaitingRecipients',
              on: {
                'command.mail': { actions: { type: 'sendReply', params: { key: 'seq.nestedMail' } } },
                'command.auth': { actions: { type: 'sendReply', params: { key: 'auth.inTransaction' } } },
                'command.rcpt': [
                  { guard: 'accepted', target: '.haveRecipients', actions: 'answerDecided' },
                  { actions: 'answerDecided' },
                ],
              },
              states: {
                awaitingRecipients: {
                  on: { 'command.data': { actions: { type: 'sendReply', params: { key: 'seq.needRcpt' } } } },
                },
                haveRecipients: {
                  tags: ['hasRecipients'],
                  on: {
                    'command.data': [
                      {
                        guard: 'accepted',
                        target: '#smtpServer.session.protocol.receivingData',
                        actions: 'answerDecided',
                      },
                      { actions: 'answerDecided' },
                    ],
                  },
                },
              },
            },
            // RFC 5321 §4.1.1.4: after 354, lines are message text up to a line holding only ".".
            receivingData: {
              tags: ['identified', 'inTransaction', 'hasRecipients', 'receivingData'],
              on: {
                'line.received': [
                  // Whatever the reply, the final "." ends the transaction (RFC 5321 §4.1.1.4).
                  { guard: 'isEndOfData', target: 'ready', actions: 'answerEndOfData' },
                  { actions: 'storeDataLines' },
                ],
                // Message lines that arrived together, none of them the final "." (smtpServerRun).
                'lines.received': { actions: 'storeDataLines' },
                'line.overlong': { actions: 'markLineTooLong' },
                'line.bareLf': { actions: 'markBareLf' },
              },
            },
          },
        },
        // RFC 5321 §4.5.3.2.7: the server gives up after 5 minutes without a line from the client. Lines move the
        // deadline (IdleClock); the timer, set once, waits again for what is left when lines came meanwhile.
        idleTimer: {
          initial: 'running',
          states: {
            running: {
              on: { 'idle.rearm': { target: 'running', reenter: true } },
              after: { serverIdle: { actions: 'checkIdle' } },
            },
          },
        },
      },
    },
    closed: { type: 'final' },
  },
});
