// What the world looks like at a point of its trace: hosts and links up or down, connections and their
// states, queues with each recipient's status, mailboxes, and packets in flight. A pure fold over the trace,
// so every view of the lab shows exactly what the simulation did up to the cursor.
import type { ConnId, HostId, LinkId, TcpState } from '../net/types.ts';
import {
  copyMailboxFold,
  foldMailboxEvent,
  isMailboxEvent,
  mailboxFolders,
  newMailboxFold,
  type FolderView,
  type MailboxFold,
  type StoredMessageView,
} from './mailboxView.ts';
import type { Scenario } from './scenario.ts';
import { SharedList } from './sharedList.ts';
import type { EventOf, Protocol, TraceEvent } from './trace.ts';

export type { FolderView, StoredMessageView } from './mailboxView.ts';

/**
 * ConnectionView is one TCP connection as seen at the cursor, as its `conn.opened` described it: the host that
 * opened it, the host (or, when no host has it, the address) and port it went to, and the protocol spoken.
 */
export interface ConnectionView {
  readonly conn: ConnId;
  readonly client: { readonly host: HostId };
  readonly server: { readonly host: HostId; readonly port: number };
  readonly protocol: Protocol;
  /** clientState and serverState are the RFC 793 states of the two endpoints (the server's LISTEN at first). */
  readonly clientState: TcpState;
  readonly serverState: TcpState;
  /** machines maps a protocol machine's name (`smtp-server`) to its state at the cursor. */
  readonly machines: Readonly<Record<string, string>>;
  readonly openedAt: number;
  /** closedAt is when both ends reached CLOSED or failed, if they have. */
  readonly closedAt: number | null;
  readonly lines: number;
  /**
   * carryingMessage is true while the client's data is the message itself: from the server's go-ahead for the
   * message text (SMTP's 354 to DATA, RFC 5321 §4.1.1.4) until the server answers the final `.`.
   */
  readonly carryingMessage: boolean;
  /** error is the first socket error reported on the connection, if any. */
  readonly error: string | null;
}

/** QueueRecipientView is one recipient of a queued message. */
export interface QueueRecipientView {
  readonly address: string;
  readonly status: 'pending' | 'deferred' | 'delivered' | 'bounced';
  readonly attempts: number;
  readonly nextAttemptAt: number | null;
  readonly lastReason: string | null;
}

/** QueueEntryView is one message in a server's outbound queue. */
export interface QueueEntryView {
  readonly queueId: string;
  readonly messageId: string;
  readonly from: string;
  readonly enqueuedAt: number;
  readonly size: number;
  /** seq is the trace position of its `queue.enqueued` event, where the raw message can be read. */
  readonly seq: number;
  readonly recipients: readonly QueueRecipientView[];
  readonly warned: boolean;
}

/** PacketView is a segment or datagram on its way at the cursor. */
export interface PacketView {
  readonly kind: 'tcp' | 'udp';
  readonly id: number;
  readonly seq: number;
  readonly conn: ConnId | null;
  readonly from: HostId;
  readonly to: HostId;
  readonly path: readonly HostId[];
  readonly sentAt: number;
  /** bytes is the payload size; a segment with a payload is drawn as a loaded envelope. */
  readonly bytes: number;
}

/** WorldView is the whole world at one point of its trace. */
export interface WorldView {
  /** t is the virtual time of the cursor; seq the trace position (−1 before the first event). */
  readonly t: number;
  readonly seq: number;
  readonly hostsUp: Readonly<Record<HostId, boolean>>;
  readonly linksUp: Readonly<Record<LinkId, boolean>>;
  readonly connections: readonly ConnectionView[];
  /** queues maps a mail server to the messages waiting in it, oldest first (settled ones are gone). */
  readonly queues: Readonly<Record<HostId, readonly QueueEntryView[]>>;
  /** mailboxes maps `user@host` to its INBOX. */
  readonly mailboxes: Readonly<Record<string, readonly StoredMessageView[]>>;
  /** folders maps `user@host` to all its folders, INBOX first, with UIDs and flags (see mailboxView.ts). */
  readonly folders: Readonly<Record<string, readonly FolderView[]>>;
  readonly inFlight: readonly PacketView[];
}

