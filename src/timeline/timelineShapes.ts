// The shapes the lab's timeline is made of, as timelineLayout returns them: plain data in page pixels, each
// mark carrying the trace position (`seq`) of the event it stands for, so a click can select that event.
import type { ConnId, HostId, SocketError } from '../net/types.ts';
import type { HostSpec } from '../sim/scenario.ts';
import type { Protocol } from '../sim/trace.ts';

/** HostKind is what a lane's host is, as the scenario says (`host` when it says nothing). */
export type HostKind = NonNullable<HostSpec['kind']>;

/** TimeWindow is a stretch of virtual time, in ms. */
export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

/** TimelineLane is one host's horizontal band, from `y0` to `y1`; `label` is the scenario's name for it. */
export interface TimelineLane {
  readonly host: HostId;
  readonly kind: HostKind;
  readonly label: string;
  readonly index: number;
  readonly y0: number;
  readonly y1: number;
}

/**
 * AxisTick is a time printed on the axis; `step` is the tick spacing it was chosen with, for its precision.
 * `unit` says how to print it: a clock (`00:00:28.9`), or whole hours since the start (`2 d 6 h`) when the window
 * spans days, where seconds would only repeat.
 */
export interface AxisTick {
  readonly t: number;
  readonly x: number;
  readonly step: number;
  readonly unit: 'clock' | 'hours';
}

/** TimelineBreak is a quiet spell drawn much shorter than it lasted: `from` → `to` (ms) in `x0`..`x1`. */
export interface TimelineBreak {
  readonly from: number;
  readonly to: number;
  readonly x0: number;
  readonly x1: number;
  /** folded is true inside a folded retry run, whose band already says how long the waits were. */
  readonly folded: boolean;
}

/** FoldableKind is a glyph that a retry run repeats each time, and that a fold counts instead of drawing. */
export type FoldableKind = 'attempt' | 'deferred' | 'dns' | 'dns-failed' | 'dropped';

/**
 * RetryFold is a retry run (retryRuns.ts) drawn as one band on a lane, because its tries would be drawn too close
 * to tell apart: on the queue's own lane it says `attempts` and `every`; on the others, what it stands for.
 * `counts` says how many glyphs of each kind it hides on this lane, `conns` how many connection bars.
 * `seq` is the run's first attempt, `queueId` its message.
 */
export interface RetryFold {
  readonly host: HostId;
  /** queueLane is true on the lane of the queue that retried. */
  readonly queueLane: boolean;
  readonly queueId: string;
  readonly seq: number;
  readonly from: number;
  readonly to: number;
  readonly attempts: number;
  readonly every: number;
  readonly counts: Readonly<Partial<Record<FoldableKind, number>>>;
  readonly conns: number;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/**
 * OutageBand is a stretch during which a host, or a link ending at this lane's host, was down. `seq` is the
 * `host.down` / `link.down` event and `endSeq` the matching `up`, or null when it was still down at the end.
 */
export interface OutageBand {
  readonly kind: 'host' | 'link';
  /** id is the host or link that was down. */
  readonly id: string;
  readonly host: HostId;
  readonly seq: number;
  readonly endSeq: number | null;
  readonly from: number;
  readonly to: number;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** ConnLife is what the trace tells of one connection: where it ran, when it opened, sent data and closed. */
export interface ConnLife {
  readonly seq: number;
  readonly conn: ConnId;
  readonly protocol: Protocol;
  readonly host: HostId;
  readonly peer: HostId;
  readonly port: number;
  readonly t0: number;
  readonly tData: number;
  readonly t1: number;
  readonly outcome: 'open' | 'closed' | 'failed';
  readonly error: SocketError | null;
}

/**
 * ConnMark is one TCP connection as a bar on its client's lane: solid from the SYN (`t0`) to its last segment
 * (`tData`), then a thin tail to when it closed (`t1`), TIME-WAIT included. `outcome` is `failed` when a socket
 * error ended it and `open` when the trace ends before it closed.
 *
 * Like a glyph's, its `count` is how many connections of its track it stands for at the current zoom (1 when it
 * is alone): a crowd of connections too close to tell apart is one bar from its first connection's start to its
 * last one's end (`tData`, `t1` and their x), which keeps its first connection's name, `seq` and protocol, the
 * most telling outcome among them (failed, then open), and how many of them `failed`.
 */
export interface ConnMark extends ConnLife {
  readonly kind: 'conn';
  readonly count: number;
  readonly failed: number;
  readonly x0: number;
  readonly xData: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/**
 * LineMark is a protocol line (`app.line`) as a tick on its connection's bar: client lines stand above the
 * bar, server replies hang below it. `count` is how many lines share this pixel at the current zoom.
 */
export interface LineMark {
  readonly kind: 'line';
  readonly seq: number;
  readonly t: number;
  readonly conn: ConnId;
  readonly from: 'client' | 'server';
  readonly x: number;
  readonly y0: number;
  readonly y1: number;
  readonly count: number;
}

/** GlyphKind names the shape of a point event; each has its own outline, so colour is never the only clue. */
export type GlyphKind =
  | 'submitted'
  | 'enqueued'
  | 'attempt'
  | 'deferred'
  | 'warned'
  | 'delivered'
  | 'bounced'
  | 'stored'
  | 'dns'
  | 'dns-failed'
  | 'dropped';

/**
 * GlyphMark is a point event on a host's lane, centred on (`x`, `y`). `count` is how many events of that lane
 * it stands for at the current zoom (1 when it is alone); the mark keeps the most telling one's `seq`.
 */
export interface GlyphMark {
  readonly kind: 'glyph';
  readonly glyph: GlyphKind;
  readonly seq: number;
  readonly t: number;
  readonly host: HostId;
  readonly x: number;
  readonly y: number;
  readonly count: number;
}

/** TimelineMark is anything drawn on a lane that stands for one event of the trace. */
export type TimelineMark = ConnMark | LineMark | GlyphMark;

/** PlotArea is where lanes and marks are drawn; the lane labels sit left of it and the axis below it. */
export interface PlotArea {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** TimelineLayout is everything the timeline draws for one window of time. */
export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: PlotArea;
  /** crowdPitch is the pitch this layout drew crowds at (TimelineOptions.crowdPitch). */
  readonly crowdPitch: number;
  /** domain is the whole trace's time span; `window` the part shown. */
  readonly domain: TimeWindow;
  readonly window: TimeWindow;
  readonly lanes: readonly TimelineLane[];
  readonly ticks: readonly AxisTick[];
  readonly breaks: readonly TimelineBreak[];
  readonly bands: readonly OutageBand[];
  /** folds are retry runs folded at this zoom, one per lane they touch; what they fold is not in `marks`. */
  readonly folds: readonly RetryFold[];
  /** marks are only those inside the window, connections first, then lines, then glyphs, each by time. */
  readonly marks: readonly TimelineMark[];
  /**
   * fillingConn is the connection whose bar fills nearly all of the window, when one does: zoomed that far
   * in, the view should become that connection's sequence diagram.
   */
  readonly fillingConn: ConnId | null;
  /** cursorX places a virtual time (ms) on the page; times outside the window land outside the plot. */
  readonly cursorX: (t: number) => number;
  /** timeAt is the inverse of `cursorX`, for seeking by pointer. */
  readonly timeAt: (x: number) => number;
  /** fullX places a time as if the whole domain were shown (zoom 1); zooming scales and shifts this. */
  readonly fullX: (t: number) => number;
  /** fullTime is the inverse of `fullX`. */
  readonly fullTime: (x: number) => number;
}
