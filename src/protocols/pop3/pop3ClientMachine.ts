// The client side of one POP3 connection (RFC 1939) as a sans-I/O machine: a mail reader fetching new mail. It
// reads response lines and emits command lines, and outputs the messages it retrieved.
import { assertEvent, assign, emit, enqueueActions, setup } from 'xstate';
import type { ClientLineFacts, SentLine } from '../shared/lineFacts.ts';
import {
  linesWhile,
  receivedLines,
  runOf,
  type LineReader,
  type LinesReceived,
} from '../shared/lineReader.ts';
import { apopDigest, greetingTimestamp } from './apop.ts';
import {
  bodyLines,
  listMessages,
  messageKey,
  parseDropListing,
  parseListings,
  readResponseLines,
} from './clientResponses.ts';
import type {
  ClientEnd,
  ListedMessage,
  OpenResponse,
  Pop3ClientOutput,
  Response,
  RetrievedMessage,
} from './clientResponses.ts';
import { formatCommand } from './commands.ts';
import type { ClientCommand } from './commands.ts';
import { POP3_TIMERS } from './limits.ts';
import { clientCommandFacts } from './lineFacts.ts';

export type { ListedMessage, Pop3ClientOutput, Response, RetrievedMessage } from './clientResponses.ts';

/** Pop3ClientInput is one visit to the maildrop: who we are, what we already have, and whether to delete. */
export interface Pop3ClientInput {
  readonly user: string;
  /** The password for PASS, which is also the secret shared for APOP. */
  readonly password: string;
  /** Log in with APOP when the greeting carries a timestamp (RFC 1939 §7); USER and PASS otherwise. */
  readonly apop: boolean;
  /** Unique-ids of the messages downloaded before; they are not fetched again (RFC 1939 §8). */
  readonly seen: readonly string[];
  /** Download-and-delete: DELE each message retrieved, so that QUIT removes it. Download-and-keep otherwise. */
  readonly deleteRetrieved: boolean;
}

/** Pop3ClientEmitted is what the client emits: one command line (without CRLF) at a time with its facts, then a close. */
export type Pop3ClientEmitted = SentLine<ClientLineFacts> | { type: 'connection.close' };

/**
 * Pop3ClientEvent is what the I/O layer sends in: the connection opening and closing, and each received line
 * without its CRLF (line.overlong for one over the limit), or what pop3ClientReader makes of the lines that arrived
 * together: a whole response as response.ok or response.err, the lines of one cut across segments as
 * lines.received. Responses assembled from lines, and response.malformed, are raised inside.
 */
export type Pop3ClientEvent =
  | { type: 'connection.opened' }
  | { type: 'line.received'; line: string }
  | LinesReceived
  | { type: 'line.overlong' }
  | { type: 'connection.closed' }
  | { type: 'response.ok'; response: Response }
  | { type: 'response.err'; response: Response }
  | { type: 'response.malformed' };

interface ClientContext extends Pop3ClientInput {
  readonly timestamp: string | null;
  /** The multi-line response half read (RFC 1939 §3), its body appended in place. */
  readonly partial: OpenResponse | null;
  readonly count: number;
  readonly uids: ReadonlyMap<number, string> | null;
  readonly listing: readonly ListedMessage[];
  /** The messages still to fetch, the first being fetched now. */
  readonly queue: readonly ListedMessage[];
  readonly retrieved: readonly RetrievedMessage[];
  readonly marked: readonly string[];
  readonly authorized: boolean;
  readonly ended: ClientEnd;
  readonly updated: boolean;
}

function send(command: ClientCommand): SentLine<ClientLineFacts> {
  return { type: 'line.send', line: formatCommand(command), facts: clientCommandFacts(command) };
}

// The states whose +OK begins a multi-line response (RFC 1939 §3); the reader reads it from the snapshot.
const MULTI_LINE = 'multiLine';

function responseEvent(response: Response): Pop3ClientEvent {
  return { type: response.ok ? 'response.ok' : 'response.err', response };
}

/** ClientReading is what pop3ClientReader reads of the client's snapshot: its tags and the response half read. */
export interface ClientReading {
  hasTag(tag: string): boolean;
  readonly context: { readonly partial: OpenResponse | null };
}

