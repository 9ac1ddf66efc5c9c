// The arrows of a sequence diagram before their labels are placed: the rows of the time scale they start and end
// on, how each segment's journey ended, its sequence numbers relative to each side's first, the lines it carried.
import type { ConnId, Endpoint, HostId } from '../net/types.ts';
import { isHeadFieldLine } from '../sim/httpHeadLine.ts';
import type { EventOf, TraceEvent } from '../sim/trace.ts';
import { arrowHead, crossPath, round1 } from './arrowShapes.ts';
import type { CompressedTimeScale } from './compressedTimeScale.ts';
import { relativeTo, segmentLabel, wiresharkFlags } from './segmentLabel.ts';
import { SEQUENCE_METRICS as M } from './sequenceMetrics.ts';
import type { ArrowEnd, Lane, SegmentArrow } from './sequenceShapes.ts';

type Segment = EventOf<'tcp.segment'>;
type Line = EventOf<'app.line'>;

const r = round1;

/** Two things on one lane at the same instant are split by this fraction of a ms, so each gets a row. */
const TIE = 1e-3;

/** endpointKey names one end of a connection. */
export function endpointKey(conn: ConnId, e: Pick<Endpoint, 'host' | 'port'>): string {
  return `${conn} ${e.host}:${e.port}`;
}

/** segmentKey names a segment as `tcp.arrived` and `tcp.dropped` refer to it. */
export function segmentKey(e: { conn: ConnId; segment: number }): string {
  return `${e.conn}#${e.segment}`;
}

/** Counts things per lane and instant, so the n-th send (or arrival) at one instant gets key t + n·TIE. */
class TieCounter {
  #counts = new Map<string, number>();
  key(host: HostId, what: string, t: number): number {
    const id = `${host} ${what} ${t}`;
    const n = this.#counts.get(id) ?? 0;
    this.#counts.set(id, n + 1);
    return t + n * TIE;
  }
}

/** Journeys is how each segment ended (arrived or dropped) and which protocol lines it carried. */
export interface Journeys {
  readonly arrivals: ReadonlyMap<string, EventOf<'tcp.arrived'>>;
  readonly drops: ReadonlyMap<string, EventOf<'tcp.dropped'>>;
  readonly carried: ReadonlyMap<string, Line[]>;
}

/**
 * segmentJourneys finds each segment's arrival or drop, and the lines it carried: a line is written before the
 * segment that carries it leaves, so it rides its sender's next data segment. An HTTP head counts as its first line.
 */
export function segmentJourneys(trace: readonly TraceEvent[]): Journeys {
  const arrivals = new Map<string, EventOf<'tcp.arrived'>>();
  const drops = new Map<string, EventOf<'tcp.dropped'>>();
  const carried = new Map<string, Line[]>();
  const pending = new Map<string, Line[]>();
  for (const e of trace) {
    if (e.kind === 'tcp.arrived') arrivals.set(segmentKey(e), e);
    else if (e.kind === 'tcp.dropped') drops.set(segmentKey(e), e);
    else if (e.kind === 'app.line') {
      // An HTTP head is drawn as its request or status line; its fields are in the transcript.
      if (isHeadFieldLine(e)) continue;
      const key = `${e.conn} ${e.host}`;
      pending.set(key, [...(pending.get(key) ?? []), e]);
    } else if (e.kind === 'tcp.segment' && e.bytes > 0) {
      const key = `${e.conn} ${e.from.host}`;
      const lines = pending.get(key);
      if (lines !== undefined) {
        carried.set(segmentKey(e), lines);
        pending.delete(key);
      }
    }
  }
  return { arrivals, drops, carried };
}

/** initialSequenceNumbers takes each side's first sequence number sent (its SYN, unless the trace began later). */
export function initialSequenceNumbers(segments: readonly Segment[]): Map<string, number> {
  const isn = new Map<string, number>();
  for (const s of segments)
    if (!isn.has(endpointKey(s.conn, s.from))) isn.set(endpointKey(s.conn, s.from), s.seqNo);
  return isn;
}

/** Rows are the time scale's keys: one per send, arrival, drop and state change, ties on a lane split apart. */
export interface Rows {
  readonly keys: readonly number[];
  readonly moments: ReadonlySet<number>;
  readonly sendKey: ReadonlyMap<Segment, number>;
  readonly endKey: ReadonlyMap<Segment, number>;
}

