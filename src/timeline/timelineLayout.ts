// The lab's timeline as shapes: scenario + trace + size + window of time → lanes, axis, breaks, outage bands
// and marks. Pure: no DOM. Only what falls inside the window is returned, so zooming a long trace stays smooth.
import { tickStep, ticks as niceTicks } from 'd3';
import type { ConnId, HostId } from '../net/types.ts';
import type { Scenario } from '../sim/scenario.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { round1 } from './arrowShapes.ts';
import { timelineModel, type ConnSpan, type GlyphPoint, type TimelineModel } from './timelineModel.ts';
import type {
  AxisTick,
  ConnMark,
  FoldableKind,
  GlyphKind,
  GlyphMark,
  LineMark,
  OutageBand,
  PlotArea,
  RetryFold,
  TimelineBreak,
  TimelineLane,
  TimelineLayout,
  TimelineMark,
  TimeWindow,
} from './timelineShapes.ts';

export type * from './timelineShapes.ts';

/**
 * TIMELINE_METRICS are the sizes the layout assumes, in pixels; the view uses the same numbers. They are large
 * enough to read on a projector at 1280×720.
 */
export const TIMELINE_METRICS = {
  labelColumn: 172,
  rightPad: 20,
  /** top leaves a strip above the lanes for the captions of breaks. */
  top: 26,
  axisHeight: 40,
  /** minLaneHeight is the least a lane needs: a row of glyphs and one connection track. */
  minLaneHeight: 50,
  glyphSize: 14,
  /**
   * crowdPitch: marks on one row that would stand closer than this (px) cannot be told apart or pointed at one
   * by one, and are drawn as one mark with a count, a crowd: glyphs on a lane, connections on a track.
   */
  crowdPitch: 16,
  glyphRow: 13,
  barHeight: 13,
  tickLength: 6,
  trackTop: 27,
  trackPitch: 26,
  minTickGap: 92,
  /** tickLabelHalf is half a tick label's width; a label closer than this to the plot's right end ends there. */
  tickLabelHalf: 44,
  tickDensity: 110,
  cullMargin: 24,
  lineMergePx: 2,
  /** fillShare is how much of the window one connection must fill before the view offers its diagram. */
  fillShare: 0.8,
  /** foldPitch: a retry run whose tries would stand closer than this (px) is folded into one band. */
  foldPitch: 42,
  /** foldHeight is the height of a fold's band, centred on the glyph row. */
  foldHeight: 20,
} as const;

/** DAY_SPAN: a window at least this long (ms) has its axis in days and hours instead of a clock. */
export const DAY_SPAN = 36 * 3_600_000;

const HOUR = 3_600_000;

/** FOLDABLE are the glyphs a retry run repeats each time round; outcomes (warned, bounced …) are never folded. */
const FOLDABLE: ReadonlySet<GlyphKind> = new Set<FoldableKind>([
  'attempt',
  'deferred',
  'dns',
  'dns-failed',
  'dropped',
]);

/** TimelineSize is the room for the timeline, and optionally the part of time to show (all of it by default). */
export interface TimelineOptions {
  readonly width: number;
  readonly height: number;
  readonly window?: TimeWindow;
  /**
   * laneFloor is the least height of a lane, `minLaneHeight` unless given: a presenter's timeline, whose lanes
   * hold one track each, asks for less so that every lane and the axis fit on the screen.
   */
  readonly laneFloor?: number;
  /**
   * crowdPitch is `TIMELINE_METRICS.crowdPitch` unless given: a presenter's timeline, whose crowd counts are
   * drawn in larger type, asks for more so that one crowd's count does not run into the next crowd.
   */
  readonly crowdPitch?: number;
}

/** GLYPH_PRIORITY decides which event a crowded spot shows: outcomes first, routine steps last. */
export const GLYPH_PRIORITY: Readonly<Record<GlyphKind, number>> = {
  bounced: 10,
  delivered: 9,
  warned: 8,
  deferred: 7,
  stored: 6,
  'dns-failed': 5,
  dropped: 4,
  submitted: 3,
  attempt: 3,
  enqueued: 2,
  dns: 1,
};

const r = round1;

