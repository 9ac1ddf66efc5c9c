// The words the timeline puts on what it draws — glyphs, connections, outages, lanes, breaks and the zoom level —
// for tooltips and screen readers, in the reader's language. Pure: the components only show them.
import { monoWidth } from '../../../timeline/monoWidth.ts';
import { protocolTitle } from '../../../sim/protocolForPort.ts';
import type { TraceEvent } from '../../../sim/trace.ts';
import type {
  ConnMark,
  GlyphMark,
  HostKind,
  FoldableKind,
  OutageBand,
  PlotArea,
  RetryFold,
  TimelineBreak,
} from '../../../timeline/timelineLayout.ts';
import { describe, formatClock } from '../../i18n/eventText.ts';
import { formatDuration, type Language } from '../../i18n/language.ts';
import type { TimelineText } from '../../i18n/timelineText.ts';

/** LabelSource is what the words depend on: the catalogue, the language, host names, the trace and the cursor. */
export interface LabelSource {
  readonly text: TimelineText;
  readonly language: Language;
  /** hostLabel gives people's names for hosts; a host without one is called by its id. */
  readonly hostLabel: Readonly<Record<string, string>>;
  readonly trace: readonly TraceEvent[];
  readonly cursor: number;
}

/** TimelineLabels words each kind of thing the timeline draws. */
export interface TimelineLabels {
  /** host is a host's name for people. */
  host(id: string): string;
  duration(ms: number): string;
  /** event says in words what the event at a trace position was ('' when there is none). */
  event(seq: number): string;
  glyph(g: GlyphMark): string;
  /** conn names a connection, or says what a crowd of them holds and how to open it. */
  conn(c: ConnMark): string;
  /** crowd is the words on a crowd's bar ('37 SMTP connections'). */
  crowd(c: ConnMark): string;
  band(b: OutageBand): string;
  /** fold is the short label a folded retry run prints on its band. */
  fold(f: RetryFold): string;
  /** foldDescription is a fold's label with where it starts and ends, for tooltips and screen readers. */
  foldDescription(f: RetryFold): string;
  /** tick prints an axis tick as its unit says: a clock, or days and hours. */
  tick(t: number, unit: 'clock' | 'hours', digits: number): string;
  /** laneName is a lane's first line: people's name for its host, else the scenario's label. */
  laneName(host: string, label: string): string;
  /** laneKind is a lane's second line: what the host is, or its id when its name already says that (DNS server). */
  laneKind(host: string, kind: HostKind): string;
  zoom(k: number): string;
  /** sequenceTitle heads a connection's sequence diagram. */
  sequenceTitle(c: ConnMark): string;
}

