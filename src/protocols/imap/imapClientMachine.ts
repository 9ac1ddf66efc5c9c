// The client side of one IMAP4rev1 connection (RFC 3501, with IDLE of RFC 2177 and MOVE of RFC 6851) as a
// sans-I/O machine: a mail reader that logs in, then runs the jobs it is given one command at a time.
import { assertEvent, assign, enqueueActions, setup } from 'xstate';
import { encodePlainResponse } from '../smtp/sasl.ts';
import type { ClientLineFacts, SentLine } from '../shared/lineFacts.ts';
import { type ImapJob, nextJob } from './clientJobs.ts';
import { applyUntagged, type MailboxState, type MailboxUpdate, newMailbox } from './clientMailbox.ts';
import { jobResult } from './clientResults.ts';
import { continuationFacts, IDLE_DONE_FACTS } from './clientLineFacts.ts';
import {
  type ClientContext,
  commandLines,
  hasCapability,
  IMAP_CLIENT_TIMERS,
  type ImapClientEmitted,
  type ImapClientEnd,
  type ImapClientEvent,
  type ImapClientInput,
  type ImapClientOutput,
  pendingFailures,
  type Tagged,
  tagOf,
  type Untagged,
} from './clientSession.ts';
import { type CommandName, commandVerb, type ImapCommandBody } from './commandTypes.ts';
import { IDLE_DONE } from './formatCommand.ts';
import { parseResponse } from './parseResponse.ts';
import { ResponseReader } from './reader.ts';

export type { ImapJob, JobFailure } from './clientJobs.ts';
export type { MailboxUpdate } from './clientMailbox.ts';
export type { Folder, ImapResult, MessageSummary } from './clientResults.ts';
export type {
  ImapClientEmitted,
  ImapClientEnd,
  ImapClientEvent,
  ImapClientInput,
  ImapClientOutput,
} from './clientSession.ts';
export { IMAP_CLIENT_TIMERS } from './clientSession.ts';

function taggedOf(event: ImapClientEvent): Tagged {
  assertEvent(event, 'response.tagged');
  return event.response;
}

function untaggedOf(event: ImapClientEvent): Untagged {
  assertEvent(event, 'response.untagged');
  return event.response;
}

// Whether an update is the answer to the command in flight: FETCH data to a FETCH or STORE (RFC 3501 §6.4.6),
// an EXPUNGE to an EXPUNGE or MOVE (RFC 6851 §3.3).
function causedBy(step: CommandName | undefined, update: MailboxUpdate): boolean {
  if (update.kind === 'flags') return step === 'FETCH' || step === 'STORE';
  if (update.kind === 'expunge') return step === 'EXPUNGE' || step === 'MOVE';
  return false;
}

// The capabilities a response names: a CAPABILITY response, or a CAPABILITY code in a status (RFC 3501 §7.1).
function capabilitiesIn(response: Tagged | Untagged, known: readonly string[]): readonly string[] {
  if (response.kind === 'capability') return response.capabilities;
  if ((response.kind === 'untagged' || response.kind === 'tagged') && response.code?.code === 'CAPABILITY')
    return response.code.capabilities;
  return known;
}

// RFC 3501 §6.3.1: the answer to SELECT describes the mailbox now selected; a failed SELECT leaves none.
function mailboxAfter(
  mailbox: MailboxState | null,
  step: ImapCommandBody | undefined,
  response: Tagged,
): MailboxState | null {
  if (step?.name !== 'SELECT') return mailbox;
  return response.status === 'OK' && mailbox !== null
    ? { ...applyUntagged(mailbox, response).mailbox, opened: true }
    : null;
}

// RFC 3501 §6.3.1: SELECT deselects the mailbox at once; the answer to it describes the new one.
function mailboxAtStart(
  job: ImapJob,
  first: ImapCommandBody,
  mailbox: MailboxState | null,
): MailboxState | null {
  return first.name === 'SELECT' && 'mailbox' in job ? newMailbox(job.mailbox) : mailbox;
}