/** Mutable is a shape still being built: the layout counts merged marks into it before handing it out. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** OpenLine is the latest line mark on one side of a connection, and where its first line fell (unrounded). */
interface OpenLine {
  readonly x: number;
  readonly mark: Mutable<LineMark>;
}

// A trace is appended to in place while a session runs, so a cached model is only good for the same length.
const cache = new WeakMap<
  readonly TraceEvent[],
  { scenario: Scenario; length: number; model: TimelineModel }
>();

function modelFor(scenario: Scenario, trace: readonly TraceEvent[]): TimelineModel {
  const hit = cache.get(trace);
  if (hit !== undefined && hit.scenario === scenario && hit.length === trace.length) return hit.model;
  const model = timelineModel(scenario, trace);
  cache.set(trace, { scenario, length: trace.length, model });
  return model;
}

/**
 * ConnRows is where a model's connections stand across their lanes, by their index in `model.conns`, and which
 * connection each of `model.lines` is on.
 */
interface ConnRows {
  /** key names the lanes' geometry the rows were worked out for. */
  readonly key: string;
  /** tops is each connection's bar top, NaN for a host without a lane. */
  readonly tops: Float64Array;
  /** rows is each connection's track as `host y0`, or undefined for a host without a lane. */
  readonly rows: readonly (string | undefined)[];
  /** lineConn is the index of each line's connection, −1 for none. */
  readonly lineConn: Int32Array;
}

// A zoom step moves connections across time only: their rows last while the lanes do, and lines and connections
// are matched once, instead of through maps keyed by name (and a string made a connection) on every step, for
// every connection and line of a long trace.
const connRows = new WeakMap<TimelineModel, ConnRows>();

function connRowsFor(
  model: TimelineModel,
  key: string,
  laneOf: ReadonlyMap<HostId, TimelineLane>,
  barTop: (lane: TimelineLane, track: number) => number,
): ConnRows {
  const known = connRows.get(model);
  if (known !== undefined && known.key === key) return known;
  const tops = new Float64Array(model.conns.length).fill(Number.NaN);
  const rows = model.conns.map((c, i) => {
    const lane = laneOf.get(c.host);
    if (lane === undefined) return undefined;
    tops[i] = barTop(lane, c.track);
    return `${c.host} ${tops[i]}`;
  });
  const index = new Map<ConnId, number>(model.conns.map((c, i) => [c.conn, i]));
  const lineConn = Int32Array.from(model.lines, (l) => index.get(l.conn) ?? -1);
  const made = { key, tops, rows, lineConn };
  connRows.set(model, made);
  return made;
}

// Field by field rather than spread, as connections are: a zoomed-out window of a long trace makes thousands.
function glyphMark(g: GlyphPoint, x: number, y: number, count: number): GlyphMark {
  return { kind: 'glyph', seq: g.seq, t: g.t, host: g.host, glyph: g.glyph, x, y, count };
}

