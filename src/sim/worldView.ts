// What the world looks like at a point of its trace: hosts and links up or down, connections and their
// states, queues with each recipient's status, mailboxes, and packets in flight. A pure fold over the trace,
// so every view of the lab shows exactly what the simulation did up to the cursor.
import type { ConnId, HostId, LinkId, TcpState } from '../net/types.ts';
import {
  foldMailboxEvent,
  isMailboxEvent,
  mailboxFolders,
  newMailboxFold,
  type FolderView,
  type StoredMessageView,
} from './mailboxView.ts';
import type { Scenario } from './scenario.ts';
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

/**
 * worldAt folds the trace up to and including position `seq` (−1 for the world before anything happened).
 * Its cost is linear in `seq`: a few milliseconds for a classroom trace, so views simply call it again.
 */
export function worldAt(scenario: Scenario, trace: readonly TraceEvent[], seq: number): WorldView {
  const hostsUp: Record<HostId, boolean> = Object.fromEntries(scenario.hosts.map((h) => [h.id, true]));
  const linksUp: Record<LinkId, boolean> = Object.fromEntries(scenario.links.map((l) => [l.id, true]));
  const connections = new Map<ConnId, MutableConnection>();
  const queues = new Map<
    string,
    { host: HostId; entry: QueueEntryView & { recipients: QueueRecipientView[]; warned: boolean } }
  >();
  const fold = newMailboxFold(
    scenario.hosts.flatMap((h) => (h.mail?.users ?? []).map((u) => `${u.name.toLowerCase()}@${h.id}`)),
  );
  const inFlight = new Map<string, PacketView>();
  const last = Math.min(seq, trace.length - 1);
  for (let i = 0; i <= last; i++) {
    const e = trace[i] as TraceEvent;
    switch (e.kind) {
      case 'host.down':
      case 'host.up':
        hostsUp[e.host] = e.kind === 'host.up';
        break;
      case 'link.down':
      case 'link.up':
        linksUp[e.link] = e.kind === 'link.up';
        break;
      case 'conn.opened':
        connections.set(e.conn, {
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
        });
        break;
      case 'tcp.segment':
        inFlight.set(`tcp${e.segment}`, packet(e, 'tcp', e.segment, e.conn));
        break;
      case 'tcp.arrived':
      case 'tcp.dropped':
        inFlight.delete(`tcp${e.segment}`);
        break;
      case 'udp.datagram':
        inFlight.set(`udp${e.datagram}`, packet(e, 'udp', e.datagram, null));
        break;
      case 'udp.arrived':
      case 'udp.dropped':
        inFlight.delete(`udp${e.datagram}`);
        break;
      case 'tcp.state': {
        const c = connections.get(e.conn);
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
        const c = connections.get(e.conn);
        if (!c) break;
        c.error ??= e.error;
        if (e.host === c.client.host) c.clientState = 'CLOSED';
        else c.serverState = 'CLOSED';
        if (c.clientState === 'CLOSED' && c.closedAt === null) c.closedAt = e.t;
        break;
      }
      case 'app.line': {
        const c = connections.get(e.conn);
        if (!c) break;
        c.lines += 1;
        if (e.reply === 'smtp.data.start') c.carryingMessage = true;
        else if (e.answers === '.') c.carryingMessage = false;
        break;
      }
      case 'session.state': {
        const c = connections.get(e.conn);
        if (c) c.machines[e.machine] = e.to;
        break;
      }
      case 'queue.enqueued':
        queues.set(`${e.host}|${e.queueId}`, {
          host: e.host,
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
        });
        break;
      case 'queue.attempt':
        updateRecipients(queues.get(`${e.host}|${e.queueId}`)?.entry, e.recipients, (r) => ({
          ...r,
          status: 'pending',
          attempts: e.attempt,
        }));
        break;
      case 'queue.deferred':
        updateRecipients(queues.get(`${e.host}|${e.queueId}`)?.entry, [e.recipient], (r) => ({
          ...r,
          status: 'deferred',
          nextAttemptAt: e.nextAttemptAt,
          lastReason: e.reason,
        }));
        break;
      case 'queue.delivered':
      case 'queue.bounced':
        updateRecipients(queues.get(`${e.host}|${e.queueId}`)?.entry, [e.recipient], (r) => ({
          ...r,
          status: e.kind === 'queue.delivered' ? 'delivered' : 'bounced',
          nextAttemptAt: null,
          lastReason: e.kind === 'queue.bounced' ? e.reason : r.lastReason,
        }));
        break;
      case 'queue.warned': {
        const entry = queues.get(`${e.host}|${e.queueId}`)?.entry;
        if (entry) entry.warned = true;
        break;
      }
      case 'queue.removed':
        queues.delete(`${e.host}|${e.queueId}`);
        break;
      default:
        if (isMailboxEvent(e)) foldMailboxEvent(fold, e);
        break;
    }
  }
  const folders = mailboxFolders(fold);
  // The INBOX of every account that has received mail, as the map's mailbox badges count it.
  const mailboxes = Object.fromEntries(
    Object.entries(folders).flatMap(([account, list]) => {
      const inbox = list.find((f) => f.name === 'INBOX')?.messages ?? [];
      return inbox.length > 0 || fold.has(account) ? [[account, inbox]] : [];
    }),
  );
  const byHost: Record<HostId, QueueEntryView[]> = {};
  for (const { host, entry } of queues.values()) (byHost[host] ??= []).push(entry);
  const lastEvent = last >= 0 ? trace[last] : undefined;
  return {
    t: lastEvent?.t ?? 0,
    seq: last,
    hostsUp,
    linksUp,
    connections: [...connections.values()],
    queues: byHost,
    mailboxes,
    folders,
    inFlight: [...inFlight.values()],
  };
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

function updateRecipients(
  entry: { recipients: QueueRecipientView[] } | undefined,
  addresses: readonly string[],
  change: (r: QueueRecipientView) => QueueRecipientView,
): void {
  if (!entry) return;
  entry.recipients = entry.recipients.map((r) => (addresses.includes(r.address) ? change(r) : r));
}
