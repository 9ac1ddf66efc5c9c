// The lab's SMTP client and server machines wired straight to each other in memory (no kernel, no TCP, no trace):
// what the machines alone cost per transaction, the floor beneath them, and what one transaction asks of XState.
import { createActor, initialTransition, transition, type AnyActorRef, type InspectionEvent } from 'xstate';
import type { Clock } from '../src/net/environment.ts';
import { onSentLine } from '../src/protocols/sentLines.ts';
import { memoryBackend } from '../src/protocols/smtp/memoryBackend.ts';
import type { FramedLine } from '../src/protocols/shared/lineFramer.ts';
import {
  smtpClientMachine,
  smtpClientReader,
  type SmtpClientInput,
} from '../src/protocols/smtp/smtpClientMachine.ts';
import { smtpServerMachine, smtpServerReader } from '../src/protocols/smtp/smtpServerMachine.ts';

/** Side names the end of the conversation a line is delivered to. */
type Side = 'client' | 'server';

/** CountingClock is an XState clock that only counts: in memory a transaction ends before any timer is due. */
export class CountingClock implements Clock {
  scheduled = 0;
  cancelled = 0;
  #next = 0;
  readonly #live = new Set<number>();

  setTimeout(): number {
    this.scheduled += 1;
    const id = ++this.#next;
    this.#live.add(id);
    return id;
  }

