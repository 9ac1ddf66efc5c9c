// The server side of one POP3 connection (RFC 1939) as a sans-I/O machine: lines in, response lines out. The chart
// names the RFC's states and says which command each allows (§3–§7); serverDecisions.ts says what to answer.
import { assertEvent, assign, emit, enqueueActions, setup } from 'xstate';
import { heardNow, idleLeft, type IdleClock } from '../shared/clockTime.ts';
import type { SentLine, SentLines, ServerLineFacts } from '../shared/lineFacts.ts';
import type { LineReader } from '../shared/lineReader.ts';
import type { OutcomeEnqueuer } from '../shared/outcomeEnqueuer.ts';
import { parseCommand } from './commands.ts';
import type { CommandSyntaxError, Pop3Command } from './commands.ts';
import { POP3_TIMERS, COMMAND_LINE_MAX } from './limits.ts';
import { commandFacts, replyLineFacts } from './lineFacts.ts';
import { formatReply, reply } from './replies.ts';
import type { ReplyKey } from './replies.ts';
import {
  decideApop,
  decideCapa,
  decideDele,
  decideForced,
  decideGreeting,
  decideList,
  decideNeedPass,
  decidePass,
  decideRetr,
  decideRset,
  decideStat,
  decideSyntaxError,
  decideTop,
  decideUidl,
  decideUpdate,
  decideUser,
  decideWrongState,
} from './serverDecisions.ts';
import type { Outcome, OutcomeEvent, Pop3ServerInput, ServerContext, SessionEnd } from './serverDecisions.ts';

export type { Pop3ServerInput, SessionEnd } from './serverDecisions.ts';

/** Pop3ServerEmitted is what the server emits: one response line (without CRLF) at a time with its facts, then a close. */
export type Pop3ServerEmitted =
  SentLine<ServerLineFacts> | SentLines<ServerLineFacts> | { type: 'connection.close' };

/**
 * Pop3ServerEvent is what the I/O layer sends in: the connection opening and closing, and each received line
 * without its CRLF (line.overlong for one over the framer's limit), or, through pop3ServerReader, a command line as
 * the command it is. The rest are raised inside the machine.
 */
export type Pop3ServerEvent =
  | { type: 'connection.opened' }
  | { type: 'line.received'; line: string }
  | { type: 'line.overlong' }
  | { type: 'connection.closed' }
  | CommandEvent
  | OutcomeEvent
  | { type: 'session.autologout' }
  | { type: 'idle.rearm' };

/**
 * CommandEvent is a parsed command line, as pop3ServerReader sends it or as the chart raises it from a plain
 * line.received, so the chart can route on the verb; `answering` is the verb the response will say it answers.
 */
export type CommandEvent = Routed & { readonly answering: string };

// The commands as the chart routes them, by verb.
type Routed =
  | { type: 'command.user'; command: Extract<Pop3Command, { verb: 'USER' }> }
  | { type: 'command.pass'; command: Extract<Pop3Command, { verb: 'PASS' }> }
  | { type: 'command.apop'; command: Extract<Pop3Command, { verb: 'APOP' }> }
  | { type: 'command.list' | 'command.uidl'; message: number | null }
  | { type: 'command.retr' | 'command.dele'; message: number }
  | { type: 'command.top'; message: number; lines: number }
  | { type: 'command.stat' | 'command.noop' | 'command.rset' | 'command.quit' | 'command.capa' }
  | { type: 'command.notImplemented' | 'command.unknown' }
  | { type: 'command.invalid'; command: CommandSyntaxError };

/** commandEvent turns a parsed command into the event the chart routes on. */
export function commandEvent(command: Pop3Command): CommandEvent {
  return { ...routedCommand(command), answering: commandFacts(command).verb };
}

function routedCommand(command: Pop3Command): Routed {
  if ('error' in command) return { type: 'command.invalid', command };
  switch (command.verb) {
    case 'USER':
      return { type: 'command.user', command };
    case 'PASS':
      return { type: 'command.pass', command };
    case 'APOP':
      return { type: 'command.apop', command };
    case 'LIST':
      return { type: 'command.list', message: command.message };
    case 'UIDL':
      return { type: 'command.uidl', message: command.message };
    case 'RETR':
      return { type: 'command.retr', message: command.message };
    case 'DELE':
      return { type: 'command.dele', message: command.message };
    case 'TOP':
      return { type: 'command.top', message: command.message, lines: command.lines };
    case 'notImplemented':
      return { type: 'command.notImplemented' };
    case 'unknown':
      return { type: 'command.unknown' };
    default:
      return { type: `command.${command.verb.toLowerCase() as Lowercase<typeof command.verb>}` };
  }
}

