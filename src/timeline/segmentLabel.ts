// How a TCP segment is summed up on its arrow: Wireshark's flag order and relative sequence numbers, so the
// diagram reads like the capture tools students will use next.
import type { TcpFlag } from '../net/types.ts';

/** WIRESHARK_FLAG_ORDER is the order Wireshark lists flags in (`SYN, ACK`, `FIN, ACK`, `PSH, ACK`). */
export const WIRESHARK_FLAG_ORDER: readonly TcpFlag[] = ['FIN', 'SYN', 'RST', 'PSH', 'ACK'];

/** wiresharkFlags puts a segment's flags in Wireshark's order. */
export function wiresharkFlags(flags: readonly TcpFlag[]): TcpFlag[] {
  return WIRESHARK_FLAG_ORDER.filter((f) => flags.includes(f));
}

/** relativeTo is a sequence number counted from an initial one, modulo 2^32 as TCP counts (RFC 793 §3.3). */
export function relativeTo(initial: number, value: number): number {
  return (value - initial) >>> 0;
}

/**
 * segmentLabel writes flags (already in Wireshark's order) and relative numbers as Wireshark's summary does:
 * `SYN, ACK seq=0 ack=1`, `PSH, ACK seq=1 ack=1 len=23`. The ack number is left out when `relAck` is null.
 */
export function segmentLabel(
  flags: readonly TcpFlag[],
  relSeq: number,
  relAck: number | null,
  bytes: number,
): string {
  const parts = [flags.join(', '), `seq=${relSeq}`];
  if (relAck !== null) parts.push(`ack=${relAck}`);
  if (bytes > 0) parts.push(`len=${bytes}`);
  return parts.join(' ');
}