  clearTimeout(id: unknown): void {
    if (typeof id === 'number' && this.#live.delete(id)) this.cancelled += 1;
  }

  /** live is how many timers are still waiting. */
  get live(): number {
    return this.#live.size;
  }
}

/** Delivery is one event handed to one machine: a line it receives, or the news that the peer closed (null). */
interface Delivery {
  readonly to: Side;
  readonly line: string | null;
}

/** Said is one line a machine sent, and how many lines it had received when it sent it. */
export interface Said {
  readonly by: Side;
  readonly afterReceiving: number;
  readonly line: string;
}

/** TransactionOptions: what the client delivers, the clock both machines run on, and who watches. */
export interface TransactionOptions {
  readonly client: SmtpClientInput;
  readonly clock: Clock;
  readonly backend: ReturnType<typeof memoryBackend>;
  readonly inspect?: (event: InspectionEvent) => void;
  /** record hears every line either machine sends, in order, for the floor to replay. */
  readonly record?: (said: Said) => void;
}

/** HAMBURGER is the receiving host of the benchmark: hamburger.edu, with Bob's mailbox. */
export const HAMBURGER = { localDomains: ['hamburger.edu'], mailboxes: ['bob@hamburger.edu'] } as const;

/** hamburgerBackend is a new backend for HAMBURGER. */
export function hamburgerBackend(): ReturnType<typeof memoryBackend> {
  return memoryBackend(HAMBURGER);
}

/** hamburgerServer is the server's input for HAMBURGER, as the world's MailServer configures it by default. */
export function hamburgerServer<TBackend>(backend: TBackend) {
  return {
    hostname: 'hamburger.edu',
    style: 'modern',
    submission: false,
    maxSize: 10_240_000,
    maxRecipients: 100,
    backend,
  } as const;
}

/**
 * inMemoryTransaction runs one SMTP session between the two machines the world uses, as the world's MailServer
 * configures the server by default. Lines go through a queue in the order sent, so neither machine is re-entered
 * while it handles an event, as over a socket. It returns the number of events sent to the two actors.
 */
export function inMemoryTransaction(options: TransactionOptions): number {
  const { clock, inspect } = options;
  const server = createActor(smtpServerMachine, {
    input: hamburgerServer(options.backend),
    clock,
    ...(inspect ? { inspect } : {}),
  });
  const client = createActor(smtpClientMachine, {
    input: options.client,
    clock,
    ...(inspect ? { inspect } : {}),
  });
  const queue: Delivery[] = [];
  const received = { client: 0, server: 0 };
  const { record } = options;
  onSentLine(server, ({ line }) => {
    record?.({ by: 'server', afterReceiving: received.server, line });
    queue.push({ to: 'client', line });
  });
  onSentLine(client, ({ line }) => {
    record?.({ by: 'client', afterReceiving: received.client, line });
    queue.push({ to: 'server', line });
  });
  server.on('connection.close', () => queue.push({ to: 'client', line: null }));
  client.on('connection.close', () => queue.push({ to: 'server', line: null }));
  let sends = 0;
  const tell = (actor: AnyActorRef, event: { type: string }) => {
    // A machine that has finished hears nothing more, as bindLineSession does.
    if (actor.getSnapshot().status !== 'active') return;
    sends += 1;
    actor.send(event);
  };
  server.start();
  client.start();
  tell(server, { type: 'connection.opened' });
  tell(client, { type: 'connection.opened' });
  // Lines one machine sent in a row arrive together, as one write does over a socket, and each machine takes them
  // by its own reader, as bindLineSession hands them over.
  for (let i = 0; i < queue.length;) {
    const { to, line } = queue[i] as Delivery;
    const actor = to === 'server' ? server : client;
    if (line === null) {
      tell(actor, { type: 'connection.closed' });
      i += 1;
      continue;
    }
    const arrived: FramedLine[] = [];
    for (let d = queue[i]; d !== undefined && d.to === to && d.line !== null; d = queue[i + arrived.length])
      arrived.push({ kind: 'line', line: d.line });
    for (let at = 0; at < arrived.length;) {
      const { event, count } =
        to === 'server'
          ? smtpServerReader(server.getSnapshot(), arrived, at)
          : smtpClientReader(client.getSnapshot(), arrived, at);
      received[to] += count;
      tell(actor, event);
      at += count;
    }
    i += arrived.length;
  }
  const output = client.getSnapshot().output;
  if (output === undefined || output.recipients.some((r) => r.outcome !== 'delivered'))
    throw new Error('smtpMachines: an in-memory transaction did not deliver');
  if (server.getSnapshot().status !== 'done') throw new Error('smtpMachines: the server session did not end');
  return sends;
}

/** Costs are what one in-memory transaction asks of XState and of the clock. */
export interface Costs {
  readonly sends: number;
  readonly microsteps: number;
  readonly snapshots: number;
  readonly timersScheduled: number;
  readonly timersCancelled: number;
  readonly timersLeft: number;
}

/** transactionCosts counts one transaction's events sent, microsteps, snapshots and timers, through XState's inspection API. */
export function transactionCosts(client: SmtpClientInput): Costs {
  const clock = new CountingClock();
  let microsteps = 0;
  let snapshots = 0;
  const sends = inMemoryTransaction({
    client,
    clock,
    backend: hamburgerBackend(),
    inspect: (event) => {
      if (event.type === '@xstate.microstep') microsteps += 1;
      else if (event.type === '@xstate.snapshot') snapshots += 1;
    },
  });
  return {
    sends,
    microsteps,
    snapshots,
    timersScheduled: clock.scheduled,
    timersCancelled: clock.cancelled,
    timersLeft: clock.live,
  };
}

/** recordTranscript runs one transaction and returns every line sent, in order, for bareTransaction. */
export function recordTranscript(client: SmtpClientInput): readonly Said[] {
  const said: Said[] = [];
  inMemoryTransaction({
    client,
    clock: new CountingClock(),
    backend: hamburgerBackend(),
    record: (line) => said.push(line),
  });
  return said;
}

/** Script is a recorded transaction as turns: what the server says first, and what each side says after its n-th line. */
export interface Script {
  readonly greeting: readonly string[];
  readonly replies: Readonly<Record<Side, readonly (readonly string[] | undefined)[]>>;
}

/** scriptOf sorts recorded lines by who said them after which line they had received. */
export function scriptOf(said: readonly Said[]): Script {
  const greeting: string[] = [];
  const replies: Record<Side, string[][]> = { client: [], server: [] };
  for (const { by, afterReceiving, line } of said) {
    if (afterReceiving === 0) greeting.push(line);
    else (replies[by][afterReceiving - 1] ??= []).push(line);
  }
  return { greeting, replies };
}

/**
 * bareTransaction is the floor: the recorded lines exchanged through the same kind of queue by two loops that
 * answer the n-th line they receive with the lines recorded after it. No machine, no parsing, no facts.
 */
export function bareTransaction(script: Script): number {
  const queue: { to: Side; line: string }[] = script.greeting.map((line) => ({ to: 'client', line }));
  const received: Record<Side, number> = { client: 0, server: 0 };
  let octets = 0;
  for (let i = 0; i < queue.length; i++) {
    const { to, line } = queue[i] as { to: Side; line: string };
    octets += line.length;
    const answer = script.replies[to][received[to]++];
    if (answer === undefined) continue;
    const peer: Side = to === 'server' ? 'client' : 'server';
    for (const reply of answer) queue.push({ to: peer, line: reply });
  }
  return octets;
}

/** Driving names how a server session is run: as an actor sent each event, or by XState's pure transition(). */
export type Driving = 'actor' | 'pure';

/**
 * serverSession plays the client's side of a recorded transaction into the lab's server machine, the lines that
 * arrived together handed over by smtpServerReader, and returns how many lines the server sent. `actor` runs it as
 * the world does; `pure` folds the same events through XState's pure `transition()` (emitted lines come back as
 * `xstate.emit` actions, counted rather than executed), which the issue asks to measure against actors. No timer
 * fires in either: the session ends long before the first is due.
 */
export function serverSession(script: Script, driving: Driving, backend = hamburgerBackend()): number {
  const input = hamburgerServer(backend);
  // What the client says after each reply, as one arrival each; the first arrival follows the greeting.
  const arrivals = script.replies.client
    .filter((lines): lines is readonly string[] => lines !== undefined)
    .map((lines) => lines.map((line): FramedLine => ({ kind: 'line', line })));
  let sent = 0;
  if (driving === 'actor') {
    const actor = createActor(smtpServerMachine, { input, clock: new CountingClock() });
    onSentLine(actor, () => void (sent += 1));
    actor.start();
    actor.send({ type: 'connection.opened' });
    for (const items of arrivals)
      for (let at = 0; at < items.length;) {
        const { event, count } = smtpServerReader(actor.getSnapshot(), items, at);
        actor.send(event);
        at += count;
      }
    return sent;
  }
  // An emit action's params hold the event it emits; only sent lines are counted, as onSentLine counts them.
  const count = (actions: readonly { type: string; params?: unknown }[]) => {
    for (const { type, params } of actions) if (type === 'xstate.emit' && isSentLine(params)) sent += 1;
  };
  let [snapshot, actions] = initialTransition(smtpServerMachine, input);
  count(actions);
  [snapshot, actions] = transition(smtpServerMachine, snapshot, { type: 'connection.opened' });
  count(actions);
  for (const items of arrivals)
    for (let at = 0; at < items.length;) {
      const read = smtpServerReader(snapshot, items, at);
      [snapshot, actions] = transition(smtpServerMachine, snapshot, read.event);
      count(actions);
      at += read.count;
    }
  return sent;
}

function isSentLine(params: unknown): boolean {
  if (typeof params !== 'object' || params === null || !('event' in params)) return false;
  const { event } = params;
  return typeof event === 'object' && event !== null && 'type' in event && event.type === 'line.send';
}
