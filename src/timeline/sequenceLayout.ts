// The sequence diagram as shapes: trace + size → lanes, arrows, labels and height. Pure: no DOM, no Svelte;
// d3-scale does the sums and the view draws exactly what comes back.
import type { ConnId, Endpoint, HostId, TcpState } from '../net/types.ts';
import type { EventOf, TraceEvent } from '../sim/trace.ts';
import { arrowHead, crossPath, round1 } from './arrowShapes.ts';
import { avoidOverlaps, type Box } from './avoidOverlaps.ts';
import { compressedTimeScale } from './compressedTimeScale.ts';
import { connectionPhases } from './connectionPhases.ts';
import { monoWidth } from './monoWidth.ts';
import { relativeTo, segmentLabel, wiresharkFlags } from './segmentLabel.ts';
import type {
  ArrowEnd,
  Lane,
  LineChip,
  SegmentArrow,
  SequenceLayout,
  StateLabel,
  TimeTick,
} from './sequenceShapes.ts';

export type * from './sequenceShapes.ts';
export type { Phase } from './connectionPhases.ts';
export type { TimeBreak } from './compressedTimeScale.ts';

/**
 * SEQUENCE_METRICS are the sizes the layout assumes, in pixels. Labels are set in a monospace font so that
 * their width is known here without measuring text; the view must use the same font sizes.
 */
export const SEQUENCE_METRICS = {
  fontSize: 15,
  stateFontSize: 13,
  phaseColumn: 150,
  timeColumn: 84,
  statePad: 12,
  statePillPadding: 10,
  statePillHeight: 22,
  rightPad: 12,
  top: 72,
  bottomPad: 40,
  rowGap: 46,
  pxPerMs: 0.6,
  maxGap: 96,
  breakAfterMs: 400,
  breakHeight: 76,
  chipHeight: 22,
  chipPadding: 8,
  headLength: 13,
  headWidth: 11,
  crossSize: 8,
  minTickGap: 18,
} as const;

/** SequenceSize is the room the diagram may use; its height follows from the trace. */
export interface SequenceSize {
  readonly width: number;
}

type Segment = EventOf<'tcp.segment'>;

/** Two things on one lane at the same instant are split by this fraction of a ms, so each gets a row. */
const TIE = 1e-3;

