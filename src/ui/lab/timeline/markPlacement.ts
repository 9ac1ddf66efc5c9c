// Where the timeline's marks stand, written straight onto their SVG elements: Svelte decides which marks exist and
// what they say (from steadyMarks' faces), and a zoom step only moves them here, in one pass, with no per-mark
// reactive work. Whatever a step can switch on or off (a bar's solid part, its label) is a mark's look, which
// Svelte draws; the numbers are this module's.
import { flowOf } from '../../../timeline/mailFlow.ts';
import {
  TIMELINE_METRICS as M,
  type ConnMark,
  type GlyphMark,
  type TimelineBreak,
} from '../../../timeline/timelineLayout.ts';
import { protocolTitle } from '../../../sim/protocolForPort.ts';
import { monoWidth } from '../../../timeline/monoWidth.ts';
import type { Steady } from './steadyMarks.ts';

/** MarkView is what places a mark besides its own coordinates: the cursor and the plot. */
export interface MarkView {
  /** clipX is where the cursor meets the plot: a bar is solid up to it. */
  readonly clipX: number;
  readonly plotLeft: number;
  readonly plotTop: number;
  readonly plotBottom: number;
  /** future tells whether a trace position lies after the cursor. */
  readonly future: (seq: number) => boolean;
  /** crowdLabel is the words a crowd of connections carries on its bar when they fit ('37 SMTP connections'). */
  readonly crowdLabel: (c: ConnMark) => string;
}

/** ConnLook is which parts of a connection's bar show; it keeps its identity while they stay the same. */
export interface ConnLook {
  readonly face: ConnMark;
  /**
   * faded: some of the connection, bar or tail, lies after the cursor, and the whole is drawn faded under the solid
   * part (a connection wholly before the cursor has no faded copy hidden under it to move on every zoom step).
   */
  readonly faded: boolean;
  /** solid: some of the bar lies before the cursor and is drawn solid (over the faded whole, if any). */
  readonly solid: boolean;
  /** dashes: a pull's solid part is long enough for its dashes. */
  readonly dashes: boolean;
  /** failEnd: a failed connection (not a crowd) is wide enough to end in a cross. */
  readonly failEnd: boolean;
  /**
   * label is what the bar is long enough to carry, or null: a connection's name (`c3 POP3`), a crowd's words
   * (`37 SMTP connections`) or else its count alone (`37`).
   */
  readonly label: string | null;
}

/** barLabel is the name a connection's bar carries. */
export function barLabel(c: ConnMark): string {
  return `${c.conn} ${protocolTitle(c.protocol)}`;
}

// About 7 px a monospace character, and the label's margins.
const labelWidth = (c: ConnMark) => (c.conn.length + protocolTitle(c.protocol).length) * 7 + 6;

/** CROWD_LABEL_SIZE is the font size of a crowd's words in the lab (a projector's are larger, and may overhang). */
const CROWD_LABEL_SIZE = 11;

/** ConnParts are a connection's numbers this step, from which both its look and its coordinates follow. */
interface ConnParts {
  readonly solidEnd: number;
  readonly label: string | null;
  readonly dashStart: number;
  readonly dashEnd: number;
}

// The label that fits on the bar, and its width: a connection has its name or nothing, a crowd its words, else
// its count, else nothing.
function fittingLabel(face: ConnMark, room: number, view: MarkView): { label: string | null; width: number } {
  if (face.count === 1) {
    const width = labelWidth(face);
    return room > width + 10 ? { label: barLabel(face), width } : { label: null, width: 0 };
  }
  for (const label of [view.crowdLabel(face), String(face.count)]) {
    const width = monoWidth(label, CROWD_LABEL_SIZE) + 6;
    if (room > width + 10) return { label, width };
  }
  return { label: null, width: 0 };
}

function connParts(face: ConnMark, at: ConnMark, view: MarkView): ConnParts {
  const solidEnd = view.future(face.seq) ? at.x0 : Math.min(Math.max(view.clipX, at.x0), at.x1);
  const { label, width } = fittingLabel(face, at.xData - Math.max(at.x0, view.plotLeft), view);
  return {
    solidEnd,
    label,
    dashStart: Math.max(at.x0, view.plotLeft) + 3 + width,
    dashEnd: Math.min(solidEnd, at.xData) - 3,
  };
}