/** CHECKPOINT_EVERY is how many events apart worldAt keeps its checkpoints (see WorldIndex). */
export const CHECKPOINT_EVERY = 2000;

interface MutableConnection {
  conn: ConnId;
  client: { host: HostId };
  server: { host: HostId; port: number };
  protocol: Protocol;
  clientState: TcpState;
  serverState: TcpState;
  machines: Record<string, string>;
  openedAt: number;
  closedAt: number | null;
  lines: number;
  carryingMessage: boolean;
  error: string | null;
}

/** QueueSlot is a queued message. */
interface QueueSlot {
  /** owner is the stamp of the fold that may change this slot in place (see WorldFold.stamp). */
  owner: number;
  entry: QueueEntryView & { recipients: QueueRecipientView[]; warned: boolean };
}

/**
 * HostQueue is one server's queued messages by queue id, in the order they were queued: those of `base`, a queue as
 * a checkpoint left it (shared, never changed), as `changes` replace or remove them (null), then the messages new to
 * the base, in the order they were queued. A walk thus changes a long queue (a domain down for days) without
 * copying it; a checkpoint's queues are made whole again (`changes` empty) when it is kept.
 */
interface HostQueue {
  /** owner is the stamp of the fold that may add and remove messages here in place. */
  owner: number;
  base: ReadonlyMap<string, QueueSlot> | null;
  changes: Map<string, QueueSlot | null>;
}

// The changes of every kept queue: none, and never written, as only a queue's owner writes and none owns a kept one.
const NO_CHANGES: Map<string, QueueSlot | null> = new Map();

/** slotOf is the queued message `queueId` of a queue, if it is there. */
function slotOf(queue: HostQueue, queueId: string): QueueSlot | undefined {
  const changed = queue.changes.get(queueId);
  if (changed !== undefined) return changed ?? undefined;
  return queue.base?.get(queueId);
}

/** queueEntries is a queue's messages in the order they were queued. */
function queueEntries(queue: HostQueue): QueueEntryView[] {
  const out: QueueEntryView[] = [];
  const { base, changes } = queue;
  if (base === null) changes.forEach((slot) => slot !== null && out.push(slot.entry));
  else {
    base.forEach((slot, id) => {
      const changed = changes.get(id);
      if (changed === undefined) out.push(slot.entry);
      else if (changed !== null) out.push(changed.entry);
    });
    changes.forEach((slot, id) => slot !== null && !base.has(id) && out.push(slot.entry));
  }
  return out;
}

// A kept queue's messages read out, for every view whose walk left that queue alone.
const queueReadOuts = new WeakMap<HostQueue, readonly QueueEntryView[]>();

/** Sent is a segment or datagram sent and not yet arrived or dropped. */
type Sent = EventOf<'tcp.segment'> | EventOf<'udp.datagram'>;

/**
 * freeze makes a fold a checkpoint: nothing in it is any fold's own from now on, its queues are made whole and what
 * has arrived leaves `inFlight`. A checkpoint is never written again, and each walk from it clones what it changes.
 */
function freeze(fold: WorldFold): void {
  fold.queues.forEach((queue, host) => {
    if (queue.owner !== fold.stamp) return;
    const whole = new Map<string, QueueSlot>();
    for (const entry of queueEntries(queue))
      whole.set(entry.queueId, slotOf(queue, entry.queueId) as QueueSlot);
    fold.queues.set(host, { owner: 0, base: whole, changes: NO_CHANGES });
  });
  const inFlight = new Map<number, Sent | null>();
  fold.inFlight.forEach((sent, id) => sent !== null && inFlight.set(id, sent));
  fold.inFlight = inFlight;
  fold.own.clear();
  fold.stamp = ++stamps;
  fold.mailbox.own.clear();
  fold.mailbox.ownAccounts.clear();
}

