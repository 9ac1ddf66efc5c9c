// The phases of a TCP connection worth naming on a diagram: the 3-way handshake and the close (RFC 793 §3.4, §3.5).
import type { ConnId, Endpoint, TcpFlag } from '../net/types.ts';
import { sentByClient, type ConnOpened } from './connOpenings.ts';

/** PhaseArrow is what phase-finding needs to know of an arrow. */
export interface PhaseArrow {
  readonly conn: ConnId;
  readonly from: Pick<Endpoint, 'host' | 'port'>;
  readonly flags: readonly TcpFlag[];
  readonly y1: number;
  readonly y2: number;
}

/** Phase brackets the 3-way handshake or the closing of one connection, from `y0` to `y1`. */
export interface Phase {
  readonly kind: 'handshake' | 'close';
  readonly conn: ConnId;
  readonly x: number;
  readonly y0: number;
  readonly y1: number;
}

/**
 * connectionPhases finds each connection's 3-way handshake (the client's SYN, the SYN-ACK, the client's ACK)
 * and its close (first FIN on). Which end is the client comes from `openings`; a connection the trace does not
 * describe, or whose client's SYN is not in the trace, gets no handshake.
 */
export function connectionPhases(
  arrows: readonly PhaseArrow[],
  openings: ReadonlyMap<ConnId, ConnOpened>,
  x: number,
): Phase[] {
  const phases: Phase[] = [];
  for (const conn of new Set(arrows.map((a) => a.conn))) {
    const own = arrows.filter((a) => a.conn === conn);
    const handshake = handshakeOf(own, openings.get(conn));
    if (handshake !== null) phases.push({ kind: 'handshake', conn, x, ...handshake });
    const fin = own.findIndex((a) => a.flags.includes('FIN'));
    if (fin >= 0) {
      const after = own.slice(fin);
      phases.push({
        kind: 'close',
        conn,
        x,
        y0: (own[fin] as PhaseArrow).y1,
        y1: Math.max(...after.map((a) => a.y2)),
      });
    }
  }
  return phases;
}

// The handshake runs from the client's SYN leaving to its ACK of the SYN-ACK arriving.
function handshakeOf(
  own: readonly PhaseArrow[],
  opened: ConnOpened | undefined,
): { y0: number; y1: number } | null {
  if (opened === undefined) return null;
  const has = (a: PhaseArrow, f: TcpFlag) => a.flags.includes(f);
  const fromClient = (a: PhaseArrow) => sentByClient(opened, a);
  const syn = own.findIndex((a) => fromClient(a) && has(a, 'SYN') && !has(a, 'ACK'));
  if (syn < 0) return null;
  const synAck = own.findIndex((a, i) => i > syn && !fromClient(a) && has(a, 'SYN') && has(a, 'ACK'));
  if (synAck < 0) return null;
  const ack = own.findIndex((a, i) => i > synAck && fromClient(a) && has(a, 'ACK') && !has(a, 'SYN'));
  if (ack < 0) return null;
  return { y0: (own[syn] as PhaseArrow).y1, y1: (own[ack] as PhaseArrow).y2 };
}