/**
 * pop3ClientReader is how the I/O layer hands response lines to the client, one event a response: the lines of a
 * response that arrived together go in as the response they make, since the client acts only on whole responses;
 * the line after a response's last starts the next event, as the response before it changes state. The lines of a
 * response cut across segments, or a line that is no status line, go in as the lines they are, for the chart to
 * assemble or refuse.
 */
export const pop3ClientReader: LineReader<Pop3ClientEvent, ClientReading> = (snapshot, items, from) => {
  // The client's framer does not split at a bare LF, so what is not a line is one over the limit.
  const whole = linesWhile(items, from, () => true);
  if (whole === 0) return { event: { type: 'line.overlong' }, count: 1 };
  const { lines } = runOf(items, from, whole).event;
  const open = snapshot.context.partial;
  if (open !== null) {
    const { count, ended } = bodyLines(lines, 0);
    return runOf(items, from, ended ? count + 1 : count);
  }
  const reading = readResponseLines(null, lines, snapshot.hasTag(MULTI_LINE));
  return reading.kind === 'complete'
    ? { event: responseEvent(reading.response), count: reading.read }
    : runOf(items, from, reading.read);
};

function responseOf(event: Pop3ClientEvent): Response {
  assertEvent(event, ['response.ok', 'response.err']);
  return event.response;
}

// Without LIST or UIDL the client still knows the count; a message with a seen unique-id is not fetched again.
function retrievalPlan(
  context: ClientContext,
  event: Pop3ClientEvent,
): { listing: readonly ListedMessage[]; queue: readonly ListedMessage[] } {
  const sizes = event.type === 'response.ok' ? parseListings(event.response.body) : null;
  const listing = listMessages(context.count, context.uids, sizes);
  const seen = new Set(context.seen);
  return { listing, queue: listing.filter((message) => message.uid === null || !seen.has(message.uid)) };
}

const TIMEOUT = { response: { target: '#pop3Client.done', actions: 'timedOut' } } as const;
// A refused USER, PASS or APOP ends the visit with QUIT (RFC 1939 §4); APOP and PASS, once accepted, both lead to
// the TRANSACTION state, where the client first asks STAT.
const LOGIN_REFUSED = {
  target: '#pop3Client.quitting',
  actions: [{ type: 'endAs', params: { ended: 'authFailed' } }, 'sendQuit'],
} as const;
// Where a message that is done with leads: RETR of the next in the queue, or QUIT when none is left (RFC 1939 §5,
// §6). `done` are the actions that finish the message before `advance` drops it from the queue.
function nextMessage<const TDone extends readonly string[]>(...done: TDone) {
  return [
    {
      guard: 'queuesMore',
      target: '#pop3Client.retr',
      reenter: true,
      actions: [...done, 'advance', 'sendRetr'],
    },
    { target: '#pop3Client.quitting', actions: [...done, 'advance', 'sendQuit'] },
  ] as const;
}
// After LIST (or its refusal) the plan is made: RETR of the first message to fetch, or QUIT when there is none.
const FIRST_MESSAGE = [
  { guard: 'plansRetrieval', target: '#pop3Client.retr', actions: ['planRetrieval', 'sendRetr'] },
  { target: '#pop3Client.quitting', actions: ['planRetrieval', 'sendQuit'] },
] as const;
const AUTHORIZING = {
  on: {
    'response.ok': { target: '#pop3Client.stat', actions: ['noteAuthorized', 'sendStat'] },
    'response.err': LOGIN_REFUSED,
  },
  after: TIMEOUT,
} as const;

/**
 * pop3ClientMachine fetches new mail. Send connection.opened, then each response line as line.received; it emits
 * APOP (or USER and PASS), STAT, UIDL, LIST, RETR for each message whose unique-id is not in `seen`, DELE after
 * each in download-and-delete mode, and QUIT; then it closes. It ends in `done`, whose output holds the messages.
 */
