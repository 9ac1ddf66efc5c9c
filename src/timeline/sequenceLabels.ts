// The words of a sequence diagram: each arrow's summary and the lines it carried, and the TCP state pills on the
// lanes, first where they belong and then moved down just enough that none covers another.
import type { ConnId, HostId, TcpState } from '../net/types.ts';
import { shownLine } from '../sim/shownLine.ts';
import type { EventOf } from '../sim/trace.ts';
import { round1 } from './arrowShapes.ts';
import { avoidOverlaps, type Box } from './avoidOverlaps.ts';
import type { CompressedTimeScale } from './compressedTimeScale.ts';
import { monoWidth } from './monoWidth.ts';
import { endpointKey, laneOf, type ArrowDraft } from './sequenceArrows.ts';
import { SEQUENCE_METRICS as M } from './sequenceMetrics.ts';
import type { Lane, LineChip, SegmentArrow, StateLabel } from './sequenceShapes.ts';

type Segment = EventOf<'tcp.segment'>;
type StateChange = EventOf<'tcp.state'>;

const r = round1;

/** stateWording words a state for its pill, with the port when its host has more than one connection. */
export function stateWording(states: readonly StateChange[]): (s: StateChange, state: TcpState) => string {
  const multiConn = new Map<HostId, Set<ConnId>>();
  for (const s of states) multiConn.set(s.host, (multiConn.get(s.host) ?? new Set()).add(s.conn));
  return (s, state) => ((multiConn.get(s.host)?.size ?? 0) > 1 ? `:${s.port} ` : '') + state;
}

function pillWidth(text: string): number {
  return monoWidth(text, M.stateFontSize) + 2 * M.statePillPadding;
}

/** stateColumnWidth is the room beside a lane for its widest state pill (at least ESTABLISHED). */
export function stateColumnWidth(
  states: readonly StateChange[],
  stateText: (s: StateChange, state: TcpState) => string,
): number {
  return Math.max(pillWidth('ESTABLISHED'), ...states.map((s) => pillWidth(stateText(s, s.to)))) + M.statePad;
}

/** LabelBlock is where an arrow's summary and its carried lines would sit before they give way to others. */
export interface LabelBlock {
  readonly x: number;
  readonly baseline: number;
  readonly labelWidth: number;
  readonly label: Box;
  readonly chips: Box;
  readonly chipWidths: readonly number[];
  readonly side: 1 | -1;
}

/**
 * labelBlock puts an arrow's summary above its middle, high enough that the sloping line passes under all of
 * it, and the lines it carried just below where it leaves the sender, as an application hands them to TCP there.
 */
export function labelBlock(d: ArrowDraft): LabelBlock {
  const labelAscent = M.fontSize * 0.8;
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
  // A line is drawn as people may see it: credentials masked, control characters escaped (sim/shownLine.ts).
  const chipWidths = d.lines.map((l) => monoWidth(shownLine(l), M.fontSize) + 2 * M.chipPadding);
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
}

/** Pill is a state label before it has a box. */
export type Pill = Omit<StateLabel, 'box'>;

/** stateChanges turns each state change into a pill, preceded on each endpoint by the state it started in. */
export function stateChanges(
  states: readonly StateChange[],
  lanes: ReadonlyMap<HostId, Lane>,
  stateText: (s: StateChange, state: TcpState) => string,
): Pill[] {
  const pills: Pill[] = [];
  const seenEndpoint = new Set<string>();
  for (const s of states) {
    const lane = laneOf(lanes, s.host);
    const key = endpointKey(s.conn, s);
    if (!seenEndpoint.has(key)) {
      seenEndpoint.add(key);
      pills.push({
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
    pills.push({
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
  return pills;
}

/**
 * pillsAtRest places each pill beside its lane (on the left of the first lane, on the right of the others) at
 * its change's time; a connection's states before its first change sit just above its first segment.
 */
export function pillsAtRest(
  pills: readonly Pill[],
  segments: readonly Segment[],
  lanes: ReadonlyMap<HostId, Lane>,
  time: CompressedTimeScale,
): Box[] {
  const opened = new Map<ConnId, number>();
  for (const s of segments) if (!opened.has(s.conn)) opened.set(s.conn, s.t);
  const first = [...lanes.values()][0];
  return pills.map((d) => {
    const lane = laneOf(lanes, d.host);
    const width = pillWidth(d.text);
    const y = d.initial ? time.y(opened.get(d.conn) ?? d.t) - M.rowGap * 0.6 : time.y(d.t);
    const onLeft = lane === first && lanes.size > 1;
    const x0 = onLeft ? lane.x - M.statePad - width : lane.x + M.statePad;
    return { x0, x1: x0 + width, y0: y - M.statePillHeight / 2, y1: y + M.statePillHeight / 2 };
  });
}

/**
 * settleLabels moves labels down until none overlaps another, arrow labels first, then carried lines, then
 * states: the order in which they give way to each other. It finishes the arrows and the state labels.
 */
export function settleLabels(
  drafts: readonly ArrowDraft[],
  blocks: readonly LabelBlock[],
  pills: readonly Pill[],
  pillBoxes: readonly Box[],
): { arrows: SegmentArrow[]; labels: StateLabel[] } {
  const chipOwners = blocks.flatMap((block, i) => (block.chipWidths.length > 0 ? [i] : []));
  const shifts = avoidOverlaps([
    ...blocks.map((block) => block.label),
    ...chipOwners.map((i) => (blocks[i] as LabelBlock).chips),
    ...pillBoxes,
  ]);
  const chipShift = new Map(chipOwners.map((owner, k) => [owner, shifts[blocks.length + k] as number]));
  const arrows: SegmentArrow[] = drafts.map((d, i) => {
    const block = blocks[i] as LabelBlock;
    const dy = chipShift.get(i) ?? 0;
    const lines = d.lines.map((l, j): LineChip => {
      const width = block.chipWidths[j] as number;
      const top = block.chips.y0 + dy + j * (M.chipHeight + 3);
      const x0 = block.side > 0 ? block.chips.x0 : block.chips.x1 - width;
      return {
        text: shownLine(l),
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
  const labels: StateLabel[] = pills.map((d, i) => {
    const b = pillBoxes[i] as Box;
    const dy = shifts[blocks.length + chipOwners.length + i] as number;
    return { ...d, box: { x0: r(b.x0), x1: r(b.x1), y0: r(b.y0 + dy), y1: r(b.y1 + dy) } };
  });
  return { arrows, labels };
}