type MachineContext = ServerContext & IdleClock & { readonly answering: string | null };

// What each command answers when the chart lets it through; QUIT here is QUIT in the AUTHORIZATION state.
function decideCommand(context: MachineContext, event: Pop3ServerEvent): Outcome | null {
  switch (event.type) {
    case 'command.user':
      return decideUser(context, event.command);
    case 'command.pass':
      return decidePass(context, event.command);
    case 'command.apop':
      return decideApop(context, event.command);
    case 'command.stat':
      return decideStat(context);
    case 'command.list':
      return decideList(context, event.message);
    case 'command.uidl':
      return decideUidl(context, event.message);
    case 'command.retr':
      return decideRetr(context, event.message);
    case 'command.top':
      return decideTop(context, event.message, event.lines);
    case 'command.dele':
      return decideDele(context, event.message);
    case 'command.rset':
      return decideRset(context);
    case 'command.noop':
      return { reply: reply('noop') };
    case 'command.capa':
      return decideCapa();
    case 'command.quit':
      return { reply: reply('quit.ok', { host: context.hostname }) };
    case 'command.notImplemented':
      return { reply: reply('error.notImplemented', { verb: event.answering }) };
    case 'command.unknown':
      return { reply: reply('error.unknownCommand') };
    case 'command.invalid':
      return decideSyntaxError(event.command);
    default:
      return null;
  }
}

// What applyOutcome may ask of enqueueActions, for this machine.
type Enqueuer = OutcomeEnqueuer<MachineContext, Pop3ServerEmitted, Pop3ServerEvent>;

/** applyOutcome sends the response line by line with its facts, records the changes and moves the machine. */
function applyOutcome(enqueue: Enqueuer, outcome: Outcome, answers: string | null): void {
  if (outcome.update !== undefined) enqueue.assign(outcome.update);
  const facts = replyLineFacts(outcome.reply, answers ?? undefined);
  // One run of lines, not an event per line: a RETR of a large message is tens of thousands (see SentLines).
  const lines = formatReply(outcome.reply).map((line, i) => ({ line, facts: facts[i] as ServerLineFacts }));
  const [only] = lines;
  if (lines.length === 1 && only !== undefined) enqueue.emit({ type: 'line.send', ...only });
  else enqueue.emit({ type: 'lines.send', lines });
  if (outcome.then !== undefined) enqueue.raise(outcome.then);
}

/**
 * heard notes a command when the event is one: what the response answers, and that the client was heard now (the
 * autologout deadline moves). It returns what the response answers, the command's verb or the verb noted before.
 */
function heard(
  enqueue: Enqueuer,
  context: MachineContext,
  event: Pop3ServerEvent,
  system: Parameters<typeof heardNow>[0],
): string | null {
  if (!('answering' in event)) return context.answering;
  enqueue.assign({ answering: event.answering, ...heardNow(system) });
  return event.answering;
}

// The limit counts the CRLF, which the line arrives without (RFC 2449 §4).
function exceedsCommandLimit(line: string): boolean {
  return line.length > COMMAND_LINE_MAX - 2;
}

/**
 * pop3ServerReader is how the I/O layer hands lines to the server, one event each: a command line goes in as the
 * command it is, since the response to each command comes before the next is read (RFC 2449 §6.6). A line over the
 * limit is refused whatever it says, so it goes in as the line it is. POP3 has no exchange in which a line is not
 * a command (this server offers no AUTH, RFC 5034).
 */
export const pop3ServerReader: LineReader<Pop3ServerEvent> = (_snapshot, items, from) => {
  const item = items[from];
  // The server's framer does not split at a bare LF, so what is not a line is one over the framer's limit.
  if (item?.kind !== 'line') return { event: { type: 'line.overlong' }, count: 1 };
  if (exceedsCommandLimit(item.line)) return { event: { type: 'line.received', line: item.line }, count: 1 };
  return { event: commandEvent(parseCommand(item.line)), count: 1 };
};

/**
 * pop3ServerMachine runs one server session. Send connection.opened first; lines are handled strictly in the order
 * sent (PIPELINING, RFC 2449 §6.6), each response emitted as line.send events before the next line is looked at.
 * After QUIT in the TRANSACTION state it rests in UPDATE, its side of the connection closed, until the connection
 * is gone; then, or after any other end, it is `closed`, with how it ended as its output. It never throws on a line.
 */