/** Place is a state the session settles in between events: one where a command waits, LOGOUT, or ready. */
type Place =
  | 'authenticated.ready'
  | 'authenticated.busy'
  | 'selected.ready'
  | 'selected.busy'
  | 'selected.idling'
  | 'logout';

// Where a command waits: IDLE watches the selected mailbox (RFC 2177 §3); any other command, or the wait for a
// job, is in `selected` once a mailbox is (a SELECT still unanswered has not selected one yet).
function placeOf(step: CommandName | null, mailbox: MailboxState | null): Place {
  if (step === 'IDLE') return 'selected.idling';
  if (mailbox?.opened === true) return step === null ? 'selected.ready' : 'selected.busy';
  return step === null ? 'authenticated.ready' : 'authenticated.busy';
}

// Where the session goes when nothing is running: LOGOUT, the next job's first command, or ready for a job.
function queuePlace(
  queue: readonly ImapJob[],
  mailbox: MailboxState | null,
  capabilities: readonly string[],
): Place {
  const { taken } = nextJob(queue, mailbox, capabilities);
  if (taken.kind === 'logout') return 'logout';
  if (taken.kind === 'wait') return placeOf(null, mailbox);
  const [first] = taken.steps;
  return placeOf(first.name, mailboxAtStart(taken.job, first, mailbox));
}

// Where an event that ends a step, the login or the wait for a job leads. Guards run before the actions, so this
// reads the session as the actions are about to leave it, with the same functions they use.
function nextPlace(context: ClientContext, event: ImapClientEvent): Place {
  const running = context.running;
  if (event.type === 'response.tagged' && running !== null) {
    const mailbox = mailboxAfter(context.mailbox, running.steps[running.index], event.response);
    const next = event.response.status === 'OK' ? running.steps[running.index + 1] : undefined;
    if (next !== undefined) return placeOf(next.name, mailbox);
    return queuePlace(context.queue, mailbox, context.capabilities);
  }
  if (event.type === 'job.add')
    return queuePlace([...context.queue, event.job], context.mailbox, context.capabilities);
  // The login's OK or a PREAUTH greeting: the jobs are planned with the capabilities it names.
  if (event.type === 'response.tagged' || event.type === 'response.untagged')
    return queuePlace(context.queue, context.mailbox, capabilitiesIn(event.response, context.capabilities));
  return placeOf(null, context.mailbox);
}

const TIMEOUT = { response: { target: '#imapClient.done', actions: 'timedOut' } } as const;

// The guard that says a place comes next, and whether entering it starts a command's response timer anew.
const PLACES = {
  'selected.idling': { guard: 'idlesNext', reenter: true },
  'selected.busy': { guard: 'runsInMailboxNext', reenter: true },
  'authenticated.busy': { guard: 'runsNext', reenter: true },
  logout: { guard: 'logsOutNext', reenter: false },
  'selected.ready': { guard: 'waitsInMailboxNext', reenter: false },
  'authenticated.ready': { guard: 'waitsNext', reenter: false },
} as const;

// Where the session goes once a step, the login or the wait for a job is done with (RFC 3501 §3): straight to
// the state the next command waits in (the job's next step, or the next job's first), to LOGOUT, or to ready.
// `places` are those the source can lead to, the last taken when no other is next. `done` are the actions that
// finish what was done; takeNextJob then takes the next job if nothing runs. A command that follows one in the
// same state re-enters it, so its response timer starts anew.
function onward<const TDone extends readonly string[]>(places: readonly Place[], ...done: TDone) {
  return places.map((place, index) => ({
    ...(index < places.length - 1 ? { guard: PLACES[place].guard } : {}),
    target: `#imapClient.${place}` as const,
    reenter: PLACES[place].reenter,
    actions:
      place === 'logout'
        ? ([...done, 'takeNextJob', 'sendLogout'] as const)
        : ([...done, 'takeNextJob'] as const),
  }));
}

