// The sequence diagram as shapes: trace + size → lanes, arrows, labels and height. Pure: no DOM, no Svelte;
// d3-scale does the sums and the view draws exactly what comes back.
import type { ConnId, HostId } from '../net/types.ts';
import type { EventOf, TraceEvent } from '../sim/trace.ts';
import { round1 } from './arrowShapes.ts';
import { compressedTimeScale, type CompressedTimeScale } from './compressedTimeScale.ts';
import { connectionPhases } from './connectionPhases.ts';
import { connEnds, connOpenings, type ConnOpened } from './connOpenings.ts';
import { draftArrow, initialSequenceNumbers, segmentJourneys, timeRows } from './sequenceArrows.ts';
import {
  labelBlock,
  pillsAtRest,
  settleLabels,
  stateChanges,
  stateColumnWidth,
  stateWording,
} from './sequenceLabels.ts';
import { SEQUENCE_METRICS as M } from './sequenceMetrics.ts';
import type { Lane, SegmentArrow, SequenceLayout, StateLabel, TimeTick } from './sequenceShapes.ts';

export type * from './sequenceShapes.ts';
export type { Phase } from './connectionPhases.ts';
export type { TimeBreak } from './compressedTimeScale.ts';
export { SEQUENCE_METRICS } from './sequenceMetrics.ts';

type Segment = EventOf<'tcp.segment'>;
type StateChange = EventOf<'tcp.state'>;

const r = round1;

/** SequenceSize is the room the diagram may use; its height follows from the trace. */
export interface SequenceSize {
  readonly width: number;
}

/**
 * sequenceLayout lays out every TCP segment of `trace` as an arrow between host lanes, with state changes,
 * protocol lines, time ticks, breaks for long quiet spells, and brackets for handshakes and closes.
 */
export function sequenceLayout(trace: readonly TraceEvent[], size: SequenceSize): SequenceLayout {
  const segments = trace.filter((e): e is Segment => e.kind === 'tcp.segment');
  const states = trace.filter((e): e is StateChange => e.kind === 'tcp.state');
  const openings = connOpenings(trace);
  const journeys = segmentJourneys(trace);
  const rows = timeRows(trace, segments);
  const time = compressedTimeScale(rows.keys, {
    top: M.top,
    rowGap: M.rowGap,
    pxPerMs: M.pxPerMs,
    maxGap: M.maxGap,
    breakAfterMs: M.breakAfterMs,
    breakHeight: M.breakHeight,
  });
  const stateText = stateWording(states);
  const lanes = placeLanes(laneHosts(segments, states, openings), size, stateColumnWidth(states, stateText));
  const isn = initialSequenceNumbers(segments);
  const drafts = segments.map((s) => draftArrow(s, lanes, isn, journeys, rows, time));
  const blocks = drafts.map(labelBlock);
  const pills = stateChanges(states, lanes, stateText);
  const pillBoxes = pillsAtRest(pills, segments, lanes, time);
  const { arrows, labels } = settleLabels(drafts, blocks, pills, pillBoxes);
  return {
    width: size.width,
    height: diagramHeight(time, arrows, labels),
    lanes: [...lanes.values()],
    arrows,
    labels,
    ticks: timeTicks(rows.moments, time),
    breaks: time.breaks,
    phases: connectionPhases(arrows, openings, M.phaseColumn - 14),
    axisX: M.phaseColumn + M.timeColumn - 12,
    yAt: (t) => time.y(t),
  };
}

/**
 * laneHosts lists the hosts in the order they first take part, each with the address it first used. The two
 * ends of a connection first take part together, its client first as its `conn.opened` says (else the sender of
 * its first segment first).
 */
function laneHosts(
  segments: readonly Segment[],
  states: readonly StateChange[],
  openings: ReadonlyMap<ConnId, ConnOpened>,
): Map<HostId, string> {
  const addrs = new Map<HostId, string>();
  for (const s of segments) {
    const opened = openings.get(s.conn);
    const ends = opened === undefined ? undefined : connEnds(opened, s);
    for (const end of ends === undefined ? [s.from, s.to] : [ends.client, ends.server])
      if (!addrs.has(end.host)) addrs.set(end.host, end.addr);
  }
  for (const s of states) if (!addrs.has(s.host)) addrs.set(s.host, '');
  return addrs;
}

/** placeLanes spreads the lanes evenly between the state columns, keyed by host; one lane sits in the middle. */
function placeLanes(
  hosts: ReadonlyMap<HostId, string>,
  size: SequenceSize,
  stateColumn: number,
): Map<HostId, Lane> {
  const left = M.phaseColumn + M.timeColumn + stateColumn;
  const right = Math.max(left, size.width - stateColumn - M.rightPad);
  const count = hosts.size;
  return new Map(
    [...hosts].map(([host, addr], i) => [
      host,
      {
        host,
        addr,
        x: r(count === 1 ? (left + right) / 2 : left + ((right - left) * i) / (count - 1)),
        tone: i,
      },
    ]),
  );
}

/** timeTicks prints each distinct moment on the axis, skipping those too close to the one before. */
function timeTicks(moments: ReadonlySet<number>, time: CompressedTimeScale): TimeTick[] {
  const ticks: TimeTick[] = [];
  for (const t of [...moments].sort((a, b) => a - b)) {
    const y = r(time.y(t));
    const last = ticks[ticks.length - 1];
    if (last === undefined || y - last.y >= M.minTickGap) ticks.push({ t, y });
  }
  return ticks;
}

/** diagramHeight reaches below the lowest arrow, label, carried line and state pill. */
function diagramHeight(
  time: CompressedTimeScale,
  arrows: readonly SegmentArrow[],
  labels: readonly StateLabel[],
): number {
  const lowest = Math.max(
    time.bottom,
    ...arrows.flatMap((a) => [a.y2, a.label.y, ...a.lines.map((l) => l.box.y1)]),
    ...labels.map((l) => l.box.y1),
  );
  return Math.ceil(lowest + M.bottomPad);
}
