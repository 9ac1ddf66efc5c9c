// The server side of one IMAP4rev1 connection (RFC 3501, with IDLE, MOVE and UIDPLUS) as a sans-I/O machine: lines
// in, response lines out. The chart names the RFC's states (§3) and says which command each allows; serverDecisions
// and messageDecisions say what to answer.
import { assertEvent, assign, emit, enqueueActions, raise, setup } from 'xstate';
import type { SentLine, ServerLineFacts } from '../shared/lineFacts.ts';
import type { OutcomeEnqueuer } from '../shared/outcomeEnqueuer.ts';
import { commandVerb, type ImapCommand } from './commandTypes.ts';
import { isIdleDone, parseSaslResponse } from './continuationLines.ts';
import { serverLineFacts } from './lineFacts.ts';
import {
  decideCheck,
  decideClose,
  decideCopy,
  decideExpunge,
  decideFetch,
  decideSearch,
  decideStore,
} from './messageDecisions.ts';
import { parseCommand } from './parseCommand.ts';
import { type CommandRead, CommandReader } from './reader.ts';
import { continuation, data, type ServerLine, tagged, untagged } from './replies.ts';
import { formatResponse } from './responses.ts';
import { pendingUpdates } from './sessionView.ts';
import {
  ALLOWED,
  CAPABILITIES,
  decideAppend,
  decideAuthenticate,
  decideGreeting,
  decideIdle,
  decideIdleLine,
  decideList,
  decideLogin,
  decideLogout,
  decideMailboxOperation,
  decidePlain,
  decideRename,
  decideSelect,
  decideStatus,
  decideWrongState,
  endSession,
  type ImapServerInput,
  type ImapState,
  type Outcome,
  type OutcomeEvent,
  type ServerContext,
  type SessionEnd,
  withUpdates,
} from './serverDecisions.ts';

export type { ImapServerInput, SessionEnd } from './serverDecisions.ts';

/** IMAP_AUTOLOGOUT_MS is the autologout timer: RFC 3501 §5.4 asks for at least 30 minutes without a command. */
export const IMAP_AUTOLOGOUT_MS = 30 * 60 * 1000;

/** ImapServerEmitted is what the server emits: one response (without its final CRLF) at a time with its facts, then a close. */
export type ImapServerEmitted = SentLine<ServerLineFacts> | { type: 'connection.close' };

/**
 * ImapServerEvent is what the I/O layer sends in: the connection opening and closing, each received line without
 * its CRLF (line.overlong for one over the framer's limit), and mailbox.changed when the backend's watch listener
 * fires (see backend.ts ImapBackend). The rest are raised inside the machine.
 */
export type ImapServerEvent =
  | { type: 'connection.opened' }
  | { type: 'line.received'; line: string }
  | { type: 'line.overlong' }
  | { type: 'connection.closed' }
  | { type: 'mailbox.changed' }
  | { type: 'command'; command: ImapCommand }
  | OutcomeEvent
  | { type: 'session.autologout' };

// What a command allowed in its state answers.
function decideCommand(context: ServerContext, command: ImapCommand): Outcome {
  const { tag } = command;
  // A forced NO changes no state: the command failed, and the session stays where it was (RFC 3501 §7.1.2).
  const forced = context.interpose?.(command.name) ?? null;
  if (forced !== null) return { lines: [tagged(tag, 'fault.forced', { text: forced })] };
  switch (command.name) {
    case 'CAPABILITY':
      return withUpdates(
        context,
        [data({ kind: 'capability', capabilities: [...CAPABILITIES] })],
        tagged(tag, 'capability.ok'),
      );
    case 'NOOP':
      return withUpdates(context, [], tagged(tag, 'noop.ok'));
    case 'LOGOUT':
      return decideLogout(context, tag);
    case 'STARTTLS':
      return { lines: [tagged(tag, 'starttls.no')] };
    case 'LOGIN':
      return decideLogin(context, tag, command.userid, command.password);
    case 'AUTHENTICATE':
      return decideAuthenticate(context, tag, command.mechanism, command.initialResponse);
    case 'SELECT':
    case 'EXAMINE':
      return decideSelect(context, tag, command.mailbox, command.name === 'EXAMINE');
    case 'CREATE':
    case 'DELETE':
    case 'SUBSCRIBE':
    case 'UNSUBSCRIBE':
      return decideMailboxOperation(context, tag, command.name, command.mailbox);
    case 'RENAME':
      return decideRename(context, tag, command.from, command.to);
    case 'LIST':
    case 'LSUB':
      return decideList(context, command);
    case 'STATUS':
      return decideStatus(context, tag, command.mailbox, command.items);
    case 'APPEND':
      return decideAppend(context, command);
    case 'IDLE':
      return decideIdle(context);
    case 'CHECK':
      return decideCheck(context, tag);
    case 'CLOSE':
      return decideClose(context, tag);
    case 'EXPUNGE':
      return decideExpunge(context, command);
    case 'SEARCH':
      return decideSearch(context, command);
    case 'FETCH':
      return decideFetch(context, command);
    case 'STORE':
      return decideStore(context, command);
    case 'COPY':
    case 'MOVE':
      return decideCopy(context, command);
  }
}

