// The shapes a sequence diagram is made of, as sequenceLayout returns them: plain data, in page pixels.
import type { DropReason } from '../net/netEvents.ts';
import type { ConnId, Endpoint, HostId, TcpFlag, TcpState } from '../net/types.ts';
import type { Box } from './avoidOverlaps.ts';
import type { TimeBreak } from './compressedTimeScale.ts';
import type { Phase } from './connectionPhases.ts';

/** Lane is one host's vertical line. `tone` picks its colour, which its outgoing arrows share. */
export interface Lane {
  readonly host: HostId;
  readonly addr: string;
  readonly x: number;
  readonly tone: number;
}

/** TextMark is one line of text: `x` is its centre, `y` its baseline. */
export interface TextMark {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/** LineChip is a protocol line (`app.line`) the arrow carried: a box at `x`..`x + width`, `y`..`y + height`. */
export interface LineChip extends TextMark {
  readonly box: Box;
  readonly from: 'client' | 'server';
}

/** ArrowEnd says how a segment's journey ended: arrived, dropped on the way, or still in flight. */
export type ArrowEnd =
  | { readonly kind: 'arrived'; readonly t: number }
  | { readonly kind: 'dropped'; readonly t: number; readonly reason: DropReason; readonly at: string }
  | { readonly kind: 'in-flight' };

/**
 * SegmentArrow is one TCP segment: from the sender's lane at the send time to the receiver's lane at the
 * arrival time. Sequence numbers are shown relative to each side's initial sequence number, as Wireshark does;
 * the absolute values stay here for tooltips. `relAck` is null when there is no ACK flag.
 */
export interface SegmentArrow {
  readonly id: string;
  readonly conn: ConnId;
  readonly segment: number;
  readonly from: Endpoint;
  readonly to: Endpoint;
  /** flags are in Wireshark's order: FIN, SYN, RST, PSH, ACK. */
  readonly flags: readonly TcpFlag[];
  readonly seqNo: number;
  readonly ackNo: number;
  readonly relSeq: number;
  readonly relAck: number | null;
  readonly bytes: number;
  readonly window: number;
  readonly retransmission: boolean;
  readonly sentAt: number;
  readonly end: ArrowEnd;
  readonly tone: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** shaft is the line's path, stopping where the head begins; `head` and `cross` are filled outlines. */
  readonly shaft: string;
  readonly head: string | null;
  readonly cross: string | null;
  readonly label: TextMark;
  readonly lines: readonly LineChip[];
}

/** StateLabel is a TCP state change on a lane, drawn as a pill beside it; `initial` marks the state before. */
export interface StateLabel {
  readonly host: HostId;
  readonly conn: ConnId;
  readonly port: number;
  readonly t: number;
  readonly from: TcpState | null;
  readonly to: TcpState;
  readonly initial: boolean;
  readonly text: string;
  readonly box: Box;
  readonly tone: number;
}

/** TimeTick is a moment printed on the time axis. */
export interface TimeTick {
  readonly t: number;
  readonly y: number;
}

/** SequenceLayout is everything the sequence diagram draws. */
export interface SequenceLayout {
  readonly width: number;
  readonly height: number;
  readonly lanes: readonly Lane[];
  readonly arrows: readonly SegmentArrow[];
  readonly labels: readonly StateLabel[];
  readonly ticks: readonly TimeTick[];
  readonly breaks: readonly TimeBreak[];
  readonly phases: readonly Phase[];
  /** axisX is where the time axis runs. */
  readonly axisX: number;
  /** yAt places a virtual time (ms) on the page. */
  readonly yAt: (t: number) => number;
}