/** connLook says which parts of a connection show where `at` puts it. */
export function connLook(step: Steady<ConnMark>, view: MarkView): ConnLook {
  const { face, at } = step;
  const parts = connParts(face, at, view);
  const solid = parts.solidEnd > at.x0;
  return {
    face,
    faded: parts.solidEnd < at.x1,
    solid,
    dashes: solid && flowOf(face.protocol) === 'pull' && parts.dashEnd > parts.dashStart + 6,
    failEnd: face.count === 1 && face.outcome === 'failed' && at.x1 - at.x0 > 12,
    label: parts.label,
  };
}

/** sameLook tells whether two looks draw the same parts of the same face. */
export function sameLook(a: ConnLook, b: ConnLook): boolean {
  return (
    a.face === b.face &&
    a.faded === b.faded &&
    a.solid === b.solid &&
    a.dashes === b.dashes &&
    a.failEnd === b.failEnd &&
    a.label === b.label
  );
}

/** BreakLook is whether a quiet spell is wide enough (3 px) to be drawn. */
export interface BreakLook {
  readonly face: TimelineBreak;
  readonly shown: boolean;
}

/** breakLook says whether a break shows where `at` puts it. */
export function breakLook(step: Steady<TimelineBreak>): BreakLook {
  return { face: step.face, shown: step.at.x1 - step.at.x0 >= 3 };
}

// The numbers last written to each element, by slot, so that what did not move is not written (a write restyles
// the element). Lengths are set through the SVG DOM (`baseVal`), which takes a number where an attribute would
// take a string to format and parse again: a zoom step of a long trace writes thousands of them.
const written = new WeakMap<Element, Float64Array>();

function slots(el: Element): Float64Array {
  let values = written.get(el);
  if (values === undefined) written.set(el, (values = new Float64Array(4).fill(Number.NaN)));
  return values;
}

function setLength(length: SVGAnimatedLength, values: Float64Array, slot: number, value: number): void {
  if (values[slot] === value) return;
  values[slot] = value;
  length.baseVal.value = value;
}

function put(el: Element | undefined, slot: number, name: string, value: number): void {
  if (el === undefined) return;
  const values = slots(el);
  if (values[slot] === value) return;
  values[slot] = value;
  el.setAttribute(name, String(value));
}

/**
 * placeConns moves each connection's elements, children of `group` in `looks` order, to where its step puts it.
 * A connection's `<g>` holds, in this order: its title, the hit area, the faded tail and bar when faded, then the
 * solid tail and bar (and the pull's dashes) when solid, a crowd's stripes, the failure's cross, and the label if
 * any.
 */
export function placeConns(
  group: Element,
  steps: readonly Steady<ConnMark>[],
  looks: readonly ConnLook[],
  view: MarkView,
): void {
  const marks = group.children;
  steps.forEach(({ face, at }, i) => {
    const look = looks[i];
    const g = marks[i];
    if (look === undefined || g === undefined) return;
    const parts = connParts(face, at, view);
    const mid = (at.y0 + at.y1) / 2;
    const kids = g.children;
    let k = 1;
    placeBar(kids[k++], at.x0 - 3, at.y0 - M.tickLength, at.x1 - at.x0 + 6);
    if (look.faded) {
      placeTail(kids[k++], at.xData, at.x1, mid);
      placeBar(kids[k++], at.x0, at.y0, Math.max(2, at.xData - at.x0));
    }
    if (look.solid) {
      placeTail(kids[k++], at.xData, Math.max(at.xData, parts.solidEnd), mid);
      placeBar(kids[k++], at.x0, at.y0, Math.max(2, Math.min(parts.solidEnd, at.xData) - at.x0));
      if (look.dashes) placeTail(kids[k++], parts.dashStart, parts.dashEnd, mid);
    }
    if (face.count > 1) placeBar(kids[k++], at.x0, at.y0, Math.max(2, at.xData - at.x0));
    if (look.failEnd) {
      const cross = kids[k++];
      const d = `M${at.x1 - 4},${at.y0 - 1}L${at.x1 + 4},${at.y1 + 1}M${at.x1 + 4},${at.y0 - 1}L${at.x1 - 4},${at.y1 + 1}`;
      if (cross !== undefined && cross.getAttribute('d') !== d) cross.setAttribute('d', d);
    }
    if (look.label !== null) {
      const label = kids[k];
      put(label, 0, 'x', Math.max(at.x0, view.plotLeft) + 5);
      put(label, 1, 'y', at.y1 - 3);
    }
  });
}