// What a line did to the reader, when it is not a whole command: the go-ahead for a literal, or a refusal.
function readOutcome(read: Exclude<CommandRead, { kind: 'command' }>): Outcome {
  switch (read.kind) {
    case 'continue':
      return { lines: [continuation('literal.continue')] };
    case 'partial':
      return { lines: [] };
    case 'refused': {
      const message = { message: read.message };
      if (read.tag === null) return { lines: [untagged('error.lineTooLongUntagged', message)] };
      // RFC 7889 §4: an APPEND too big for the server is NO [TOOBIG]; every other refusal is BAD (RFC 3501 §7.1.3).
      if (read.refusal === 'literalTooBig' && read.verb === 'APPEND') {
        return { lines: [tagged(read.tag, 'append.tooBig', message, { code: 'TOOBIG' })] };
      }
      const key = read.refusal === 'lineTooLong' ? 'error.lineTooLong' : 'error.literal';
      return { lines: [tagged(read.tag, key, message)] };
    }
  }
}

// What applyOutcome may ask of enqueueActions, for this machine.
type Enqueuer = OutcomeEnqueuer<ServerContext, ImapServerEmitted, ImapServerEvent>;

/** applyOutcome sends the lines with their facts, records the changes and moves the machine. */
function applyOutcome(enqueue: Enqueuer, outcome: Outcome, answers: string | null): void {
  if (outcome.update !== undefined) enqueue.assign(outcome.update);
  for (const line of outcome.lines) emitLine(enqueue, line, answers);
  if (outcome.then !== undefined) enqueue.raise(outcome.then);
}

function emitLine(enqueue: Enqueuer, line: ServerLine, answers: string | null): void {
  enqueue.emit({ type: 'line.send', line: formatLine(line), facts: serverLineFacts(line, answers) });
}

function formatLine(line: ServerLine): string {
  return formatResponse(line.response);
}

/**
 * imapServerMachine runs one server session. Send connection.opened first; lines are handled strictly in order, each
 * command's responses emitted as line.send events before the next line is looked at. After LOGOUT it rests in
 * `logout`, its side closed, until the connection is gone; then, or after any other end, it is `closed`, with how
 * it ended as its output. It never throws on a line.
 */