function endpointKey(conn: ConnId, e: Pick<Endpoint, 'host' | 'port'>): string {
  return `${conn} ${e.host}:${e.port}`;
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

const r = round1;

/**
 * sequenceLayout lays out every TCP segment of `trace` as an arrow between host lanes, with state changes,
 * protocol lines, time ticks, breaks for long quiet spells, and brackets for handshakes and closes.
 */
export function sequenceLayout(trace: readonly TraceEvent[], size: SequenceSize): SequenceLayout {
  const M = SEQUENCE_METRICS;
  const segments = trace.filter((e): e is Segment => e.kind === 'tcp.segment');
  const states = trace.filter((e): e is EventOf<'tcp.state'> => e.kind === 'tcp.state');

  // Lanes, in the order hosts first take part.
  const addrs = new Map<HostId, string>();
  for (const s of segments) {
    if (!addrs.has(s.from.host)) addrs.set(s.from.host, s.from.addr);
    if (!addrs.has(s.to.host)) addrs.set(s.to.host, s.to.addr);
  }
  for (const s of states) if (!addrs.has(s.host)) addrs.set(s.host, '');
  const hosts = [...addrs.keys()];
  const laneIndex = new Map(hosts.map((h, i) => [h, i]));

  // How each segment ended, and which protocol lines it carried.
  const arrivals = new Map<string, EventOf<'tcp.arrived'>>();
  const drops = new Map<string, EventOf<'tcp.dropped'>>();
  const carried = new Map<string, EventOf<'app.line'>[]>();
  const pending = new Map<string, EventOf<'app.line'>[]>();
  for (const e of trace) {
    if (e.kind === 'tcp.arrived') arrivals.set(`${e.conn}#${e.segment}`, e);
    else if (e.kind === 'tcp.dropped') drops.set(`${e.conn}#${e.segment}`, e);
    else if (e.kind === 'app.line') {
      const key = `${e.conn} ${e.host}`;
      pending.set(key, [...(pending.get(key) ?? []), e]);
    } else if (e.kind === 'tcp.segment' && e.bytes > 0) {
      // A line is written before the segment that carries it leaves, so it rides the next data segment.
      const key = `${e.conn} ${e.from.host}`;
      const lines = pending.get(key);
      if (lines !== undefined) {
        carried.set(`${e.conn}#${e.segment}`, lines);
        pending.delete(key);
      }
    }
  }

  // Each side's initial sequence number is the first it sends (its SYN, unless the trace began later).
  const isn = new Map<string, number>();
  for (const s of segments)
    if (!isn.has(endpointKey(s.conn, s.from))) isn.set(endpointKey(s.conn, s.from), s.seqNo);

  // Rows: every send, arrival, drop and state change is a moment on the time scale.
  const byId = new Map(segments.map((s) => [`${s.conn}#${s.segment}`, s]));
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
      const s = byId.get(`${e.conn}#${e.segment}`);
      if (s !== undefined) endKey.set(s, key);
      keys.push(key);
    } else if (e.kind === 'tcp.dropped' || e.kind === 'tcp.state') keys.push(e.t);
    else continue;
    moments.add(e.t);
  }
  const time = compressedTimeScale(keys, {
    top: M.top,
    rowGap: M.rowGap,
    pxPerMs: M.pxPerMs,
    maxGap: M.maxGap,
    breakAfterMs: M.breakAfterMs,
    breakHeight: M.breakHeight,
  });

  // State labels decide how much room each side of the lanes needs.
  const multiConn = new Map<HostId, Set<ConnId>>();
  for (const s of states) multiConn.set(s.host, (multiConn.get(s.host) ?? new Set()).add(s.conn));
  const stateText = (s: EventOf<'tcp.state'>, state: TcpState) =>
    ((multiConn.get(s.host)?.size ?? 0) > 1 ? `:${s.port} ` : '') + state;
  const pillWidth = (text: string) => monoWidth(text, M.stateFontSize) + 2 * M.statePillPadding;
  const stateColumn =
    Math.max(pillWidth('ESTABLISHED'), ...states.map((s) => pillWidth(stateText(s, s.to)))) + M.statePad;

  const left = M.phaseColumn + M.timeColumn + stateColumn;
  const right = Math.max(left, size.width - stateColumn - M.rightPad);
  const lanes: Lane[] = hosts.map((host, i) => ({
    host,
    addr: addrs.get(host) ?? '',
    x: r(hosts.length === 1 ? (left + right) / 2 : left + ((right - left) * i) / (hosts.length - 1)),
    tone: i,
  }));
  const laneOf = (host: HostId) => lanes[laneIndex.get(host) as number] as Lane;

  // Arrows first without labels; labels are placed together afterwards so they can avoid each other.
  interface Draft {
    arrow: Omit<SegmentArrow, 'label' | 'lines'>;
    labelText: string;
    lines: EventOf<'app.line'>[];
    anchorX: number;
    anchorY: number;
    lo: number;
    hi: number;
  }
  const drafts: Draft[] = segments.map((s) => {
    const id = `${s.conn}#${s.segment}`;
    const flags = wiresharkFlags(s.flags);
    const relSeq = relativeTo(isn.get(endpointKey(s.conn, s.from)) as number, s.seqNo);
    const peerIsn = isn.get(endpointKey(s.conn, s.to));
    const relAck = !s.flags.includes('ACK')
      ? null
      : peerIsn === undefined
        ? s.ackNo
        : relativeTo(peerIsn, s.ackNo);
    const fromLane = laneOf(s.from.host);
    const toLane = laneOf(s.to.host);
    const x1 = fromLane.x;
    const y1 = time.y(sendKey.get(s) as number);
    const midX = (fromLane.x + toLane.x) / 2;
    const arrival = arrivals.get(id);
    const drop = drops.get(id);
    let end: ArrowEnd;
    let x2: number;
    let y2: number;
    let head: string | null = null;
    let cross: string | null = null;
    let shaftEnd: [number, number];
    if (arrival !== undefined) {
      end = { kind: 'arrived', t: arrival.t };
      x2 = toLane.x;
      y2 = time.y(endKey.get(s) as number);
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
    const text = (s.retransmission ? '↻ ' : '') + segmentLabel(flags, relSeq, relAck, s.bytes);
    return {
      arrow,
      labelText: text,
      lines: carried.get(id) ?? [],
      anchorX: (x1 + x2) / 2,
      anchorY: (y1 + y2) / 2,
      lo: Math.min(fromLane.x, toLane.x),
      hi: Math.max(fromLane.x, toLane.x),
    };
  });

  // The summary sits above the arrow's middle, high enough that the sloping line passes under all of it. The
  // lines it carried hang just below where it leaves the sender, as an application hands them to TCP there.
  const labelAscent = M.fontSize * 0.8;
  const blocks = drafts.map((d) => {
    const { x1, y1, x2, y2 } = d.arrow;
    const slope = Math.abs((y2 - y1) / (x2 - x1 || 1));
    const labelWidth = monoWidth(d.labelText, M.fontSize);
    const lo = d.lo + M.statePad + labelWidth / 2;
    const hi = d.hi - M.statePad - labelWidth / 2;
    const x = lo <= hi ? Math.min(Math.max(d.anchorX, lo), hi) : (d.lo + d.hi) / 2;
    const baseline = d.anchorY - (slope * labelWidth) / 2 - 5;
    const label: Box = {
      x0: x - labelWidth / 2,
      x1: x + labelWidth / 2,
      y0: baseline - labelAscent,
      y1: baseline + 4,
    };
    const side = x2 >= x1 ? 1 : -1;
    const chipWidths = d.lines.map((l) => monoWidth(l.line, M.fontSize) + 2 * M.chipPadding);
    const chipsWidth = Math.max(0, ...chipWidths);
    const chipsTop = y1 + slope * (M.statePad + chipsWidth) + 5;
    const chipX0 = side > 0 ? x1 + M.statePad : x1 - M.statePad - chipsWidth;
    const chips: Box = {
      x0: chipX0,
      x1: chipX0 + chipsWidth,
      y0: chipsTop,
      y1: chipsTop + d.lines.length * (M.chipHeight + 3) - 3,
    };
    return { x, baseline, labelWidth, label, chips, chipWidths, side };
  });

  const stateDrafts: Omit<StateLabel, 'box'>[] = [];
  const seenEndpoint = new Set<string>();
  for (const s of states) {
    const lane = laneOf(s.host);
    const key = endpointKey(s.conn, s);
    if (!seenEndpoint.has(key)) {
      seenEndpoint.add(key);
      stateDrafts.push({
        host: s.host,
        conn: s.conn,
        port: s.port,
        t: s.t,
        from: null,
        to: s.from,
        initial: true,
        text: stateText(s, s.from),
        tone: lane.tone,
      });
    }
    stateDrafts.push({
      host: s.host,
      conn: s.conn,
      port: s.port,
      t: s.t,
      from: s.from,
      to: s.to,
      initial: false,
      text: stateText(s, s.to),
      tone: lane.tone,
    });
  }
  // A connection's states before its first change sit just above its first segment.
  const opened = new Map<ConnId, number>();
  for (const s of segments) if (!opened.has(s.conn)) opened.set(s.conn, s.t);
  const stateBoxes: Box[] = stateDrafts.map((d) => {
    const lane = laneOf(d.host);
    const width = pillWidth(d.text);
    const y = d.initial ? time.y(opened.get(d.conn) ?? d.t) - M.rowGap * 0.6 : time.y(d.t);
    const onLeft = laneIndex.get(d.host) === 0 && lanes.length > 1;
    const x0 = onLeft ? lane.x - M.statePad - width : lane.x + M.statePad;
    return { x0, x1: x0 + width, y0: y - M.statePillHeight / 2, y1: y + M.statePillHeight / 2 };
  });

  // Arrow labels, then carried lines, then states: the order in which they give way to each other.
  const chipOwners = blocks.flatMap((block, i) => (block.chipWidths.length > 0 ? [i] : []));
  const shifts = avoidOverlaps([
    ...blocks.map((block) => block.label),
    ...chipOwners.map((i) => (blocks[i] as (typeof blocks)[number]).chips),
    ...stateBoxes,
  ]);
  const chipShift = new Map(chipOwners.map((owner, k) => [owner, shifts[blocks.length + k] as number]));
  const arrows: SegmentArrow[] = drafts.map((d, i) => {
    const block = blocks[i] as (typeof blocks)[number];
    const dy = chipShift.get(i) ?? 0;
    const lines = d.lines.map((l, j): LineChip => {
      const width = block.chipWidths[j] as number;
      const top = block.chips.y0 + dy + j * (M.chipHeight + 3);
      const x0 = block.side > 0 ? block.chips.x0 : block.chips.x1 - width;
      return {
        text: l.line,
        from: l.from,
        x: r(x0 + width / 2),
        y: r(top + M.chipHeight / 2 + M.fontSize * 0.32),
        width: r(width),
        box: { x0: r(x0), x1: r(x0 + width), y0: r(top), y1: r(top + M.chipHeight) },
      };
    });
    const label = {
      text: d.labelText,
      x: r(block.x),
      y: r(block.baseline + (shifts[i] as number)),
      width: r(block.labelWidth),
    };
    return { ...d.arrow, label, lines };
  });
  const labels: StateLabel[] = stateDrafts.map((d, i) => {
    const b = stateBoxes[i] as Box;
    const dy = shifts[blocks.length + chipOwners.length + i] as number;
    return { ...d, box: { x0: r(b.x0), x1: r(b.x1), y0: r(b.y0 + dy), y1: r(b.y1 + dy) } };
  });

  // Ticks at each distinct moment, skipping those too close to print.
  const ticks: TimeTick[] = [];
  for (const t of [...moments].sort((a, b) => a - b)) {
    const y = r(time.y(t));
    const last = ticks[ticks.length - 1];
    if (last === undefined || y - last.y >= M.minTickGap) ticks.push({ t, y });
  }

  const phases = connectionPhases(arrows, M.phaseColumn - 14);
  const lowest = Math.max(
    time.bottom,
    ...arrows.flatMap((a) => [a.y2, a.label.y, ...a.lines.map((l) => l.box.y1)]),
    ...labels.map((l) => l.box.y1),
  );
  return {
    width: size.width,
    height: Math.ceil(lowest + M.bottomPad),
    lanes,
    arrows,
    labels,
    ticks,
    breaks: time.breaks,
    phases,
    axisX: M.phaseColumn + M.timeColumn - 12,
    yAt: (t) => time.y(t),
  };
}