/**
 * WorldFold is the fold's state after a prefix of the trace, as plain data. A copy shares the connections,
 * queues and queued messages with the fold it came from, and writes only to its own (the connections in `own`,
 * the queues and messages that carry its `stamp`): the first change to a shared one clones it, so the other fold
 * never sees the change.
 */
interface WorldFold {
  /** events is how many events of the trace have been folded in. */
  events: number;
  hostsUp: Record<HostId, boolean>;
  linksUp: Record<LinkId, boolean>;
  /** connections in the order they opened; `positions` finds one by its id. */
  connections: SharedList<MutableConnection>;
  /**
   * positions maps a connection to its place in `connections`. A place depends only on the trace before the
   * connection opened, so every fold of one trace shares this map, and a fold that has not yet reached a
   * connection's opening sees its place at or beyond its own length.
   */
  positions: Map<ConnId, number>;
  /** queues maps a server to its queue; a server is the queue ids' namespace. */
  queues: Map<HostId, HostQueue>;
  mailbox: MailboxFold;
  /**
   * inFlight holds the events that sent what is on its way, by id (a segment's 2·id, a datagram's 2·id + 1): the
   * few still in flight at the cursor become PacketViews when the fold is read out. What arrives is marked null
   * rather than deleted, as a Map that shrinks allocates its table again; a checkpoint sheds them (see freeze).
   */
  inFlight: Map<number, Sent | null>;
  /** own holds the connections this fold made or cloned, which it may change in place. */
  own: Set<MutableConnection>;
  /** stamp tells this fold's queues and queue slots from those it shares: those it owns carry its stamp. */
  stamp: number;
}

let stamps = 0;

function startFold(scenario: Scenario): WorldFold {
  return {
    events: 0,
    hostsUp: Object.fromEntries(scenario.hosts.map((h) => [h.id, true])),
    linksUp: Object.fromEntries(scenario.links.map((l) => [l.id, true])),
    connections: new SharedList(),
    positions: new Map(),
    queues: new Map(),
    mailbox: newMailboxFold(
      scenario.hosts.flatMap((h) => (h.mail?.users ?? []).map((u) => `${u.name.toLowerCase()}@${h.id}`)),
    ),
    inFlight: new Map(),
    own: new Set(),
    stamp: ++stamps,
  };
}

function copyFold(fold: WorldFold, positions: Map<ConnId, number>): WorldFold {
  return {
    events: fold.events,
    hostsUp: { ...fold.hostsUp },
    linksUp: { ...fold.linksUp },
    connections: fold.connections.copy(),
    positions,
    queues: new Map(fold.queues),
    mailbox: copyMailboxFold(fold.mailbox),
    inFlight: new Map(fold.inFlight),
    own: new Set(),
    stamp: ++stamps,
  };
}

/** Checkpoint is a fold kept for good, with the last event it folded, to notice a trace changed under it. */
interface Checkpoint {
  readonly fold: WorldFold;
  readonly last: TraceEvent | undefined;
}

/**
 * WorldIndex answers "the world at position seq" for one scenario and one trace by walking forward from the
 * nearest checkpoint at or before seq: a fold of the first j·every events, for each j, made as far as anyone has
 * looked. A call costs a copy of that checkpoint and at most `every` events; checkpoints are made once, each from
 * the one before, so a trace that grows is never folded again from its start.
 *
 * The trace must only grow (as the kernel's does); a trace that changes otherwise must be a new array. Given the
 * index of an earlier trace (`from`), a new one keeps the checkpoints whose events the two traces share, item for
 * item: all of them when the new trace extends the old, as after an input beyond the horizon.
 */
export class WorldIndex {
  readonly scenario: Scenario;
  readonly trace: readonly TraceEvent[];
  readonly every: number;
  /** #checkpoints[j] folds the first j·every events; [0] is the world before anything happened. */
  readonly #checkpoints: Checkpoint[];
  #positions: Map<ConnId, number>;
  #folded = 0;