// By tag name rather than instanceof, which tells nothing apart in a document without SVG's DOM classes.
const isLine = (el: Element | undefined): el is SVGLineElement => el?.tagName === 'line';
const isRect = (el: Element | undefined): el is SVGRectElement => el?.tagName === 'rect';

function placeTail(line: Element | undefined, x1: number, x2: number, y: number): void {
  if (!isLine(line)) return;
  const values = slots(line);
  setLength(line.x1, values, 0, x1);
  setLength(line.x2, values, 1, x2);
  setLength(line.y1, values, 2, y);
  setLength(line.y2, values, 3, y);
}

function placeBar(rect: Element | undefined, x: number, y: number, width: number): void {
  if (!isRect(rect)) return;
  const values = slots(rect);
  setLength(rect.x, values, 0, x);
  setLength(rect.y, values, 1, y);
  setLength(rect.width, values, 2, width);
}

// A glyph's one translation, kept per element once made: a zoom step sets it through the SVG DOM (Chromium parses a
// written `transform` again; setTranslate takes about a third of the time), and asking the element's transform list
// for it on every step made new wrapper objects for the garbage collector, thousands a zoom. Where the element has
// no SVG DOM, the attribute is written.
const translations = new WeakMap<Element, SVGTransform>();

function translation(g: Element): SVGTransform | undefined {
  const known = translations.get(g);
  if (known !== undefined || !('transform' in g)) return known;
  const svg = g as SVGGraphicsElement;
  const list = svg.transform.baseVal;
  const made = list.numberOfItems === 0 ? svg.ownerSVGElement?.createSVGTransform() : undefined;
  if (made !== undefined) list.appendItem(made);
  // (The list may hand back another object for the transform just made, which is not yet a translation.)
  const only = list.numberOfItems === 1 ? list.getItem(0) : undefined;
  if (only === undefined || (made === undefined && only.type !== only.SVG_TRANSFORM_TRANSLATE))
    return undefined;
  translations.set(g, only);
  return only;
}

function translate(g: Element, x: number, y: number): void {
  const t = translation(g);
  if (t !== undefined) t.setTranslate(x, y);
  else g.setAttribute('transform', `translate(${x},${y})`);
}

/**
 * placeGlyphs moves each glyph's place, a `<g>` child of `group` in `steps` order, by its translation: the glyph's
 * button and a crowd's count beside it stand at fixed places inside.
 */
export function placeGlyphs(group: Element, steps: readonly Steady<GlyphMark>[]): void {
  const kids = group.children;
  steps.forEach(({ at }, i) => {
    const g = kids[i];
    if (g === undefined) return;
    const values = slots(g);
    if (values[0] !== at.x || values[1] !== at.y) {
      values[0] = at.x;
      values[1] = at.y;
      translate(g, at.x, at.y);
    }
  });
}

/** placeBreaks moves the quiet spells that show, the `<rect>` children of `group` in `looks` order. */
export function placeBreaks(
  group: Element,
  steps: readonly Steady<TimelineBreak>[],
  looks: readonly BreakLook[],
  view: MarkView,
): void {
  const kids = group.children;
  let k = 0;
  steps.forEach(({ at }, i) => {
    if (looks[i]?.shown !== true) return;
    const rect = kids[k++];
    placeBar(rect, at.x0, view.plotTop - 20, at.x1 - at.x0);
    if (isRect(rect)) setLength(rect.height, slots(rect), 3, view.plotBottom - view.plotTop + 20);
  });
}
