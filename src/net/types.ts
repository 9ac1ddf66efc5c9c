// The vocabulary of the virtual network: host and connection names, endpoints, and TCP segments as they travel.

/** HostId is a host's name in the scenario (e.g. `crepes.fr`), unique in a world. */
export type HostId = string;

/** LinkId names a link between two nodes of the network. */
export type LinkId = string;

/** ConnId names one TCP connection; both of its endpoints share it, so views can pair them. */
export type ConnId = string;

/** Endpoint is one end of a connection: a host, its address and a port. */
export interface Endpoint {
  readonly host: HostId;
  readonly addr: string;
  readonly port: number;
}

/** TcpFlag is a control bit of the TCP header (RFC 793 §3.1); segments list them in the order SYN, ACK, PSH, FIN, RST. */
export type TcpFlag = 'SYN' | 'ACK' | 'PSH' | 'FIN' | 'RST';

/**
 * Segment is a TCP segment in flight. `payload` holds octets as a binary string (one char per byte);
 * `mss` is the maximum segment size option, sent only on SYN segments (RFC 793 §3.1, RFC 879).
 */
export interface Segment {
  readonly id: number;
  readonly conn: ConnId;
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly flags: readonly TcpFlag[];
  readonly seqNo: number;
  readonly ackNo: number;
  readonly window: number;
  readonly payload: string;
  readonly mss?: number;
}

/** TcpState is a state of a TCP endpoint as RFC 793 §3.2 names it. */
export type TcpState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECEIVED'
  | 'ESTABLISHED'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT';

/** SocketError says why a connection failed, as an application sees it. */
export type SocketError = 'refused' | 'timeout' | 'reset' | 'unreachable' | 'host-down';

const FLAG_ORDER: readonly TcpFlag[] = ['SYN', 'ACK', 'PSH', 'FIN', 'RST'];
// Every combination of the five bits, each one frozen array in FLAG_ORDER, indexed by the bits' mask.
const FLAG_SETS: readonly (readonly TcpFlag[])[] = Array.from({ length: 1 << FLAG_ORDER.length }, (_, mask) =>
  Object.freeze(FLAG_ORDER.filter((_, bit) => (mask & (1 << bit)) !== 0)),
);

/**
 * flagSet is `flags` in the order segments list them, as the one frozen array every segment with these bits
 * shares: segments are made by the thousand, and their events keep their flags (a copy for each was about a
 * fifth of what a segment's event kept).
 */
export function flagSet(flags: readonly TcpFlag[]): readonly TcpFlag[] {
  let mask = 0;
  for (const flag of flags) mask |= 1 << FLAG_ORDER.indexOf(flag);
  return FLAG_SETS[mask] as readonly TcpFlag[];
}

/** hasFlag tells whether a segment carries a control bit. */
export function hasFlag(segment: Pick<Segment, 'flags'>, flag: TcpFlag): boolean {
  return segment.flags.includes(flag);
}

/** segmentLength is the sequence space a segment occupies: its payload, plus one each for SYN and FIN. */
export function segmentLength(segment: Pick<Segment, 'flags' | 'payload'>): number {
  return segment.payload.length + (hasFlag(segment, 'SYN') ? 1 : 0) + (hasFlag(segment, 'FIN') ? 1 : 0);
}