  constructor(scenario: Scenario, trace: readonly TraceEvent[], every = CHECKPOINT_EVERY, from?: WorldIndex) {
    if (!(every >= 1)) throw new RangeError(`checkpoints must be at least 1 event apart, not ${every}`);
    this.scenario = scenario;
    this.trace = trace;
    this.every = every;
    const kept = from?.scenario === scenario && from.every === every ? from.#shared(trace) : [];
    this.#checkpoints = kept.length > 0 ? kept : [{ fold: startFold(scenario), last: undefined }];
    // Places are made afresh rather than shared: the other index goes on with its own trace.
    this.#positions = positionsOf((this.#checkpoints.at(-1) as Checkpoint).fold.connections);
  }

  /** checkpoints is how many checkpoints are made so far, the start included. */
  get checkpoints(): number {
    return this.#checkpoints.length;
  }

  /** folded counts every event this index has folded, in checkpoints and walks, for tests and benchmarks. */
  get folded(): number {
    return this.#folded;
  }

  /** at is the world after the event at position `seq` (−1 for before anything happened). */
  at(seq: number): WorldView {
    const last = Math.min(seq, this.trace.length - 1);
    const fold = this.#foldOf(Math.max(0, last + 1));
    return viewOf(fold, this.trace, last);
  }

  /** #foldOf returns a fresh fold of the first `events` events, walked from the nearest checkpoint. */
  #foldOf(events: number): WorldFold {
    const wanted = Math.floor(events / this.every);
    while (this.#checkpoints.length <= wanted) {
      const fold = this.#walk(
        (this.#checkpoints.at(-1) as Checkpoint).fold,
        this.#checkpoints.length * this.every,
      );
      freeze(fold);
      this.#checkpoints.push({ fold, last: this.trace[fold.events - 1] });
    }
    const checkpoint = this.#checkpoints[wanted] as Checkpoint;
    if (checkpoint.last !== this.trace[checkpoint.fold.events - 1])
      throw new Error('the trace changed under its checkpoints: a trace may only grow, or be a new array');
    return this.#walk(checkpoint.fold, events);
  }

  #walk(from: WorldFold, events: number): WorldFold {
    const fold = copyFold(from, this.#positions);
    const trace = this.trace;
    for (let i = fold.events; i < events; i++) foldEvent(fold, trace[i] as TraceEvent);
    this.#folded += events - fold.events;
    fold.events = events;
    return fold;
  }

  /** #shared is this index's checkpoints that hold for `trace` too: those before the first event they differ in. */
  #shared(trace: readonly TraceEvent[]): Checkpoint[] {
    const old = this.trace;
    const reach = Math.min(old.length, trace.length, (this.#checkpoints.length - 1) * this.every);
    let same = 0;
    while (same < reach && old[same] === trace[same]) same++;
    return this.#checkpoints.slice(0, Math.floor(same / this.every) + 1);
  }
}

function positionsOf(connections: SharedList<MutableConnection>): Map<ConnId, number> {
  const positions = new Map<ConnId, number>();
  for (let i = 0; i < connections.length; i++)
    positions.set((connections.get(i) as MutableConnection).conn, i);
  return positions;
}

// Each trace has its index, and each scenario remembers its latest, so that the lab's next copy of a grown
// trace (a new array) starts from the checkpoints already made.
const indexes = new WeakMap<readonly TraceEvent[], WorldIndex>();
const latest = new WeakMap<Scenario, WorldIndex>();

/**
 * worldAt folds the trace up to and including position `seq` (−1 for the world before anything happened).
 * It walks from the nearest checkpoint (see WorldIndex), so views simply call it again on every cursor move.
 */
export function worldAt(scenario: Scenario, trace: readonly TraceEvent[], seq: number): WorldView {
  let index = indexes.get(trace);
  if (index?.scenario !== scenario) {
    index = new WorldIndex(scenario, trace, CHECKPOINT_EVERY, latest.get(scenario));
    indexes.set(trace, index);
  }
  latest.set(scenario, index);
  return index.at(seq);
}