export const imapServerMachine = setup({
  types: {
    input: {} as ImapServerInput,
    context: {} as ServerContext,
    events: {} as ImapServerEvent,
    emitted: {} as ImapServerEmitted,
    output: {} as { ended: SessionEnd },
  },
  delays: {
    autologout: IMAP_AUTOLOGOUT_MS,
  },
  guards: {
    allowedIn: ({ event }, params: { state: ImapState }) => {
      assertEvent(event, 'command');
      return ALLOWED[params.state].has(event.command.name);
    },
  },
  actions: {
    greet: enqueueActions(({ context, enqueue }) => applyOutcome(enqueue, decideGreeting(context), null)),
    // A line goes to the reader; a whole command is parsed and raised for the chart to route by state.
    readLine: enqueueActions(({ context, event, enqueue }) => {
      const read =
        event.type === 'line.received'
          ? context.reader.push(event.line)
          : context.reader.push({ kind: 'overlong', prefix: '' });
      if (read.kind !== 'command') {
        applyOutcome(enqueue, readOutcome(read), read.kind === 'refused' ? read.verb : null);
        return;
      }
      const parsed = parseCommand(read.text);
      if (!parsed.ok) {
        const message = { message: parsed.message };
        const line =
          parsed.tag === null
            ? untagged('error.untagged', message)
            : tagged(
                parsed.tag,
                parsed.problem === 'unknownCommand' ? 'error.unknownCommand' : 'error.syntax',
                message,
              );
        applyOutcome(enqueue, { lines: [line] }, parsed.verb);
        return;
      }
      enqueue.assign({ answering: { tag: parsed.command.tag, verb: commandVerb(parsed.command) } });
      enqueue.raise({ type: 'command', command: parsed.command });
    }),
    answer: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'command');
      applyOutcome(enqueue, decideCommand(context, event.command), context.answering?.verb ?? null);
    }),
    refuseInState: enqueueActions(({ event, enqueue }, params: { state: ImapState }) => {
      assertEvent(event, 'command');
      const verb = commandVerb(event.command);
      applyOutcome(enqueue, decideWrongState(event.command, verb, params.state), verb);
    }),
    // RFC 3501 §6.2.2: the line after a "+" challenge is the client's response, or "*" to cancel.
    saslLine: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'line.received');
      const tag = context.answering?.tag ?? '*';
      const response = parseSaslResponse(event.line);
      let outcome: Outcome;
      if (response.kind === 'cancel')
        outcome = { lines: [tagged(tag, 'authenticate.cancelled')], then: { type: 'sasl.ended' } };
      else if (response.kind === 'invalid') {
        outcome = {
          lines: [tagged(tag, 'authenticate.badResponse', { message: response.message })],
          then: { type: 'sasl.ended' },
        };
      } else outcome = decidePlain(context, tag, response.base64);
      applyOutcome(enqueue, outcome, 'AUTHENTICATE');
    }),
    saslOverlong: enqueueActions(({ context, enqueue }) => {
      const tag = context.answering?.tag ?? '*';
      const outcome: Outcome = {
        lines: [
          tagged(tag, 'authenticate.badResponse', {
            message: 'the response is longer than this server reads',
          }),
        ],
        then: { type: 'sasl.ended' },
      };
      applyOutcome(enqueue, outcome, 'AUTHENTICATE');
    }),
    // RFC 2177 §3: DONE ends IDLE.
    idleLine: enqueueActions(({ context, event, enqueue }) => {
      const done = event.type === 'line.received' && isIdleDone(event.line);
      applyOutcome(enqueue, decideIdleLine(context, context.answering?.tag ?? '*', done), 'IDLE');
    }),
    // RFC 2177 §3: while idling, the server tells of changes as soon as they happen.
    sendUpdates: enqueueActions(({ context, enqueue }) => {
      if (context.selected === null) return;
      const update = pendingUpdates(context.selected);
      applyOutcome(enqueue, { lines: update.lines, update: { selected: update.view } }, 'IDLE');
    }),
    sayGoodbye: enqueueActions(({ enqueue }) => emitLine(enqueue, untagged('bye.autologout'), null)),
    cleanUp: assign(({ context }) => endSession(context)),
    forgetAnswering: assign({ answering: null }),
    endAs: assign((_, params: { ended: SessionEnd }) => ({ ended: params.ended })),
    closeConnection: emit({ type: 'connection.close' }),
    logOut: raise({ type: 'session.autologout' }),
  },
}).createMachine({
  id: 'imapServer',
  context: ({ input }) => ({
    ...input,
    reader: new CommandReader(input.limits),
    account: null,
    selected: null,
    answering: null,
    ended: null,
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
        // A client that vanishes mid-literal, mid-IDLE or mid-AUTHENTICATE loses nothing: nothing was half-done.
        'connection.closed': {
          target: 'closed',
          actions: ['cleanUp', { type: 'endAs', params: { ended: 'connectionLost' } }],
        },
        // RFC 3501 §5.4: the server may close a session idle for too long, with an untagged BYE (§7.1.5).
        'session.autologout': {
          target: 'closed',
          actions: [
            'sayGoodbye',
            'cleanUp',
            { type: 'endAs', params: { ended: 'autologout' } },
            'closeConnection',
          ],
        },
        // RFC 3501 §6.1.3: LOGOUT sends BYE and the tagged OK, then the server closes.
        logout: {
          target: 'logout',
          actions: ['cleanUp', { type: 'endAs', params: { ended: 'logout' } }, 'closeConnection'],
        },
      },
      states: {
        protocol: {
          initial: 'notAuthenticated',
          on: {
            'line.received': { actions: 'readLine' },
            'line.overlong': { actions: 'readLine' },
          },
          states: {
            // RFC 3501 §3.1: the client must supply credentials before most commands.
            notAuthenticated: {
              initial: 'ready',
              on: {
                command: [
                  { guard: { type: 'allowedIn', params: { state: 'notAuthenticated' } }, actions: 'answer' },
                  { actions: { type: 'refuseInState', params: { state: 'notAuthenticated' } } },
                ],
                'auth.succeeded': { target: 'authenticated' },
              },
              states: {
                ready: {
                  on: { 'sasl.started': { target: 'authenticating' } },
                },
                // RFC 3501 §6.2.2: every line is the client's answer to the "+" challenge until the exchange ends.
                authenticating: {
                  on: {
                    'line.received': { actions: 'saslLine' },
                    'line.overlong': { actions: 'saslOverlong' },
                    'sasl.ended': { target: 'ready', actions: 'forgetAnswering' },
                  },
                },
              },
            },
            // RFC 3501 §3.2: a mailbox must be selected before the commands that act on messages.
            authenticated: {
              initial: 'ready',
              on: {
                command: [
                  { guard: { type: 'allowedIn', params: { state: 'authenticated' } }, actions: 'answer' },
                  { actions: { type: 'refuseInState', params: { state: 'authenticated' } } },
                ],
                'mailbox.selected': { target: 'selected' },
              },
              states: {
                ready: { on: { 'idle.started': { target: 'idle' } } },
                idle: {
                  on: {
                    'line.received': { actions: 'idleLine' },
                    'line.overlong': { actions: 'idleLine' },
                    'idle.ended': { target: 'ready', actions: 'forgetAnswering' },
                  },
                },
              },
            },
            // RFC 3501 §3.3: a mailbox is selected; a failed SELECT or CLOSE returns to authenticated.
            selected: {
              initial: 'ready',
              on: {
                command: [
                  { guard: { type: 'allowedIn', params: { state: 'selected' } }, actions: 'answer' },
                  { actions: { type: 'refuseInState', params: { state: 'selected' } } },
                ],
                'mailbox.selected': { target: 'selected', reenter: true },
                'mailbox.deselected': { target: 'authenticated' },
              },
              states: {
                ready: { on: { 'idle.started': { target: 'idle' } } },
                // RFC 2177: untagged updates go out as soon as the backend says something changed.
                idle: {
                  entry: 'sendUpdates',
                  on: {
                    'line.received': { actions: 'idleLine' },
                    'line.overlong': { actions: 'idleLine' },
                    'mailbox.changed': { actions: 'sendUpdates' },
                    'idle.ended': { target: 'ready', actions: 'forgetAnswering' },
                  },
                },
              },
            },
          },
        },
        // RFC 3501 §5.4: an autologout timer of at least 30 minutes, reset by anything the client sends.
        autologout: {
          initial: 'running',
          states: {
            running: {
              on: {
                'line.received': { target: 'running', reenter: true },
                'line.overlong': { target: 'running', reenter: true },
              },
              after: { autologout: { actions: 'logOut' } },
            },
          },
        },
      },
    },
    // RFC 3501 §3.4: the connection is being closed.
    logout: {
      on: { 'connection.closed': { target: 'closed' } },
    },
    closed: { type: 'final' },
  },
  output: ({ context }) => ({ ended: context.ended ?? 'connectionLost' }),
});