/** timelineLabels words what the timeline draws; make it again when the language, trace or cursor changes. */
export function timelineLabels(source: LabelSource): TimelineLabels {
  const { text, language, hostLabel, trace, cursor } = source;
  const host = (id: string) => hostLabel[id] ?? id;
  const duration = (ms: number) => formatDuration(ms, language);
  const event = (seq: number) => {
    const e = trace[seq];
    return e === undefined ? '' : describe(e, language);
  };
  const crowd = (c: ConnMark) => text.conn.crowd(c.count.toLocaleString(language), protocolTitle(c.protocol));
  return {
    host,
    duration,
    event,
    glyph(g) {
      // The count in the name is the figure drawn beside the glyph, so people who see it can say it.
      const more = g.count > 1 ? text.more(g.count) : '';
      const when = g.seq > cursor ? ` (${text.future})` : '';
      return `${text.glyphs[g.glyph]}, ${formatClock(g.t)} · ${host(g.host)}: ${event(g.seq)}${more}${when}`;
    },
    conn(c) {
      if (c.count > 1) {
        const failed = c.failed > 0 ? `, ${text.conn.crowdFailed(c.failed.toLocaleString(language))}` : '';
        const span = `${formatClock(c.t0)}–${formatClock(c.t1)}`;
        return `${crowd(c)} · ${host(c.host)}, ${span}${failed} (${text.conn.crowdHint})`;
      }
      const outcome =
        c.outcome === 'failed' && c.error !== null
          ? `${text.conn.outcome.failed}: ${text.conn.errors[c.error]}`
          : text.conn.outcome[c.outcome];
      const title = text.conn.title(c.conn, protocolTitle(c.protocol), c.host, c.peer, c.port);
      return `${title}, ${formatClock(c.t0)}–${formatClock(c.t1)}, ${outcome}`;
    },
    crowd,
    fold(f) {
      const count = (n: number) => n.toLocaleString(language);
      if (f.queueLane) return text.fold.attempts(count(f.attempts), f.every);
      return (Object.entries(f.counts) as [FoldableKind, number][])
        .map(([kind, n]) => text.fold.counts[kind](count(n)))
        .join(', ');
    },
    foldDescription(f) {
      return `${host(f.host)}: ${this.fold(f)}, ${formatClock(f.from, 0)}–${formatClock(f.to, 0)} (${text.fold.hint})`;
    },
    tick(t, unit, digits) {
      if (unit === 'clock') return formatClock(t, digits);
      const hours = Math.round(t / 3_600_000);
      return text.elapsed(Math.floor(hours / 24), hours % 24);
    },
    band(b) {
      const length = duration(b.to - b.from) + (b.endSeq === null ? ` (${text.outage.ongoing})` : '');
      return b.kind === 'host' ? text.outage.host(b.id, length) : text.outage.link(b.id, length);
    },
    laneName: (id, label) => hostLabel[id] ?? label,
    laneKind(id, kind) {
      const kindName = text.hostKinds[kind];
      return host(id).toLowerCase() === kindName.toLowerCase() ? id : kindName;
    },
    zoom: (k) => (k < 10 ? k.toFixed(1) : Math.round(k).toLocaleString(language)),
    sequenceTitle: (c) => text.sequence.title(c.conn, protocolTitle(c.protocol), host(c.host), host(c.peer)),
  };
}

/** BreakCaption is the length of a quiet spell, printed above the middle of its break. */
export interface BreakCaption {
  readonly x: number;
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

// The smallest text on a projector, in layout units (presenter.test measures what is drawn).
const PRESENTER_TEXT = 15;

/** CAPTION_SIZE is a break caption's font size in the lab and on a projector. */
export const CAPTION_SIZE = { lab: 13, presenter: PRESENTER_TEXT } as const;

/** CURSOR_LABEL_SIZE is the size of the cursor's time under the plot, in the lab and on a projector. */
export const CURSOR_LABEL_SIZE = { lab: 12, presenter: PRESENTER_TEXT } as const;

/**
 * wholeInPlot is where a label of `text` at `size` units, centred at `x` if it can be, stands so that it lies
 * whole inside the plot, and its half-width. The width is measured (a time grows a day count, a projector's text
 * is larger), with room for a 2-unit halo and the glyphs' own side bearings.
 */
export function wholeInPlot(
  x: number,
  text: string,
  size: number,
  plot: PlotArea,
): { x: number; half: number } {
  const half = monoWidth(text, size) / 2 + 4;
  return { x: Math.min(Math.max(x, plot.left + half), Math.max(plot.left + half, plot.right - half)), half };
}

/**
 * breakCaptions words each break in the plot, at `size` units; one that would overlap the caption before it is
 * left out, and one inside a folded retry run too, since the run's band says how long the waits were. A caption
 * near either end of the plot moves in until it is whole.
 */
export function breakCaptions(
  breaks: readonly TimelineBreak[],
  plot: PlotArea,
  duration: (ms: number) => string,
  size: number = CAPTION_SIZE.lab,
): BreakCaption[] {
  const out: BreakCaption[] = [];
  let lastEnd = -Infinity;
  for (const b of breaks) {
    if (b.folded) continue;
    const label = duration(b.to - b.from);
    const middle = (b.x0 + b.x1) / 2;
    if (middle < plot.left || middle > plot.right) continue;
    // Italic sans is narrower than the monospace cells, so the measured room is enough.
    const { x, half } = wholeInPlot(middle, label, size, plot);
    if (x - half < lastEnd) continue;
    out.push({ x, label, from: b.from, to: b.to });
    lastEnd = x + half;
  }
  return out;
}