/** lowerBound is the first index whose item's `t` is at least `t`; items are in time order. */
function lowerBound(items: readonly { readonly t: number }[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { t: number }).t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * prepareTimeline reads a trace into the model timelineLayout keeps for it, so that a page can do that work in a
 * task of its own before the timeline is drawn (the first world's arrival, in the lab).
 */
export function prepareTimeline(scenario: Scenario, trace: readonly TraceEvent[]): void {
  modelFor(scenario, trace);
}

/**
 * timelineLayout lays out one lane per host (the mail's path first), time across with long quiet spells cut
 * to labelled breaks, outage bands, connection bars with their protocol lines, and glyphs for queue, mailbox,
 * DNS and loss events. `window` (virtual ms) is the part of time shown; marks outside it are left out, and
 * marks closer than a few pixels are merged, so a 10,000-event trace gives at most a few hundred shapes.
 */
export function timelineLayout(
  scenario: Scenario,
  trace: readonly TraceEvent[],
  options: TimelineOptions,
): TimelineLayout {
  const M = TIMELINE_METRICS;
  const model = modelFor(scenario, trace);
  const { scale, domain } = model;
  const width = Math.max(options.width, M.labelColumn + M.rightPad + 100);
  const floor = options.laneFloor ?? M.minLaneHeight;
  const crowdPitch = options.crowdPitch ?? M.crowdPitch;
  const height = Math.max(options.height, M.top + M.axisHeight + model.lanes.length * floor);
  const plot = { left: M.labelColumn, right: width - M.rightPad, top: M.top, bottom: height - M.axisHeight };
  const plotWidth = plot.right - plot.left;

  const from = Math.max(domain.from, Math.min(options.window?.from ?? domain.from, domain.to));
  const to = Math.min(domain.to, Math.max(options.window?.to ?? domain.to, from));
  const window = { from, to };
  const fullU0 = scale.y(domain.from);
  const fullSpan = scale.y(domain.to) - fullU0 || 1;
  const u0 = scale.y(from);
  const uSpan = scale.y(to) - u0 || fullSpan;
  const pxPerU = plotWidth / uSpan;
  const xOfU = (u: number) => plot.left + (u - u0) * pxPerU;
  const uOfX = (x: number) => u0 + (x - plot.left) / pxPerU;
  const cursorX = (t: number) => xOfU(scale.y(t));
  const timeAt = (x: number) => scale.time(uOfX(x));
  const fullX = (t: number) => plot.left + ((scale.y(t) - fullU0) / fullSpan) * plotWidth;
  const fullTime = (x: number) => scale.time(fullU0 + ((x - plot.left) / plotWidth) * fullSpan);
  const { lo, hi, clampX } = cullBounds(plot);
  const tLo = timeAt(lo);
  const tHi = timeAt(hi);

  const laneHeight = (plot.bottom - plot.top) / Math.max(1, model.lanes.length);
  const lanes: TimelineLane[] = model.lanes.map((l, index) => ({
    ...l,
    index,
    y0: r(plot.top + index * laneHeight),
    y1: r(plot.top + (index + 1) * laneHeight),
  }));
  const laneOf = new Map<HostId, TimelineLane>(lanes.map((l) => [l.host, l]));
  const tracks = Math.max(1, Math.floor((laneHeight - M.trackTop + 4) / M.trackPitch));
  const barTop = (lane: TimelineLane, track: number) =>
    lane.y0 + M.trackTop + (track % tracks) * M.trackPitch;

  // Retry runs whose tries would crowd together are folded: what they repeat is counted, not drawn.
  const folding = model.runs.filter(
    (run) =>
      (cursorX(run.to) - cursorX(run.from)) / run.attempts < M.foldPitch &&
      cursorX(run.to) >= lo &&
      cursorX(run.from) <= hi,
  );
  const foldOf = (t: number) => folding.find((run) => run.from <= t && t <= run.to);
  const foldCounts = new Map<string, { counts: Partial<Record<FoldableKind, number>>; conns: number }>();
  const countFolded = (run: (typeof folding)[number], host: HostId) => {
    const key = `${run.seq} ${host}`;
    const entry = foldCounts.get(key) ?? { counts: {}, conns: 0 };
    foldCounts.set(key, entry);
    return entry;
  };

  const breaks: TimelineBreak[] = scale.breaks
    .map((b) => ({
      from: b.from,
      to: b.to,
      x0: r(xOfU(b.y0)),
      x1: r(xOfU(b.y1)),
      folded: folding.some((run) => run.from <= b.from && b.to <= run.to),
    }))
    .filter((b) => b.x1 >= lo && b.x0 <= hi);

  const bands: OutageBand[] = [];
  for (const o of model.outages) {
    const lane = laneOf.get(o.host);
    const x0 = cursorX(o.from);
    const x1 = cursorX(o.to);
    if (lane === undefined || x1 < lo || x0 > hi) continue;
    bands.push({ ...o, x0: clampX(x0), x1: clampX(x1), y0: lane.y0 + 1, y1: lane.y1 - 1 });
  }

  // Connections: one pass in time order. A narrow bar that starts within `crowdPitch` of the one before it on
  // its track, of the same protocol, is counted into that one's crowd instead of drawn (a long trace zoomed out
  // has hundreds a track, a pixel or two apart); at a zoom where they stand apart, each is drawn again. Crowds
  // are formed over the whole track, the window's edges aside, so that a pan keeps each crowd's first
  // connection (its name, and the element that draws it) and its count; only those that reach into the window
  // are kept.
  const marked: Mutable<ConnMark>[] = [];
  const markedAt: number[] = [];
  // By index in model.conns: connections folded into a retry run, or counted into a crowd (its first one too),
  // whose lines are not drawn.
  const unlined = new Uint8Array(model.conns.length);
  const openCrowds = new Map<string, { x0: number; narrow: boolean; mark: Mutable<ConnMark> }>();
  const { tops, rows, lineConn } = connRowsFor(
    model,
    `${lanes.map((l) => `${l.host} ${l.y0}`).join(' ')} ${tracks}`,
    laneOf,
    barTop,
  );
  for (let i = 0; i < model.conns.length; i++) {
    const c = model.conns[i] as (typeof model.conns)[number];
    const row = rows[i];
    const y0 = tops[i] as number;
    if (row === undefined) continue;
    const x0 = cursorX(c.t0);
    const x1 = cursorX(c.t1);
    // A folded run's own tries are its queue's connections that it opened while retrying.
    const run = foldOf(c.t0);
    if (run !== undefined && run.host === c.host && c.t1 <= run.to) {
      countFolded(run, c.host).conns++;
      unlined[i] = 1;
      continue;
    }
    const narrow = x1 - x0 < crowdPitch;
    const open = openCrowds.get(row);
    if (
      open !== undefined &&
      open.narrow &&
      narrow &&
      x0 - open.x0 < crowdPitch &&
      open.mark.protocol === c.protocol
    ) {
      countIntoCrowd(open.mark, c, cursorX, clampX);
      unlined[i] = 1;
      openCrowds.set(row, { x0, narrow, mark: open.mark });
      continue;
    }
    // Field by field rather than spread: a zoomed-out window makes a mark of every connection of a long trace.
    const mark: Mutable<ConnMark> = {
      kind: 'conn',
      seq: c.seq,
      conn: c.conn,
      protocol: c.protocol,
      host: c.host,
      peer: c.peer,
      port: c.port,
      t0: c.t0,
      tData: c.tData,
      t1: c.t1,
      outcome: c.outcome,
      error: c.error,
      count: 1,
      failed: c.outcome === 'failed' ? 1 : 0,
      x0: clampX(x0),
      xData: clampX(cursorX(c.tData)),
      x1: clampX(x1),
      y0: r(y0),
      y1: r(y0 + M.barHeight),
    };
    marked.push(mark);
    markedAt.push(i);
    openCrowds.set(row, { x0, narrow, mark });
  }
  marked.forEach((m, j) => {
    if (m.count > 1) unlined[markedAt[j] as number] = 1;
  });
  const conns: ConnMark[] = marked.filter((m) => cursorX(m.t1) >= lo && cursorX(m.t0) <= hi);

  // Lines: ticks on their connection's bar, merged when they would share a pixel. A zoomed-out window visits
  // every line of a long trace, so a merge counts into the mark already made instead of copying it.
  const lines: LineMark[] = [];
  const lastLine = { client: new Map<ConnId, OpenLine>(), server: new Map<ConnId, OpenLine>() };
  for (let i = lowerBound(model.lines, tLo); i < model.lines.length; i++) {
    const l = model.lines[i] as (typeof model.lines)[number];
    if (l.t > tHi) break;
    // A crowd's lines are counted into it with its connections, not drawn.
    const at = lineConn[i] as number;
    const top = at < 0 ? Number.NaN : (tops[at] as number);
    if (Number.isNaN(top) || unlined[at] === 1) continue;
    const bar = { y0: top, y1: top + M.barHeight };
    const x = cursorX(l.t);
    const previous = lastLine[l.from].get(l.conn);
    if (previous !== undefined && x - previous.x < M.lineMergePx) {
      previous.mark.count++;
      continue;
    }
    const [y0, y1] = l.from === 'client' ? [bar.y0 - M.tickLength, bar.y0] : [bar.y1, bar.y1 + M.tickLength];
    const mark: Mutable<LineMark> = {
      kind: 'line',
      seq: l.seq,
      t: l.t,
      conn: l.conn,
      from: l.from,
      x: r(x),
      y0: r(y0),
      y1: r(y1),
      count: 1,
    };
    lastLine[l.from].set(l.conn, { x, mark });
    lines.push(mark);
  }

  // Glyphs: per lane, the events of one cell of a grid are grouped; a pair of different kinds is set side by
  // side, a bigger crowd shows its most telling event with a count. The grid is fixed in scale units, its cells
  // `crowdPitch` wide at zoom 1 and halved at each doubling of the zoom (so from 1 to 2 pitches wide on the page):
  // a pan or a zoom step inside one doubling moves the crowds without regrouping them, and a doubling splits each
  // crowd in two at most. Grouping from the window's first event instead regrouped a crowded lane at every step.
  const glyphs: GlyphMark[] = [];
  const doublings = Math.max(0, Math.floor(Math.log2(fullSpan / uSpan)));
  const cellU = (crowdPitch * fullSpan) / plotWidth / 2 ** doublings;
  const cellOf = (u: number) => Math.floor((u - fullU0) / cellU);
  const groups = new Map<HostId, { cell: number; items: (typeof model.glyphs)[number][] }[]>();
  // Every cell that reaches into the window is taken whole, so its crowd counts the same wherever the window is.
  const firstCell = cellOf(scale.y(tLo));
  const lastCell = cellOf(scale.y(tHi));
  let first = lowerBound(model.glyphs, tLo);
  while (first > 0 && cellOf(scale.y((model.glyphs[first - 1] as { t: number }).t)) >= firstCell) first--;
  for (let i = first; i < model.glyphs.length; i++) {
    const g = model.glyphs[i] as (typeof model.glyphs)[number];
    const cell = cellOf(scale.y(g.t));
    if (cell > lastCell) break;
    const run = FOLDABLE.has(g.glyph) ? foldOf(g.t) : undefined;
    if (run !== undefined) {
      const { counts } = countFolded(run, g.host);
      const kind = g.glyph as FoldableKind;
      counts[kind] = (counts[kind] ?? 0) + 1;
      continue;
    }
    const laneGroups = groups.get(g.host) ?? [];
    groups.set(g.host, laneGroups);
    const open = laneGroups[laneGroups.length - 1];
    if (open !== undefined && open.cell === cell) open.items.push(g);
    else laneGroups.push({ cell, items: [g] });
  }
  const spacing = M.glyphSize + 3;
  for (const [host, cells] of groups) {
    const lane = laneOf.get(host) as TimelineLane;
    const y = r(lane.y0 + M.glyphRow);
    // Events that a cell's edge parts, but that all lie within the pitch of the first, are still one crowd, as if
    // the edge were not there; a crowd joins at most one more cell, so no joining runs on along a busy lane (whose
    // cells each span about a pitch, and stay apart as a regular row of crowds).
    const laneGroups: { cell: number; joined: boolean; items: (typeof cells)[number]['items'] }[] = [];
    for (const { cell, items } of cells) {
      const before = laneGroups[laneGroups.length - 1];
      const [head] = before?.items ?? [];
      const last = items[items.length - 1];
      if (
        before !== undefined &&
        head !== undefined &&
        last !== undefined &&
        !before.joined &&
        before.cell === cell - 1 &&
        cursorX(last.t) - cursorX(head.t) < crowdPitch
      ) {
        before.items.push(...items);
        before.joined = true;
      } else laneGroups.push({ cell, joined: false, items });
    }
    for (const { items } of laneGroups) {
      const [a, b] = items;
      if (items.length === 2 && a !== undefined && b !== undefined && a.glyph !== b.glyph) {
        const mid = (cursorX(a.t) + cursorX(b.t)) / 2;
        glyphs.push(glyphMark(a, r(mid - spacing / 2), y, 1));
        glyphs.push(glyphMark(b, r(mid + spacing / 2), y, 1));
        continue;
      }
      const best = items.reduce((top, g) => (GLYPH_PRIORITY[g.glyph] > GLYPH_PRIORITY[top.glyph] ? g : top));
      glyphs.push(glyphMark(best, r(cursorX(best.t)), y, items.length));
    }
  }
  glyphs.sort((a, b) => a.t - b.t || a.seq - b.seq);

  // The connection that fills nearly the whole window, if the window is well inside the trace.
  let fillingConn: ConnId | null = null;
  if (uSpan < fullSpan * 0.5) {
    let best = 0;
    for (const c of conns) {
      // A crowd is opened by zooming further, not shown as one connection's diagram.
      if (c.count > 1) continue;
      const covered = Math.min(c.xData, plot.right) - Math.max(c.x0, plot.left);
      if (covered > best) {
        best = covered;
        fillingConn = c.conn;
      }
    }
    if (best < plotWidth * M.fillShare) fillingConn = null;
  }

  const folds: RetryFold[] = [];
  for (const run of folding) {
    for (const lane of lanes) {
      const entry = foldCounts.get(`${run.seq} ${lane.host}`);
      const queueLane = lane.host === run.host;
      if (entry === undefined && !queueLane) continue;
      const mid = lane.y0 + M.glyphRow;
      folds.push({
        host: lane.host,
        queueLane,
        queueId: run.queueId,
        seq: run.seq,
        from: run.from,
        to: run.to,
        attempts: run.attempts,
        every: run.every,
        counts: entry?.counts ?? {},
        conns: entry?.conns ?? 0,
        x0: clampX(cursorX(run.from) - M.glyphSize / 2),
        x1: clampX(cursorX(run.to) + M.glyphSize / 2),
        y0: r(mid - M.foldHeight / 2),
        y1: r(mid + M.foldHeight / 2),
      });
    }
  }

  const marks: TimelineMark[] = [...conns, ...lines, ...glyphs];
  return {
    width,
    height,
    plot,
    crowdPitch,
    domain,
    window,
    lanes,
    ticks: axisTicks(model, window, cursorX, plot.left, plot.right),
    breaks,
    bands,
    folds,
    marks,
    fillingConn,
    cursorX,
    timeAt,
    fullX,
    fullTime,
  };
}

/**
 * cullBounds is how far beyond the plot a layout keeps marks (`lo`..`hi`), and `clampX`, which stops a long bar's
 * end a little past them, so it still runs off the plot's edge without reaching thousands of pixels away.
 */
function cullBounds(plot: PlotArea): { lo: number; hi: number; clampX: (x: number) => number } {
  const lo = plot.left - TIMELINE_METRICS.cullMargin;
  const hi = plot.right + TIMELINE_METRICS.cullMargin;
  return { lo, hi, clampX: (x) => r(Math.min(Math.max(x, lo - 16), hi + 16)) };
}

/** OUTCOME_RANK orders connection outcomes by how much they tell: a crowd shows its most telling one. */
const OUTCOME_RANK: Readonly<Record<ConnMark['outcome'], number>> = { failed: 2, open: 1, closed: 0 };

/** countIntoCrowd adds connection `c` to the crowd `mark`, whose bar now runs to `c`'s end. */
function countIntoCrowd(
  mark: Mutable<ConnMark>,
  c: ConnSpan,
  cursorX: (t: number) => number,
  clampX: (x: number) => number,
): void {
  mark.count++;
  if (c.outcome === 'failed') mark.failed++;
  if (OUTCOME_RANK[c.outcome] > OUTCOME_RANK[mark.outcome]) {
    mark.outcome = c.outcome;
    mark.error = c.error;
  }
  if (c.tData > mark.tData) {
    mark.tData = c.tData;
    mark.xData = clampX(cursorX(c.tData));
  }
  if (c.t1 > mark.t1) {
    mark.t1 = c.t1;
    mark.x1 = clampX(cursorX(c.t1));
  }
}

/**
 * axisTicks labels the start of every stretch between breaks that shows, then fills each stretch with round
 * times where there is room; a label never comes closer than `minTickGap` to another.
 */
// The stretches between breaks, as their ends in turn: a model's, kept for every zoom step's ticks.
const stretchEdges = new WeakMap<TimelineModel, readonly number[]>();

function edgesFor(model: TimelineModel): readonly number[] {
  let edges = stretchEdges.get(model);
  if (edges === undefined) {
    edges = [model.domain.from, ...model.scale.breaks.flatMap((b) => [b.from, b.to]), model.domain.to];
    stretchEdges.set(model, edges);
  }
  return edges;
}

function axisTicks(
  model: TimelineModel,
  window: TimeWindow,
  x: (t: number) => number,
  left: number,
  right: number,
): AxisTick[] {
  const M = TIMELINE_METRICS;
  if (window.to - window.from >= DAY_SPAN) return hourTicks(window, x, left, right);
  const edges = edgesFor(model);
  const starts: AxisTick[] = [];
  const fill: AxisTick[] = [];
  for (let i = 0; i + 1 < edges.length; i += 2) {
    const t0 = Math.max(edges[i] as number, window.from);
    const t1 = Math.min(edges[i + 1] as number, window.to);
    if (t1 < t0) continue;
    const pixels = x(t1) - x(t0);
    const count = Math.max(1, Math.floor(pixels / M.tickDensity));
    const step = t1 > t0 ? tickStep(t0, t1, count) : 1000;
    if (t0 === edges[i]) starts.push({ t: t0, x: r(x(t0)), step, unit: 'clock' });
    for (const t of t1 > t0 ? niceTicks(t0, t1, count) : [])
      fill.push({ t, x: r(x(t)), step, unit: 'clock' });
  }
  // A label near the right end is drawn ending at its tick, so its middle sits half a label further left.
  const middle = (x: number) => (x > right - M.tickLabelHalf ? x - M.tickLabelHalf : x);
  const kept: AxisTick[] = [];
  for (const tick of [...starts, ...fill]) {
    if (tick.x < left - 1 || tick.x > right + 1) continue;
    if (kept.every((k) => Math.abs(middle(k.x) - middle(tick.x)) >= M.minTickGap)) kept.push(tick);
  }
  return kept.sort((a, b) => a.t - b.t);
}

/**
 * hourTicks labels a window that spans days at whole hours since the start, days first, then half days, six,
 * three and single hours where there is room: on the compressed axis the hours of a quiet night share a few
 * pixels while a busy hour spreads wide, so each label is placed where it fits rather than at a fixed step.
 */
function hourTicks(window: TimeWindow, x: (t: number) => number, left: number, right: number): AxisTick[] {
  const M = TIMELINE_METRICS;
  const rank = (t: number) => [24, 12, 6, 3, 1].findIndex((h) => t % (h * HOUR) === 0);
  const candidates: AxisTick[] = [];
  for (let t = Math.ceil(window.from / HOUR) * HOUR; t <= window.to; t += HOUR) {
    const tx = r(x(t));
    if (tx >= left - 1 && tx <= right + 1) candidates.push({ t, x: tx, step: HOUR, unit: 'hours' });
  }
  const middle = (x: number) => (x > right - M.tickLabelHalf ? x - M.tickLabelHalf : x);
  const kept: AxisTick[] = [];
  for (const tick of candidates.sort((a, b) => rank(a.t) - rank(b.t) || a.t - b.t))
    if (kept.every((k) => Math.abs(middle(k.x) - middle(tick.x)) >= M.minTickGap)) kept.push(tick);
  return kept.sort((a, b) => a.t - b.t);
}

/** ZoomTransform is the part of a d3-zoom transform the timeline uses: a scale `k` and a shift `x`. */
export interface ZoomTransform {
  readonly k: number;
  readonly x: number;
}

/**
 * windowOfZoom is the time a zoom transform shows, given a layout of the same size: the plot's two ends taken
 * back through the transform to zoom 1, then to time. Pass the result to timelineLayout as its `window`.
 */
export function windowOfZoom(layout: TimelineLayout, transform: ZoomTransform): TimeWindow {
  const at = (x: number) => layout.fullTime((x - transform.x) / transform.k);
  return { from: at(layout.plot.left), to: at(layout.plot.right) };
}

/** zoomOfWindow is the transform that shows `window`: the inverse of windowOfZoom. */
export function zoomOfWindow(layout: TimelineLayout, window: TimeWindow): ZoomTransform {
  const x0 = layout.fullX(window.from);
  const x1 = layout.fullX(window.to);
  const k = (layout.plot.right - layout.plot.left) / Math.max(1e-9, x1 - x0);
  return { k, x: layout.plot.left - x0 * k };
}

/**
 * movedLayout is `settled`, laid out at zoom `from`, as zoom `to` shows it while a wheel, drag or animated step is
 * under way: every mark, band, fold and break moved to where `to` places its time and the axis labelled afresh,
 * but nothing grouped, added or dropped, so the page only moves what it has. On the page a zoom is affine
 * (x = k · fullX(t) + shift), so the moves are exact; crowds, stacks and folds stay as `from` grouped them until
 * the plot is laid out again when the gesture ends. Zoomed in, what `settled` left out lies outside the plot;
 * zoomed out or panned, what it left out is missing, so a caller lays out again before showing such a move (see
 * `coversView`).
 */
export function movedLayout(
  scenario: Scenario,
  trace: readonly TraceEvent[],
  settled: TimelineLayout,
  from: ZoomTransform,
  to: ZoomTransform,
): TimelineLayout {
  const M = TIMELINE_METRICS;
  const { plot, domain } = settled;
  const a = to.k / from.k;
  const b = to.x - a * from.x;
  const cursorX = (t: number) => a * settled.cursorX(t) + b;
  const timeAt = (x: number) => settled.timeAt((x - b) / a);
  const { lo, hi, clampX } = cullBounds(plot);
  const start = Math.max(domain.from, Math.min(timeAt(plot.left), domain.to));
  const window = { from: start, to: Math.min(domain.to, Math.max(timeAt(plot.right), start)) };
  // What has moved out of the plot is dropped, as a layout of this window would not have it.
  const marks: TimelineMark[] = [];
  for (const m of settled.marks) {
    if (m.kind === 'conn') {
      const x0 = cursorX(m.t0);
      const x1 = cursorX(m.t1);
      if (x1 >= lo && x0 <= hi)
        marks.push({ ...m, x0: clampX(x0), xData: clampX(cursorX(m.tData)), x1: clampX(x1) });
    } else if (m.kind === 'line') {
      const x = cursorX(m.t);
      if (x >= lo && x <= hi) marks.push({ ...m, x: r(x) });
    } else {
      // A glyph keeps its offset from its event's time: two of a pair stay a glyph apart.
      const x = m.x + cursorX(m.t) - settled.cursorX(m.t);
      if (x >= lo && x <= hi) marks.push({ ...m, x: r(x) });
    }
  }
  const breaks: TimelineBreak[] = [];
  for (const k of settled.breaks) {
    const x0 = a * k.x0 + b;
    const x1 = a * k.x1 + b;
    if (x1 >= lo && x0 <= hi) breaks.push({ ...k, x0: r(x0), x1: r(x1) });
  }
  return {
    ...settled,
    window,
    ticks: axisTicks(modelFor(scenario, trace), window, cursorX, plot.left, plot.right),
    breaks,
    bands: settled.bands.map((o) => ({ ...o, x0: clampX(cursorX(o.from)), x1: clampX(cursorX(o.to)) })),
    folds: settled.folds.map((f) => ({
      ...f,
      x0: clampX(cursorX(f.from) - M.glyphSize / 2),
      x1: clampX(cursorX(f.to) + M.glyphSize / 2),
    })),
    marks,
    // Whether one connection fills the view is asked again once the plot is laid out at rest.
    fillingConn: null,
    cursorX,
    timeAt,
  };
}

/**
 * coversView says whether a layout made at zoom `from` still has everything zoom `to` shows: true when `to` only
 * zooms in (or keeps the view), within `slack` pixels at either end of the plot from `left` to `right`.
 */
export function coversView(
  left: number,
  right: number,
  from: ZoomTransform,
  to: ZoomTransform,
  slack = 0.5,
): boolean {
  const a = to.k / from.k;
  const b = to.x - a * from.x;
  return a * left + b <= left + slack && a * right + b >= right - slack;
}

/**
 * zoomedOutAhead is where a zoom out from `from` to `to` is heading: `to` zoomed out `factor` times further around
 * the point the two keep still (the pointer, for a wheel), kept inside the trace like d3-zoom's own extent. Laid out
 * there, one layout covers this step and the next few (movedLayout), grouped as coarsely as the zoom it heads for.
 */
export function zoomedOutAhead(
  left: number,
  right: number,
  from: ZoomTransform,
  to: ZoomTransform,
  factor: number,
): ZoomTransform {
  // The page point both transforms put the same time at; a pan has none, and zooms around the middle.
  const focus = from.k === to.k ? (left + right) / 2 : to.k * ((to.x - from.x) / (from.k - to.k)) + to.x;
  const k = Math.max(1, to.k / factor);
  const x = focus - (focus - to.x) * (k / to.k);
  // The window may not reach past the trace's ends: x between right·(1 − k) and left·(1 − k).
  return { k, x: Math.min(left * (1 - k), Math.max(right * (1 - k), x)) };
}