/** foldWorld is worldAt without checkpoints: the plain fold from the start, which worldAt must always equal. */
export function foldWorld(scenario: Scenario, trace: readonly TraceEvent[], seq: number): WorldView {
  return new WorldIndex(scenario, trace, Infinity).at(seq);
}

function foldEvent(fold: WorldFold, e: TraceEvent): void {
  switch (e.kind) {
    case 'host.down':
    case 'host.up':
      fold.hostsUp[e.host] = e.kind === 'host.up';
      break;
    case 'link.down':
    case 'link.up':
      fold.linksUp[e.link] = e.kind === 'link.up';
      break;
    case 'conn.opened': {
      const opened: MutableConnection = {
        conn: e.conn,
        client: { host: e.client },
        server: { host: e.server, port: e.port },
        protocol: e.protocol,
        clientState: 'CLOSED',
        serverState: 'LISTEN',
        machines: {},
        openedAt: e.t,
        closedAt: null,
        lines: 0,
        carryingMessage: false,
        error: null,
      };
      // A connection opened again under its id keeps its place, as a Map's key would.
      fold.own.add(opened);
      const place = fold.positions.get(e.conn);
      if (place !== undefined && place < fold.connections.length) fold.connections.set(place, opened);
      else {
        fold.positions.set(e.conn, fold.connections.length);
        fold.connections.push(opened);
      }
      break;
    }
    case 'tcp.segment':
      send(fold.inFlight, 2 * e.segment, e);
      break;
    case 'tcp.arrived':
    case 'tcp.dropped':
      if (fold.inFlight.has(2 * e.segment)) fold.inFlight.set(2 * e.segment, null);
      break;
    case 'udp.datagram':
      send(fold.inFlight, 2 * e.datagram + 1, e);
      break;
    case 'udp.arrived':
    case 'udp.dropped':
      if (fold.inFlight.has(2 * e.datagram + 1)) fold.inFlight.set(2 * e.datagram + 1, null);
      break;
    case 'tcp.state': {
      const c = connection(fold, e.conn);
      if (!c) break;
      // The server's end is the one on the port connected to; the client's is any other, even on the same host.
      if (e.host === c.server.host && e.port === c.server.port) c.serverState = e.to;
      else c.clientState = e.to;
      if (
        c.clientState === 'CLOSED' &&
        (c.serverState === 'CLOSED' || c.serverState === 'LISTEN') &&
        c.closedAt === null
      )
        c.closedAt = e.t;
      break;
    }
    case 'tcp.error': {
      const c = connection(fold, e.conn);
      if (!c) break;
      c.error ??= e.error;
      if (e.host === c.client.host) c.clientState = 'CLOSED';
      else c.serverState = 'CLOSED';
      if (c.clientState === 'CLOSED' && c.closedAt === null) c.closedAt = e.t;
      break;
    }
    case 'app.line': {
      const c = connection(fold, e.conn);
      if (!c) break;
      c.lines += 1;
      if (e.reply === 'smtp.data.start') c.carryingMessage = true;
      else if (e.answers === '.') c.carryingMessage = false;
      break;
    }
    case 'session.state': {
      const c = connection(fold, e.conn);
      if (c) c.machines[e.machine] = e.to;
      break;
    }
    case 'queue.enqueued': {
      const slot: QueueSlot = {
        owner: fold.stamp,
        entry: {
          queueId: e.queueId,
          messageId: e.messageId,
          from: e.from,
          enqueuedAt: e.t,
          size: e.size,
          seq: e.seq,
          warned: false,
          recipients: e.recipients.map((address) => ({
            address,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: null,
            lastReason: null,
          })),
        },
      };
      const queue = ownQueue(fold, e.host);
      // A message queued again under the id of one removed goes last, as in a Map: the queue is made whole first.
      if (queue.changes.get(e.queueId) === null) {
        queue.changes = new Map(
          queueEntries(queue).map((q) => [q.queueId, slotOf(queue, q.queueId) ?? null]),
        );
        queue.base = null;
      }
      queue.changes.set(e.queueId, slot);
      break;
    }
    case 'queue.attempt': {
      const slot = queueSlot(fold, e.host, e.queueId);
      if (!slot) break;
      const recipients = slot.entry.recipients;
      for (let i = 0; i < recipients.length; i++) {
        const r = recipients[i] as QueueRecipientView;
        if (e.recipients.includes(r.address))
          recipients[i] = recipientView(r.address, 'pending', e.attempt, r.nextAttemptAt, r.lastReason);
      }
      break;
    }
    case 'queue.deferred':
      setRecipient(fold, e, 'deferred', e.nextAttemptAt, e.reason);
      break;
    case 'queue.delivered':
      setRecipient(fold, e, 'delivered', null, undefined);
      break;
    case 'queue.bounced':
      setRecipient(fold, e, 'bounced', null, e.reason);
      break;
    case 'queue.warned': {
      const slot = queueSlot(fold, e.host, e.queueId);
      if (slot) slot.entry.warned = true;
      break;
    }
    case 'queue.removed': {
      const shared = fold.queues.get(e.host);
      if (shared === undefined || slotOf(shared, e.queueId) === undefined) break;
      const queue = ownQueue(fold, e.host);
      if (queue.base?.has(e.queueId)) queue.changes.set(e.queueId, null);
      else queue.changes.delete(e.queueId);
      break;
    }
    default:
      if (isMailboxEvent(e)) foldMailboxEvent(fold.mailbox, e);
      break;
  }
}