// Without a mailbox (after the login, or in `authenticated`) no command can be IDLE's or run in `selected`
// next: a job that needs a mailbox starts with SELECT.
const FROM_AUTHENTICATED = ['authenticated.busy', 'logout', 'authenticated.ready'] as const;
// With a mailbox open, it stays open until the next SELECT is answered (RFC 3501 §6.3.1).
const FROM_SELECTED = [
  'selected.idling',
  'selected.busy',
  'authenticated.busy',
  'logout',
  'selected.ready',
] as const;
// A step's answer may open a mailbox (SELECT), close it (a refused SELECT), or neither.
const FROM_STEP = [
  'selected.idling',
  'selected.busy',
  'authenticated.busy',
  'logout',
  'selected.ready',
  'authenticated.ready',
] as const;

const BUSY = {
  on: {
    'response.tagged': [
      { guard: 'isStranger', target: '#imapClient.done', actions: 'abandon' },
      ...onward(FROM_STEP, 'finishStep'),
    ],
    'response.continue': { actions: 'sendContinuation' },
  },
  after: TIMEOUT,
} as const;

// Waiting for the answer to LOGIN (RFC 3501 §6.2.3) or to AUTHENTICATE (§6.2.2): the two log in, or fail, alike.
const LOGGING_IN = {
  on: {
    'response.continue': { actions: 'sendContinuation' },
    'response.tagged': [
      { guard: 'isNotSessionAnswer', target: '#imapClient.done', actions: 'abandon' },
      { guard: 'isRefused', target: '#imapClient.logout', actions: ['failLogin', 'sendLogout'] },
      ...onward(FROM_AUTHENTICATED, 'noteLoginCapabilities'),
    ],
  },
  after: TIMEOUT,
} as const;

/**
 * imapClientMachine reads mail over IMAP. Send connection.opened, then each line as line.received, and jobs
 * (in the input or as job.add). It waits for the greeting, asks for CAPABILITY, logs in with LOGIN (or
 * AUTHENTICATE PLAIN when the server says LOGINDISABLED), then runs each job in turn, emitting `imap.result`
 * or `imap.failed` for each and `imap.update` for what the selected mailbox hears meanwhile. An `idle` job
 * lasts until the next job arrives. A `logout` job ends the session; the machine ends in `done`.
 */
