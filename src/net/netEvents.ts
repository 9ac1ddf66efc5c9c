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
      path: HostId[];
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
      path: HostId[];
    }
  | { kind: 'udp.arrived'; datagram: number; host: HostId }
  | { kind: 'udp.dropped'; datagram: number; reason: DropReason; at: HostId | LinkId }
  | { kind: 'host.down'; host: HostId }
  | { kind: 'host.up'; host: HostId }
  | { kind: 'link.down'; link: LinkId }
  | { kind: 'link.up'; link: LinkId }
  | { kind: 'link.changed'; link: LinkId; latency: number; jitter: number; loss: number };

/** NetEventKind is the `kind` of any network event. */
export type NetEventKind = NetEvent['kind'];