const NO_MESSAGES: readonly StoredMessageView[] = [];

function viewOf(fold: WorldFold, trace: readonly TraceEvent[], last: number): WorldView {
  const folders = mailboxFolders(fold.mailbox);
  // The INBOX of every account the mailbox fold knows (folders has one entry each), as the map's badges count it.
  const mailboxes: Record<string, readonly StoredMessageView[]> = {};
  for (const account in folders)
    mailboxes[account] =
      (folders[account] as readonly FolderView[]).find((f) => f.name === 'INBOX')?.messages ?? NO_MESSAGES;
  // Servers in the order of their oldest queued message, as one list of every queue's messages would give them.
  const queued: { host: HostId; entries: readonly QueueEntryView[] }[] = [];
  fold.queues.forEach((queue, host) => {
    let entries = queue.owner === fold.stamp ? undefined : queueReadOuts.get(queue);
    if (entries === undefined) {
      entries = queueEntries(queue);
      if (queue.owner !== fold.stamp) queueReadOuts.set(queue, entries);
    }
    if (entries.length > 0) queued.push({ host, entries });
  });
  queued.sort((a, b) => (a.entries[0] as QueueEntryView).seq - (b.entries[0] as QueueEntryView).seq);
  const byHost: Record<HostId, readonly QueueEntryView[]> = {};
  for (const { host, entries } of queued) byHost[host] = entries;
  const lastEvent = last >= 0 ? trace[last] : undefined;
  return {
    t: lastEvent?.t ?? 0,
    seq: last,
    hostsUp: fold.hostsUp,
    linksUp: fold.linksUp,
    connections: fold.connections.toArray(),
    queues: byHost,
    mailboxes,
    folders,
    inFlight: packets(fold.inFlight),
  };
}

/** send records a segment or datagram on its way, as a Map would: one sent again under an arrived id goes last. */
function send(inFlight: Map<number, Sent | null>, id: number, e: Sent): void {
  if (inFlight.get(id) === null) inFlight.delete(id);
  inFlight.set(id, e);
}

function packets(inFlight: ReadonlyMap<number, Sent | null>): PacketView[] {
  const out: PacketView[] = [];
  inFlight.forEach((e) => {
    if (e === null) return;
    out.push(
      e.kind === 'tcp.segment' ? packet(e, 'tcp', e.segment, e.conn) : packet(e, 'udp', e.datagram, null),
    );
  });
  return out;
}