export const imapClientMachine = setup({
  types: {
    input: {} as ImapClientInput,
    context: {} as ClientContext,
    events: {} as ImapClientEvent,
    emitted: {} as ImapClientEmitted,
    output: {} as ImapClientOutput,
  },
  delays: {
    response: IMAP_CLIENT_TIMERS.response,
    idleRefresh: IMAP_CLIENT_TIMERS.idleRefresh,
  },
  guards: {
    isRefused: ({ event }) => taggedOf(event).status !== 'OK',
    isGreetingOk: ({ event }) => {
      const response = untaggedOf(event);
      return response.kind === 'untagged' && response.status === 'OK';
    },
    isNotPreauth: ({ event }) => {
      const response = untaggedOf(event);
      return response.kind !== 'untagged' || response.status !== 'PREAUTH';
    },
    isBye: ({ event }) => {
      const response = untaggedOf(event);
      return response.kind === 'untagged' && response.status === 'BYE';
    },
    isSessionAnswer: ({ context, event }) => taggedOf(event).tag === context.sessionTag,
    isNotSessionAnswer: ({ context, event }) => taggedOf(event).tag !== context.sessionTag,
    // RFC 3501 §6.2.3: LOGINDISABLED forbids LOGIN; AUTHENTICATE PLAIN is the way in that needs no more.
    loginDisabled: ({ context }) => hasCapability(context.capabilities, 'LOGINDISABLED'),
    canAuthenticate: ({ context }) =>
      hasCapability(context.capabilities, 'LOGINDISABLED') &&
      hasCapability(context.capabilities, 'AUTH=PLAIN'),
    isStranger: ({ context, event }) => taggedOf(event).tag !== context.running?.tag,
    // Where a finished step, the login or a new job leads (see onward).
    idlesNext: ({ context, event }) => nextPlace(context, event) === 'selected.idling',
    runsInMailboxNext: ({ context, event }) => nextPlace(context, event) === 'selected.busy',
    runsNext: ({ context, event }) => nextPlace(context, event) === 'authenticated.busy',
    logsOutNext: ({ context, event }) => nextPlace(context, event) === 'logout',
    waitsInMailboxNext: ({ context, event }) => nextPlace(context, event) === 'selected.ready',
    waitsNext: ({ context, event }) => nextPlace(context, event) === 'authenticated.ready',
  },
  actions: {
    readLine: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, ['line.received', 'line.overlong']);
      const read = context.reader.push(
        event.type === 'line.received' ? event.line : { kind: 'overlong', prefix: '' },
      );
      if (read.kind === 'partial') return;
      if (read.kind === 'refused') {
        enqueue.raise({ type: 'response.malformed', message: read.message });
        return;
      }
      const parsed = parseResponse(read.text);
      if (!parsed.ok) {
        // RFC 3501 §7: a client must cope with untagged data it does not know; anything else is broken.
        if (!read.text.startsWith('* '))
          enqueue.raise({ type: 'response.malformed', message: parsed.message });
        return;
      }
      const response = parsed.value;
      if (response.kind === 'tagged') enqueue.raise({ type: 'response.tagged', response });
      else if (response.kind === 'continue') enqueue.raise({ type: 'response.continue', response });
      else enqueue.raise({ type: 'response.untagged', response });
    }),
    noteUntagged: enqueueActions(({ context, event, enqueue }) => {
      const response = untaggedOf(event);
      const capabilities = capabilitiesIn(response, context.capabilities);
      if (capabilities !== context.capabilities) enqueue.assign({ capabilities });
      if (response.kind === 'untagged' && response.status === 'BYE' && !context.loggingOut)
        enqueue.assign({ ended: 'bye' });
      const running = context.running;
      if (running !== null)
        enqueue.assign({ running: { ...running, responses: [...running.responses, response] } });
      const mailbox = context.mailbox;
      if (mailbox === null) return;
      const applied = applyUntagged(mailbox, response);
      enqueue.assign({ mailbox: applied.mailbox });
      // Anything while SELECT runs describes the mailbox, and what our own command caused is its answer: only
      // the rest is news (mail arriving, another session's change).
      const step = running?.steps[running.index]?.name;
      const update = applied.update;
      if (update !== null && mailbox.opened && !causedBy(step, update))
        enqueue.emit({ type: 'imap.update', mailbox: mailbox.name, update });
    }),
    sendCapability: enqueueActions(({ context, enqueue }) => {
      const tag = tagOf(context.tags + 1);
      enqueue.assign({ tags: context.tags + 1, sessionTag: tag });
      for (const line of commandLines(tag, { name: 'CAPABILITY' })[0] ?? []) enqueue.emit(line);
    }),
    sendLogin: enqueueActions(({ context, enqueue }) => {
      const tag = tagOf(context.tags + 1);
      const [first = [], ...rest] = commandLines(tag, {
        name: 'LOGIN',
        userid: context.user,
        password: context.password,
      });
      enqueue.assign({ tags: context.tags + 1, sessionTag: tag, afterContinue: rest });
      for (const line of first) enqueue.emit(line);
    }),
    sendAuthenticate: enqueueActions(({ context, enqueue }) => {
      const tag = tagOf(context.tags + 1);
      const [first = []] = commandLines(tag, {
        name: 'AUTHENTICATE',
        mechanism: 'PLAIN',
        initialResponse: null,
      });
      // RFC 4616 §2: the PLAIN message goes after the server's empty "+" challenge.
      const response: SentLine<ClientLineFacts> = {
        type: 'line.send',
        line: encodePlainResponse(context.user, context.password),
        facts: continuationFacts(true),
      };
      enqueue.assign({ tags: context.tags + 1, sessionTag: tag, afterContinue: [[response]] });
      for (const line of first) enqueue.emit(line);
    }),
    sendContinuation: enqueueActions(({ context, enqueue }) => {
      const [next, ...rest] = context.afterContinue;
      if (next === undefined) return;
      enqueue.assign({ afterContinue: rest });
      for (const line of next) enqueue.emit(line);
    }),
    noteLoginCapabilities: assign(({ context, event }) => ({
      capabilities: capabilitiesIn(taggedOf(event), context.capabilities),
    })),
    failLogin: enqueueActions(({ enqueue, event }) => {
      const response = taggedOf(event);
      enqueue.assign({ ended: 'authFailed', afterContinue: [] });
      enqueue.emit({
        type: 'imap.failed',
        failure: {
          job: null,
          verb: null,
          reason: response.status === 'NO' ? 'NO' : 'BAD',
          text: response.text,
          code: response.code,
        },
      });
    }),
    failNoMechanism: enqueueActions(({ enqueue }) => {
      enqueue.assign({ ended: 'authFailed' });
      enqueue.emit({
        type: 'imap.failed',
        failure: {
          job: null,
          verb: null,
          reason: 'unsupported',
          text: 'the server says LOGINDISABLED and offers no AUTH=PLAIN',
          code: null,
        },
      });
    }),
    queueJob: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'job.add');
      enqueue.assign({ queue: [...context.queue, event.job] });
      // RFC 2177 §3: a new job ends IDLE with DONE, at once if the server has said "+", else when it does.
      const idle = context.running?.idle;
      if (context.running === null || idle === null || idle === undefined || idle.doneSent) return;
      if (idle.accepted) {
        enqueue.emit({ type: 'line.send', line: IDLE_DONE, facts: IDLE_DONE_FACTS });
        enqueue.assign({ running: { ...context.running, idle: { accepted: true, doneSent: true } } });
      }
    }),
    noteIdleAccepted: enqueueActions(({ context, enqueue }) => {
      const running = context.running;
      if (running === null || running.idle === null) return;
      const wanted = context.queue.length > 0;
      if (wanted) enqueue.emit({ type: 'line.send', line: IDLE_DONE, facts: IDLE_DONE_FACTS });
      enqueue.assign({ running: { ...running, idle: { accepted: true, doneSent: wanted } } });
    }),
    // Re-issuing IDLE: DONE now, and the same idle job again first in the queue once IDLE is answered.
    refreshIdle: enqueueActions(({ context, enqueue }) => {
      const running = context.running;
      if (running === null || running.idle === null || running.idle.doneSent) return;
      enqueue.emit({ type: 'line.send', line: IDLE_DONE, facts: IDLE_DONE_FACTS });
      enqueue.assign({
        running: { ...running, idle: { accepted: true, doneSent: true } },
        queue: [running.job, ...context.queue],
      });
    }),
    // With nothing running, the jobs that need no command are reported and the next job's first command goes; a
    // LOGOUT job is left at the queue's head for sendLogout.
    takeNextJob: enqueueActions(({ context, enqueue }) => {
      if (context.running !== null) return;
      const { skipped, taken, queue } = nextJob(context.queue, context.mailbox, context.capabilities);
      for (const skip of skipped) {
        if (skip.kind === 'idled')
          enqueue.emit({ type: 'imap.result', result: { kind: 'idled', mailbox: skip.job.mailbox } });
        else
          enqueue.emit({
            type: 'imap.failed',
            failure: { job: skip.job, verb: null, reason: 'unsupported', text: skip.text, code: null },
          });
      }
      if (taken.kind !== 'start') {
        if (skipped.length > 0) enqueue.assign({ queue });
        return;
      }
      const { job, steps } = taken;
      const first = steps[0];
      const tag = tagOf(context.tags + 1);
      const [lines = [], ...rest] = commandLines(tag, first);
      enqueue.assign({
        queue,
        tags: context.tags + 1,
        afterContinue: rest,
        running: {
          job,
          steps,
          index: 0,
          tag,
          responses: [],
          idle: first.name === 'IDLE' ? { accepted: false, doneSent: false } : null,
        },
        mailbox: mailboxAtStart(job, first, context.mailbox),
      });
      for (const line of lines) enqueue.emit(line);
    }),
    finishStep: enqueueActions(({ context, event, enqueue }) => {
      const response = taggedOf(event);
      const running = context.running;
      if (running === null) return;
      const step = running.steps[running.index];
      const responses = [...running.responses, response];
      const mailbox = mailboxAfter(context.mailbox, step, response);
      enqueue.assign({ mailbox, afterContinue: [] });
      if (response.status !== 'OK') {
        enqueue.assign({ running: null });
        enqueue.emit({
          type: 'imap.failed',
          failure: {
            job: running.job,
            verb: step === undefined ? null : commandVerb(step),
            reason: response.status,
            text: response.text,
            code: response.code,
          },
        });
        return;
      }
      const next = running.steps[running.index + 1];
      if (next === undefined) {
        enqueue.assign({ running: null });
        enqueue.emit({
          type: 'imap.result',
          result: jobResult(running.job, running.steps, responses, mailbox),
        });
        return;
      }
      const tag = tagOf(context.tags + 1);
      const [lines = [], ...rest] = commandLines(tag, next);
      enqueue.assign({
        tags: context.tags + 1,
        afterContinue: rest,
        running: {
          ...running,
          index: running.index + 1,
          tag,
          responses,
          idle: next.name === 'IDLE' ? { accepted: false, doneSent: false } : null,
        },
      });
      for (const line of lines) enqueue.emit(line);
    }),
    sendLogout: enqueueActions(({ context, enqueue }) => {
      const tag = tagOf(context.tags + 1);
      // The queue's head is the logout job, unless the login failed and the client leaves on its own.
      const queue = context.queue[0]?.kind === 'logout' ? context.queue.slice(1) : context.queue;
      enqueue.assign({ tags: context.tags + 1, sessionTag: tag, queue, loggingOut: true });
      for (const line of commandLines(tag, { name: 'LOGOUT' })[0] ?? []) enqueue.emit(line);
    }),
    reportLoggedOut: enqueueActions(({ context, enqueue }) => {
      if (context.ended === 'connectionLost') enqueue.assign({ ended: 'logout' });
      for (const failure of pendingFailures(context, 'connectionLost'))
        enqueue.emit({ type: 'imap.failed', failure });
      if (context.ended === 'connectionLost')
        enqueue.emit({ type: 'imap.result', result: { kind: 'loggedOut' } });
    }),
    endAs: assign((_, params: { ended: ImapClientEnd }) => ({ ended: params.ended })),
    closeConnection: enqueueActions(({ enqueue }) => enqueue.emit({ type: 'connection.close' })),
    connectionLost: enqueueActions(({ context, enqueue }) => {
      for (const failure of pendingFailures(context, 'connectionLost'))
        enqueue.emit({ type: 'imap.failed', failure });
      enqueue.assign({ running: null, queue: [] });
    }),
    abandon: enqueueActions(({ context, enqueue }) => {
      for (const failure of pendingFailures(context, 'protocolError'))
        enqueue.emit({ type: 'imap.failed', failure });
      enqueue.assign({ running: null, queue: [], ended: 'protocolError' });
      enqueue.emit({ type: 'connection.close' });
    }),
    timedOut: enqueueActions(({ context, enqueue }) => {
      for (const failure of pendingFailures(context, 'timeout'))
        enqueue.emit({ type: 'imap.failed', failure });
      enqueue.assign({ running: null, queue: [], ended: 'timeout' });
      enqueue.emit({ type: 'connection.close' });
    }),
  },
}).createMachine({
  id: 'imapClient',
  context: ({ input }) => ({
    user: input.user,
    password: input.password,
    reader: new ResponseReader(),
    tags: 0,
    sessionTag: null,
    capabilities: [],
    queue: input.jobs ?? [],
    running: null,
    mailbox: null,
    afterContinue: [],
    loggingOut: false,
    // Until something else is known, a session that ends has lost its connection.
    ended: 'connectionLost',
  }),
  initial: 'connecting',
  on: {
    'line.received': { actions: 'readLine' },
    'line.overlong': { actions: 'readLine' },
    'response.untagged': { actions: 'noteUntagged' },
    'response.malformed': { target: '.done', actions: 'abandon' },
    // A tagged answer where no command of ours waits for one.
    'response.tagged': { target: '.done', actions: 'abandon' },
    'connection.closed': { target: '.done', actions: 'connectionLost' },
    'job.add': { actions: 'queueJob' },
  },
  states: {
    connecting: {
      on: { 'connection.opened': { target: 'not authenticated' } },
    },
    // RFC 3501 §3.1: the greeting, then CAPABILITY, then LOGIN or AUTHENTICATE.
    'not authenticated': {
      initial: 'greeting',
      states: {
        greeting: {
          on: {
            'response.untagged': [
              {
                guard: 'isBye',
                target: '#imapClient.done',
                actions: [{ type: 'endAs', params: { ended: 'refused' } }, 'closeConnection'],
              },
              { guard: 'isGreetingOk', target: 'capability', actions: ['noteUntagged', 'sendCapability'] },
              { guard: 'isNotPreauth', actions: 'noteUntagged' },
              // RFC 3501 §7.1.4: PREAUTH means already logged in; the jobs start at once.
              ...onward(FROM_AUTHENTICATED, 'noteUntagged'),
            ],
          },
          after: TIMEOUT,
        },
        capability: {
          on: {
            'response.tagged': [
              { guard: 'isNotSessionAnswer', target: '#imapClient.done', actions: 'abandon' },
              { guard: 'canAuthenticate', target: 'authenticating', actions: 'sendAuthenticate' },
              {
                guard: 'loginDisabled',
                target: '#imapClient.logout',
                actions: ['failNoMechanism', 'sendLogout'],
              },
              { target: 'login', actions: 'sendLogin' },
            ],
          },
          after: TIMEOUT,
        },
        login: LOGGING_IN,
        // RFC 3501 §6.2.2 with RFC 4616 PLAIN: one "+" challenge, one response.
        authenticating: LOGGING_IN,
      },
    },
    // RFC 3501 §3.2: logged in, no mailbox selected.
    authenticated: {
      initial: 'ready',
      states: {
        // Waiting for a job.
        ready: { on: { 'job.add': onward(FROM_AUTHENTICATED, 'queueJob') } },
        busy: BUSY,
      },
    },
    // RFC 3501 §3.3: a mailbox is selected; IDLE (RFC 2177) waits here for the mailbox's news.
    selected: {
      initial: 'ready',
      states: {
        // Waiting for a job; only here can IDLE come next, since IDLE watches the selected mailbox (RFC 2177 §3).
        ready: { on: { 'job.add': onward(FROM_SELECTED, 'queueJob') } },
        busy: BUSY,
        idling: {
          on: {
            'response.continue': { actions: 'noteIdleAccepted' },
            'response.tagged': [
              { guard: 'isStranger', target: '#imapClient.done', actions: 'abandon' },
              // IDLE is the last step of its job, so a mailbox stays open after it.
              ...onward(FROM_SELECTED, 'finishStep'),
            ],
          },
          after: { idleRefresh: { actions: 'refreshIdle' } },
        },
      },
    },
    // RFC 3501 §3.4, §6.1.3: LOGOUT is answered by BYE and OK, then the client closes.
    logout: {
      on: {
        'response.tagged': [
          { guard: 'isSessionAnswer', target: 'done', actions: ['reportLoggedOut', 'closeConnection'] },
          { target: 'done', actions: 'abandon' },
        ],
        // Some servers close straight after BYE (RFC 3501 §7.1.5); the session has ended as asked all the same.
        'connection.closed': { target: 'done', actions: 'reportLoggedOut' },
      },
      after: TIMEOUT,
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ ended: context.ended, capabilities: context.capabilities }),
});
