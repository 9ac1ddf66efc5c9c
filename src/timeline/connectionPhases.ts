// The phases of a TCP connection worth naming on a diagram: the 3-way handshake and the close (RFC 793 §3.4, §3.5).
import type { ConnId, TcpFlag } from '../net/types.ts';

/** PhaseArrow is what phase-finding needs to know of an arrow. */
export interface PhaseArrow {
  readonly conn: ConnId;
  readonly from: { readonly host: string };
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

/** connectionPhases finds each connection's 3-way handshake (SYN, SYN-ACK, ACK) and its close (first FIN on). */
export function connectionPhases(arrows: readonly PhaseArrow[], x: number): Phase[] {
  const phases: Phase[] = [];
  for (const conn of new Set(arrows.map((a) => a.conn))) {
    const own = arrows.filter((a) => a.conn === conn);
    const has = (a: PhaseArrow, f: TcpFlag) => a.flags.includes(f);
    const syn = own.findIndex((a) => has(a, 'SYN') && !has(a, 'ACK'));
    const synAck = own.findIndex((a, i) => i > syn && has(a, 'SYN') && has(a, 'ACK'));
    const opener = own[syn]?.from.host;
    const ack = own.findIndex(
      (a, i) => i > synAck && a.from.host === opener && has(a, 'ACK') && !has(a, 'SYN'),
    );
    if (syn >= 0 && synAck > syn && ack > synAck) {
      phases.push({
        kind: 'handshake',
        conn,
        x,
        y0: (own[syn] as PhaseArrow).y1,
        y1: (own[ack] as PhaseArrow).y2,
      });
    }
    const fin = own.findIndex((a) => has(a, 'FIN'));
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