function packet(
  e: EventOf<'tcp.segment'> | EventOf<'udp.datagram'>,
  kind: 'tcp' | 'udp',
  id: number,
  conn: ConnId | null,
): PacketView {
  return {
    kind,
    id,
    seq: e.seq,
    conn,
    from: e.from.host,
    to: e.to.host,
    path: e.path,
    sentAt: e.t,
    bytes: e.bytes,
  };
}

/** connection is the fold's own copy of a connection that has opened, to change in place. */
function connection(fold: WorldFold, conn: ConnId): MutableConnection | undefined {
  const place = fold.positions.get(conn);
  if (place === undefined || place >= fold.connections.length) return undefined;
  const c = fold.connections.get(place) as MutableConnection;
  if (fold.own.has(c)) return c;
  const mine: MutableConnection = {
    conn: c.conn,
    client: c.client,
    server: c.server,
    protocol: c.protocol,
    clientState: c.clientState,
    serverState: c.serverState,
    machines: { ...c.machines },
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    lines: c.lines,
    carryingMessage: c.carryingMessage,
    error: c.error,
  };
  fold.own.add(mine);
  fold.connections.set(place, mine);
  return mine;
}

/**
 * queueSlot is the fold's own copy of a queued message, to change in place: its entry and the list of its
 * recipients are its own, while each recipient's view is replaced, never changed, as a checkpoint may share it.
 */
function queueSlot(fold: WorldFold, host: HostId, queueId: string): QueueSlot | undefined {
  const queue = fold.queues.get(host);
  const slot = queue === undefined ? undefined : slotOf(queue, queueId);
  if (slot === undefined || slot.owner === fold.stamp) return slot;
  const was = slot.entry;
  // Written out field by field rather than spread: this runs for every message a walk touches, and a spread
  // copy costs several times as much (it showed in the walks through a retry storm).
  const mine: QueueSlot = {
    owner: fold.stamp,
    entry: {
      queueId: was.queueId,
      messageId: was.messageId,
      from: was.from,
      enqueuedAt: was.enqueuedAt,
      size: was.size,
      seq: was.seq,
      warned: was.warned,
      recipients: was.recipients.slice(),
    },
  };
  ownQueue(fold, host).changes.set(queueId, mine);
  return mine;
}

/**
 * ownQueue is the fold's own version of a server's queue (made if it has none), to add and remove messages in
 * place: over the kept queue, as a base, with no changes yet (a kept queue has none of its own).
 */
function ownQueue(fold: WorldFold, host: HostId): HostQueue {
  const queue = fold.queues.get(host);
  if (queue?.owner === fold.stamp) return queue;
  const mine: HostQueue = { owner: fold.stamp, base: queue?.base ?? null, changes: new Map() };
  fold.queues.set(host, mine);
  return mine;
}

function recipientView(
  address: string,
  status: QueueRecipientView['status'],
  attempts: number,
  nextAttemptAt: number | null,
  lastReason: string | null,
): QueueRecipientView {
  return { address, status, attempts, nextAttemptAt, lastReason };
}

/** setRecipient records where one recipient of a queued message stands after a deferral, delivery or bounce. */
function setRecipient(
  fold: WorldFold,
  e: EventOf<'queue.deferred' | 'queue.delivered' | 'queue.bounced'>,
  status: QueueRecipientView['status'],
  nextAttemptAt: number | null,
  /** reason is the recipient's new last reason; a delivery (undefined) keeps the last deferral's. */
  reason: string | undefined,
): void {
  const slot = queueSlot(fold, e.host, e.queueId);
  if (!slot) return;
  const recipients = slot.entry.recipients;
  for (let i = 0; i < recipients.length; i++) {
    const r = recipients[i] as QueueRecipientView;
    if (r.address === e.recipient)
      recipients[i] = recipientView(r.address, status, r.attempts, nextAttemptAt, reason ?? r.lastReason);
  }
}
