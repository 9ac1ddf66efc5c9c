// What the network reports about itself; the kernel stamps each with a time and a sequence number for the trace.
import type { ConnId, Endpoint, HostId, LinkId, SocketError, TcpFlag, TcpState } from './types.ts';

/** DropReason says where and why a segment was lost. */
export type DropReason = 'loss' | 'link-down' | 'host-down' | 'no-route' | 'port-unreachable';

/** NetEvent is one thing that happened in the network, before the kernel stamps it. */
export type NetEvent =
  | {
      kind: 'tcp.segment';
      conn: ConnId;
      segment: number;
      from: Endpoint;
      to: Endpoint;
      flags: readonly TcpFlag[];
      seqNo: number;
      ackNo: number;
      window: number;
      bytes: number;
      payload: string;
      mss?: number;
      retransmission: boolean;
      path: readonly HostId[];
    }
  | { kind: 'tcp.arrived'; conn: ConnId; segment: number; host: HostId }
  | { kind: 'tcp.dropped'; conn: ConnId; segment: number; reason: DropReason; at: HostId | LinkId }
  | { kind: 'tcp.state'; conn: ConnId; host: HostId; port: number; from: TcpState; to: TcpState }
  | { kind: 'tcp.error'; conn: ConnId; host: HostId; error: SocketError }
  | {
      kind: 'udp.datagram';
      datagram: number;
      from: Endpoint;
      to: Endpoint;
      bytes: number;
      payload: string;
      path: readonly HostId[];
    }
  | { kind: 'udp.arrived'; datagram: number; host: HostId }
  | { kind: 'udp.dropped'; datagram: number; reason: DropReason; at: HostId | LinkId }
  | { kind: 'host.down'; host: HostId }
  | { kind: 'host.up'; host: HostId }
  | { kind: 'link.down'; link: LinkId }
  | { kind: 'link.up'; link: LinkId }
  | { kind: 'link.changed'; link: LinkId; latency: number; jitter: number; loss: number };

/**
 * UNSTAMPED is the `seq` an event is built with when it carries its stamp's slots (see Slotted); the kernel
 * writes the real time and sequence number into them.
 */
export const UNSTAMPED = -1;

/**
 * Emitted is an event as its emitter hands it to the kernel: without the two fields the kernel stamps, or built
 * with them already in it, last and in that order, as `t: 0, seq: UNSTAMPED`. Set on an object that lacks them,
 * they go to a property array of its own, 40 B beside the object for 16 B inside it (issue 12's compact trace),
 * so the emitters of the most frequent events write these slots; the JSON and its key order are the same.
 */
export type Emitted<E> = E extends unknown ? E & { t?: number; seq?: number } : never;

/** NetEventKind is the `kind` of any network event. */
export type NetEventKind = NetEvent['kind'];