export const pop3ServerMachine = setup({
  types: {
    input: {} as Pop3ServerInput,
    context: {} as MachineContext,
    events: {} as Pop3ServerEvent,
    emitted: {} as Pop3ServerEmitted,
    output: {} as { ended: SessionEnd; user: string | null },
  },
  delays: {
    // What is left of the autologout time since the client was last heard from.
    autologout: ({ context, system }) => Math.max(0, idleLeft(context, system, POP3_TIMERS.autologout)),
  },
  guards: {
    exceedsCommandLimit: ({ event }) => {
      assertEvent(event, 'line.received');
      return exceedsCommandLimit(event.line);
    },
  },
  // Every assignment made for a line the client sent includes heardNow, so the line moves the autologout deadline.
  actions: {
    greet: enqueueActions(({ context, enqueue, system }) => {
      enqueue.assign(heardNow(system));
      applyOutcome(enqueue, decideGreeting(context), null);
    }),
    // A command line that came as a plain line (not through pop3ServerReader) is read here; its command notes it.
    parseLine: enqueueActions(({ event, enqueue }) => {
      assertEvent(event, 'line.received');
      enqueue.raise(commandEvent(parseCommand(event.line)));
    }),
    // The verb is noted even for a line too long, so the refusal says which command it answers.
    noteVerb: assign(({ event, system }) => {
      assertEvent(event, 'line.received');
      return { answering: commandFacts(parseCommand(event.line)).verb, ...heardNow(system) };
    }),
    forgetVerb: assign(({ system }) => ({ answering: null, ...heardNow(system) })),
    // The autologout timer fired: at the deadline the session ends; before it, lines came and it waits again.
    checkIdle: enqueueActions(({ context, enqueue, system }) => {
      if (idleLeft(context, system, POP3_TIMERS.autologout) > 0) enqueue.raise({ type: 'idle.rearm' });
      else enqueue.raise({ type: 'session.autologout' });
    }),
    answer: enqueueActions(({ context, event, enqueue, system }) => {
      const answering = heard(enqueue, context, event, system);
      const outcome = decideForced(context, answering) ?? decideCommand(context, event);
      if (outcome !== null) applyOutcome(enqueue, outcome, answering);
    }),
    sendReply: enqueueActions(({ context, event, enqueue, system }, params: { key: ReplyKey }) =>
      applyOutcome(enqueue, { reply: reply(params.key) }, heard(enqueue, context, event, system)),
    ),
    refuseInState: enqueueActions(
      ({ context, event, enqueue, system }, params: { state: 'AUTHORIZATION' | 'TRANSACTION' }) => {
        const answering = heard(enqueue, context, event, system);
        applyOutcome(enqueue, decideWrongState(answering ?? '', params.state), answering);
      },
    ),
    askForPass: enqueueActions(({ context, event, enqueue, system }) =>
      applyOutcome(enqueue, decideNeedPass(context), heard(enqueue, context, event, system)),
    ),
    update: enqueueActions(({ context, event, enqueue, system }) => {
      applyOutcome(enqueue, decideUpdate(context), heard(enqueue, context, event, system));
      enqueue.emit({ type: 'connection.close' });
    }),
    // RFC 1939 §3, §6: a session that ends without QUIT does not enter UPDATE and removes nothing.
    releaseLock: enqueueActions(({ context, enqueue }) => {
      if (!context.locked) return;
      context.maildrop.release(context.user ?? '');
      enqueue.assign({ locked: false });
    }),
    endAs: assign((_, params: { ended: SessionEnd }) => ({ ended: params.ended })),
    closeConnection: emit({ type: 'connection.close' }),
  },
}).createMachine({
  id: 'pop3Server',
  context: ({ input }) => ({
    ...input,
    user: null,
    locked: false,
    messages: [],
    deleted: [],
    ended: null,
    answering: null,
    lastHeardAt: 0,
  }),
  initial: 'awaitingConnection',
  states: {
    awaitingConnection: {
      on: {
        'connection.opened': { target: 'session', actions: 'greet' },
        'connection.closed': {
          target: 'closed',
          actions: { type: 'endAs', params: { ended: 'connectionLost' } },
        },
      },
    },
    session: {
      type: 'parallel',
      tags: ['connected'],
      on: {
        'connection.closed': {
          target: 'closed',
          actions: ['releaseLock', { type: 'endAs', params: { ended: 'connectionLost' } }],
        },
        // RFC 1939 §3: when the autologout timer expires the server closes without a response or UPDATE.
        'session.autologout': {
          target: 'closed',
          actions: ['releaseLock', { type: 'endAs', params: { ended: 'autologout' } }, 'closeConnection'],
        },
      },
      states: {
        protocol: {
          initial: 'AUTHORIZATION',
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
            // RFC 2449 §5: CAPA has no restrictions; RFC 1939 §3: anything unknown or malformed gets -ERR.
            'command.capa': { actions: 'answer' },
            'command.notImplemented': { actions: 'answer' },
            'command.unknown': { actions: 'answer' },
            'command.invalid': { actions: 'answer' },
          },
          states: {
            // RFC 1939 §4: after the greeting the client identifies itself, with USER and PASS or with APOP.
            AUTHORIZATION: {
              initial: 'awaitingCredentials',
              on: {
                // RFC 1939 §4: QUIT here ends the session without entering the UPDATE state.
                'command.quit': {
                  target: '#pop3Server.closed',
                  actions: ['answer', { type: 'endAs', params: { ended: 'quit' } }, 'closeConnection'],
                },
                'command.stat': { actions: { type: 'refuseInState', params: { state: 'AUTHORIZATION' } } },
                'command.list': { actions: { type: 'refuseInState', params: { state: 'AUTHORIZATION' } } },
                'command.retr': { actions: { type: 'refuseInState', params: { state: 'AUTHORIZATION' } } },
                'command.dele': { actions: { type: 'refuseInState', params: { state: 'AUTHORIZATION' } } },
                'command.noop': { actions: { type: 'refuseInState', params: { state: 'AUTHORIZATION' } } },
                'command.rset': { actions: { type: 'refuseInState', params: { state: 'AUTHORIZATION' } } },
                'command.top': { actions: { type: 'refuseInState', params: { state: 'AUTHORIZATION' } } },
                'command.uidl': { actions: { type: 'refuseInState', params: { state: 'AUTHORIZATION' } } },
                'auth.succeeded': { target: 'TRANSACTION' },
                'auth.rejected': { target: '.awaitingCredentials' },
              },
              states: {
                // RFC 1939 §7: USER or APOP may come after the greeting or after a failed USER or PASS.
                awaitingCredentials: {
                  on: {
                    'command.user': { actions: 'answer' },
                    'user.accepted': { target: 'awaitingPass' },
                    'command.apop': { actions: 'answer' },
                    'command.pass': { actions: { type: 'sendReply', params: { key: 'seq.needUser' } } },
                  },
                },
                // RFC 1939 §7: after a successful USER only PASS (or QUIT) may follow.
                awaitingPass: {
                  on: {
                    'command.pass': { actions: 'answer' },
                    'command.user': { actions: 'askForPass' },
                    'command.apop': { actions: 'askForPass' },
                  },
                },
              },
            },
            // RFC 1939 §5: the maildrop is locked; DELE only marks messages until UPDATE.
            TRANSACTION: {
              tags: ['locked'],
              on: {
                'command.stat': { actions: 'answer' },
                'command.list': { actions: 'answer' },
                'command.retr': { actions: 'answer' },
                'command.dele': { actions: 'answer' },
                'command.noop': { actions: 'answer' },
                'command.rset': { actions: 'answer' },
                'command.top': { actions: 'answer' },
                'command.uidl': { actions: 'answer' },
                'command.user': { actions: { type: 'refuseInState', params: { state: 'TRANSACTION' } } },
                'command.pass': { actions: { type: 'refuseInState', params: { state: 'TRANSACTION' } } },
                'command.apop': { actions: { type: 'refuseInState', params: { state: 'TRANSACTION' } } },
                'command.quit': { target: '#pop3Server.UPDATE' },
              },
            },
          },
        },
        // RFC 1939 §3: an autologout timer of at least 10 minutes, reset by anything the client sends: one moving
        // deadline (IdleClock) that waits again for what is left when lines came meanwhile.
        autologout: {
          initial: 'running',
          states: {
            running: {
              on: { 'idle.rearm': { target: 'running', reenter: true } },
              after: { autologout: { actions: 'checkIdle' } },
            },
          },
        },
      },
    },
    // RFC 1939 §6: the marked messages are removed, the lock released, the response sent and the connection closed.
    UPDATE: {
      entry: 'update',
      on: { 'connection.closed': { target: 'closed' } },
    },
    closed: { type: 'final' },
  },
  output: ({ context }) => ({ ended: context.ended ?? 'connectionLost', user: context.user }),
});