export const pop3ClientMachine = setup({
  types: {
    input: {} as Pop3ClientInput,
    context: {} as ClientContext,
    events: {} as Pop3ClientEvent,
    emitted: {} as Pop3ClientEmitted,
    output: {} as Pop3ClientOutput,
  },
  delays: {
    response: POP3_TIMERS.response,
  },
  guards: {
    // Read from the greeting itself: guards run before the actions that note the timestamp.
    usesApop: ({ context, event }) => context.apop && greetingTimestamp(responseOf(event).text) !== null,
    // Guards run before the actions, so these read the response (or the queue) as the actions are about to.
    listsNoMessages: ({ event }) => parseDropListing(responseOf(event).text)?.count === 0,
    plansRetrieval: ({ context, event }) => retrievalPlan(context, event).queue.length > 0,
    queuesMore: ({ context }) => context.queue.length > 1,
    deletes: ({ context }) => context.deleteRetrieved,
    isDropListing: ({ event }) => parseDropListing(responseOf(event).text) !== null,
  },
  actions: {
    // The lines of one response at most (pop3ClientReader ends a run where a response ends; a plain line is one).
    readLines: enqueueActions(({ context, event, enqueue }, params: { multiLine: boolean }) => {
      assertEvent(event, ['line.received', 'lines.received']);
      const reading = readResponseLines(context.partial, receivedLines(event), params.multiLine);
      if (reading.kind === 'malformed') enqueue.raise({ type: 'response.malformed' });
      else if (reading.kind === 'complete') {
        if (context.partial !== null) enqueue.assign({ partial: null });
        enqueue.raise(responseEvent(reading.response));
      } else if (context.partial === null) enqueue.assign({ partial: reading.open });
    }),
    noteTimestamp: assign({ timestamp: ({ event }) => greetingTimestamp(responseOf(event).text) }),
    sendApop: emit(({ context }) =>
      send({
        verb: 'APOP',
        name: context.user,
        digest: apopDigest(context.timestamp ?? '', context.password),
      }),
    ),
    sendUser: emit(({ context }) => send({ verb: 'USER', name: context.user })),
    sendPass: emit(({ context }) => send({ verb: 'PASS', password: context.password })),
    noteAuthorized: assign({ authorized: true }),
    sendStat: emit(send({ verb: 'STAT' })),
    noteCount: assign({ count: ({ event }) => parseDropListing(responseOf(event).text)?.count ?? 0 }),
    sendUidl: emit(send({ verb: 'UIDL', message: null })),
    noteUids: assign({ uids: ({ event }) => parseListings(responseOf(event).body) }),
    sendList: emit(send({ verb: 'LIST', message: null })),
    planRetrieval: assign(({ context, event }) => retrievalPlan(context, event)),
    sendRetr: emit(({ context }) => send({ verb: 'RETR', message: context.queue[0]?.msg ?? 0 })),
    keepMessage: assign(({ context, event }) => {
      const message = context.queue[0];
      if (message === undefined) return {};
      const data = responseOf(event)
        .body.map((line) => line + '\r\n')
        .join('');
      return { retrieved: [...context.retrieved, { ...message, data }] };
    }),
    sendDele: emit(({ context }) => send({ verb: 'DELE', message: context.queue[0]?.msg ?? 0 })),
    noteMarked: assign(({ context }) => {
      const message = context.queue[0];
      return message === undefined ? {} : { marked: [...context.marked, messageKey(message)] };
    }),
    advance: assign(({ context }) => ({ queue: context.queue.slice(1) })),
    sendQuit: emit(send({ verb: 'QUIT' })),
    endAs: assign((_, params: { ended: ClientEnd }) => ({ ended: params.ended })),
    // RFC 1939 §6: +OK to QUIT in the TRANSACTION state says the UPDATE removed every marked message.
    noteUpdated: assign(({ context, event }) => ({
      updated: context.authorized && event.type === 'response.ok',
    })),
    closeConnection: emit({ type: 'connection.close' }),
    abandon: enqueueActions(({ enqueue }) => {
      enqueue.assign({ ended: 'protocolError', partial: null });
      enqueue.emit({ type: 'connection.close' });
    }),
    timedOut: enqueueActions(({ enqueue }) => {
      enqueue.assign({ ended: 'timeout' });
      enqueue.emit({ type: 'connection.close' });
    }),
  },
}).createMachine({
  id: 'pop3Client',
  context: ({ input }) => ({
    ...input,
    timestamp: null,
    partial: null,
    count: 0,
    uids: null,
    listing: [],
    queue: [],
    retrieved: [],
    marked: [],
    authorized: false,
    ended: 'quit',
    updated: false,
  }),
  initial: 'connecting',
  on: {
    'line.received': { actions: { type: 'readLines', params: { multiLine: false } } },
    'lines.received': { actions: { type: 'readLines', params: { multiLine: false } } },
    'line.overlong': { target: '.done', actions: 'abandon' },
    'response.malformed': { target: '.done', actions: 'abandon' },
    'connection.closed': { target: '.done', actions: { type: 'endAs', params: { ended: 'connectionLost' } } },
  },
  states: {
    connecting: {
      on: { 'connection.opened': { target: 'greeting' } },
    },
    // RFC 1939 §4: the server speaks first, with a positive greeting.
    greeting: {
      on: {
        'response.ok': [
          { guard: 'usesApop', target: 'apop', actions: ['noteTimestamp', 'sendApop'] },
          { target: 'user', actions: ['noteTimestamp', 'sendUser'] },
        ],
        'response.err': {
          target: 'quitting',
          actions: [{ type: 'endAs', params: { ended: 'refused' } }, 'sendQuit'],
        },
      },
      after: TIMEOUT,
    },
    // RFC 1939 §7: APOP, or USER then PASS; a refusal ends the visit with QUIT (§4).
    apop: AUTHORIZING,
    user: {
      on: {
        'response.ok': { target: 'pass', actions: 'sendPass' },
        'response.err': LOGIN_REFUSED,
      },
      after: TIMEOUT,
    },
    pass: AUTHORIZING,
    // RFC 1939 §5: the drop listing; an empty maildrop needs nothing more.
    stat: {
      on: {
        // A drop listing that is not "nn mm" leaves nothing to trust: the session ends as a protocol error.
        'response.ok': [
          { guard: 'listsNoMessages', target: 'quitting', actions: ['noteCount', 'sendQuit'] },
          { guard: 'isDropListing', target: 'uidl', actions: ['noteCount', 'sendUidl'] },
          { target: 'done', actions: 'abandon' },
        ],
        'response.err': { target: 'quitting', actions: 'sendQuit' },
      },
      after: TIMEOUT,
    },
    // RFC 1939 §7: UIDL is optional; without it every message counts as new.
    uidl: {
      tags: [MULTI_LINE],
      on: {
        'line.received': { actions: { type: 'readLines', params: { multiLine: true } } },
        'lines.received': { actions: { type: 'readLines', params: { multiLine: true } } },
        'response.ok': { target: 'list', actions: ['noteUids', 'sendList'] },
        'response.err': { target: 'list', actions: 'sendList' },
      },
      after: TIMEOUT,
    },
    list: {
      tags: [MULTI_LINE],
      on: {
        'line.received': { actions: { type: 'readLines', params: { multiLine: true } } },
        'lines.received': { actions: { type: 'readLines', params: { multiLine: true } } },
        'response.ok': FIRST_MESSAGE,
        'response.err': FIRST_MESSAGE,
      },
      after: TIMEOUT,
    },
    // RFC 1939 §5: RETR brings the message; a refusal skips it.
    retr: {
      tags: [MULTI_LINE],
      on: {
        'line.received': { actions: { type: 'readLines', params: { multiLine: true } } },
        'lines.received': { actions: { type: 'readLines', params: { multiLine: true } } },
        'response.ok': [
          { guard: 'deletes', target: 'dele', actions: ['keepMessage', 'sendDele'] },
          ...nextMessage('keepMessage'),
        ],
        'response.err': nextMessage(),
      },
      after: TIMEOUT,
    },
    // RFC 1939 §5: DELE only marks the message; QUIT removes it.
    dele: {
      on: {
        'response.ok': nextMessage('noteMarked'),
        'response.err': nextMessage(),
      },
      after: TIMEOUT,
    },
    // RFC 1939 §4, §6: QUIT; in the TRANSACTION state its response says whether UPDATE succeeded.
    quitting: {
      on: {
        'response.ok': { target: 'done', actions: ['noteUpdated', 'closeConnection'] },
        'response.err': { target: 'done', actions: ['noteUpdated', 'closeConnection'] },
      },
      after: TIMEOUT,
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({
    ended: context.ended,
    listing: context.listing,
    messages: context.retrieved,
    marked: context.marked,
    updated: context.updated,
  }),
});