/** timeRows gives every send, arrival, drop and state change a key on the time scale, in trace order. */
export function timeRows(trace: readonly TraceEvent[], segments: readonly Segment[]): Rows {
  const byId = new Map(segments.map((s) => [segmentKey(s), s]));
  const ties = new TieCounter();
  const sendKey = new Map<Segment, number>();
  const endKey = new Map<Segment, number>();
  const keys: number[] = [];
  const moments = new Set<number>();
  for (const e of trace) {
    if (e.kind === 'tcp.segment') {
      const key = ties.key(e.from.host, 'send', e.t);
      sendKey.set(e, key);
      keys.push(key);
    } else if (e.kind === 'tcp.arrived') {
      const key = ties.key(e.host, 'arrive', e.t);
      const s = byId.get(segmentKey(e));
      if (s !== undefined) endKey.set(s, key);
      keys.push(key);
    } else if (e.kind === 'tcp.dropped' || e.kind === 'tcp.state') keys.push(e.t);
    else continue;
    moments.add(e.t);
  }
  return { keys, moments, sendKey, endKey };
}

/** laneOf is the lane of a host that placeLanes has placed. */
export function laneOf(lanes: ReadonlyMap<HostId, Lane>, host: HostId): Lane {
  return lanes.get(host) as Lane;
}

/** ArrowDraft is an arrow before its label is placed; labels are placed together afterwards to avoid each other. */
export interface ArrowDraft {
  readonly arrow: Omit<SegmentArrow, 'label' | 'lines'>;
  readonly labelText: string;
  readonly lines: readonly Line[];
  readonly anchorX: number;
  readonly anchorY: number;
  readonly lo: number;
  readonly hi: number;
}

/**
 * draftArrow draws a segment from its sender's lane at the send time: to the receiver's lane at the arrival,
 * half-way across to a cross where it was lost, or half-way across and down while still in flight.
 */
export function draftArrow(
  s: Segment,
  lanes: ReadonlyMap<HostId, Lane>,
  isn: ReadonlyMap<string, number>,
  journeys: Journeys,
  rows: Rows,
  time: CompressedTimeScale,
): ArrowDraft {
  const id = segmentKey(s);
  const flags = wiresharkFlags(s.flags);
  const relSeq = relativeTo(isn.get(endpointKey(s.conn, s.from)) as number, s.seqNo);
  const peerIsn = isn.get(endpointKey(s.conn, s.to));
  const relAck = !s.flags.includes('ACK')
    ? null
    : peerIsn === undefined
      ? s.ackNo
      : relativeTo(peerIsn, s.ackNo);
  const fromLane = laneOf(lanes, s.from.host);
  const toLane = laneOf(lanes, s.to.host);
  const x1 = fromLane.x;
  const y1 = time.y(rows.sendKey.get(s) as number);
  const midX = (fromLane.x + toLane.x) / 2;
  const arrival = journeys.arrivals.get(id);
  const drop = journeys.drops.get(id);
  let end: ArrowEnd;
  let x2: number;
  let y2: number;
  let head: string | null = null;
  let cross: string | null = null;
  let shaftEnd: [number, number];
  if (arrival !== undefined) {
    end = { kind: 'arrived', t: arrival.t };
    x2 = toLane.x;
    y2 = time.y(rows.endKey.get(s) as number);
    const h = arrowHead(x1, y1, x2, y2, M.headLength, M.headWidth);
    head = h.path;
    shaftEnd = [h.base[0], h.base[1]];
  } else if (drop !== undefined) {
    // Lost on the way: the arrow stops half-way across, at the drop time or half a row down if it was instant.
    end = { kind: 'dropped', t: drop.t, reason: drop.reason, at: drop.at };
    x2 = midX;
    y2 = Math.max(time.y(drop.t), y1 + M.rowGap / 2);
    cross = crossPath(x2, y2, M.crossSize);
    shaftEnd = [x2, y2];
  } else {
    end = { kind: 'in-flight' };
    x2 = midX;
    y2 = Math.max(time.bottom, y1 + M.rowGap / 2);
    shaftEnd = [x2, y2];
  }
  const arrow = {
    id,
    conn: s.conn,
    segment: s.segment,
    from: s.from,
    to: s.to,
    flags,
    seqNo: s.seqNo,
    ackNo: s.ackNo,
    relSeq,
    relAck,
    bytes: s.bytes,
    window: s.window,
    retransmission: s.retransmission,
    sentAt: s.t,
    end,
    tone: fromLane.tone,
    x1: r(x1),
    y1: r(y1),
    x2: r(x2),
    y2: r(y2),
    shaft: `M${r(x1)},${r(y1)}L${r(shaftEnd[0])},${r(shaftEnd[1])}`,
    head,
    cross,
  };
  return {
    arrow,
    labelText: (s.retransmission ? '↻ ' : '') + segmentLabel(flags, relSeq, relAck, s.bytes),
    lines: journeys.carried.get(id) ?? [],
    anchorX: (x1 + x2) / 2,
    anchorY: (y1 + y2) / 2,
    lo: Math.min(fromLane.x, toLane.x),
    hi: Math.max(fromLane.x, toLane.x),
  };
}
