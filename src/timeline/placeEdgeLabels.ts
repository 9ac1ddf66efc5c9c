// Where a state chart's arrow labels go: each label slides along its own arrow, nearest its preferred place first,
// to the first spot where it covers no state, no container's name, no note and no label placed before it.
import { round1 } from './arrowShapes.ts';
import { overlaps, type Box } from './avoidOverlaps.ts';
import {
  CHART_FONT,
  CHART_SIZES as S,
  LABEL_LINE,
  NOTE_LINE,
  type NoteBlock,
  type StateBox,
  type TransitionEdge,
} from './machineShapes.ts';
import { monoWidth } from './monoWidth.ts';

/** Point is a place on the chart, in px. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** PathEdge is an arrow before its label is placed: `along` samples its path from source to target. */
export type PathEdge = TransitionEdge & { readonly along: readonly Point[] };

type Anchor = TransitionEdge['labelAnchor'];

// A label keeps this far from what it must not cover, and sits this far beside its arrow when not centred on it.
const MARGIN = 2;
const BESIDE = 4;

/**
 * edgeLabelBox is the rectangle a label of `events` (one a line) covers when drawn at (x, y) with `anchor`, the
 * lines centred on y as the chart component writes them.
 */
export function edgeLabelBox(events: readonly string[], x: number, y: number, anchor: Anchor): Box {
  const width = Math.max(...events.map((event) => monoWidth(event, CHART_FONT.label)));
  const x0 = anchor === 'middle' ? x - width / 2 : anchor === 'start' ? x : x - width;
  const y0 = y - ((events.length - 1) * LABEL_LINE) / 2 - 9;
  return { x0, x1: x0 + width, y0, y1: y0 + events.length * LABEL_LINE };
}

/**
 * chartObstacles are what no label may cover: every leaf state, every container's name, and every note block's
 * lines (its caption given the room of a whole note line, since its words are the component's).
 */
export function chartObstacles(boxes: readonly StateBox[], notes: readonly NoteBlock[]): Box[] {
  const states = boxes.map((b): Box => {
    if (b.kind === 'atomic' || b.kind === 'final')
      return { x0: b.x, x1: b.x + b.width, y0: b.y, y1: b.y + b.height };
    const name = monoWidth(b.key, CHART_FONT.container);
    return { x0: b.x, x1: b.x + 10 + name + 4, y0: b.y, y1: b.y + 20 };
  });
  const written = notes.map((block): Box => {
    const lines = block.entries.flatMap((e) => e.lines);
    const width = Math.max(
      S.noteWrap * monoWidth('x', CHART_FONT.note),
      ...lines.map((line) => monoWidth(line, CHART_FONT.note)),
    );
    return {
      x0: block.x,
      x1: block.x + width,
      y0: block.y - NOTE_LINE,
      y1: block.y + (lines.length + 0.3) * NOTE_LINE,
    };
  });
  return [...states, ...written];
}

// The samples of an arrow, nearest (along the arrow) to the one closest to where its label would rather be first.
function byPreference(edge: PathEdge): Point[] {
  const along = edge.along;
  const arc: number[] = [];
  let length = 0;
  along.forEach((p, i) => {
    const prev = along[i - 1];
    if (prev !== undefined) length += Math.hypot(p.x - prev.x, p.y - prev.y);
    arc.push(length);
  });
  let best = 0;
  along.forEach((p, i) => {
    const q = along[best] as Point;
    if (Math.hypot(p.x - edge.labelX, p.y - edge.labelY) < Math.hypot(q.x - edge.labelX, q.y - edge.labelY))
      best = i;
  });
  const from = arc[best] ?? 0;
  return along
    .map((p, i) => ({ p, d: Math.abs((arc[i] ?? 0) - from) }))
    .sort((a, b) => a.d - b.d)
    .map(({ p }) => p);
}

// Points in rings around (x, y), nearest first, out to a few labels' heights.
function around(x: number, y: number): Point[] {
  const points: Point[] = [];
  for (let r = 4; r <= 320; r += 4)
    for (let k = 0; k < 16; k += 1) {
      const a = (k / 16) * 2 * Math.PI;
      points.push({ x: x + r * Math.cos(a), y: y + r * Math.sin(a) });
    }
  return points;
}

// Where a label may stand at a sample: centred on the arrow, or beside it on either side.
function spots(p: Point, preferred: Anchor): { x: number; y: number; anchor: Anchor }[] {
  const all = [
    { x: p.x, y: p.y, anchor: 'middle' as const },
    { x: p.x + BESIDE, y: p.y, anchor: 'start' as const },
    { x: p.x - BESIDE, y: p.y, anchor: 'end' as const },
  ];
  return [...all.filter((s) => s.anchor === preferred), ...all.filter((s) => s.anchor !== preferred)];
}

/**
 * placeEdgeLabels places every arrow's label, the always-shown straight arrows' first, in the chart of size
 * `width` × `height`, and says how wide the chart must be to hold them all (wider only when a label found no room
 * inside it).
 */
export function placeEdgeLabels(
  edges: readonly PathEdge[],
  obstacles: readonly Box[],
  width: number,
  height: number,
): { edges: TransitionEdge[]; width: number } {
  const placed: Box[] = [];
  let right = width;
  const order = edges.map((_, i) => i).sort((a, b) => rank(edges[a]) - rank(edges[b]) || a - b);
  const result: TransitionEdge[] = edges.map(({ along: _along, ...edge }) => edge);
  for (const index of order) {
    const edge = edges[index] as PathEdge;
    // Along the arrow first; where it runs through a crowd, the nearest free room beside its preferred place;
    // failing that, room to the right of the chart, which then grows to hold the label.
    const candidates = [...byPreference(edge), ...around(edge.labelX, edge.labelY)].flatMap((p) =>
      spots(p, edge.labelAnchor),
    );
    const free = (right: number) => (spot: { x: number; y: number; anchor: Anchor }) => {
      const box = edgeLabelBox(edge.events, spot.x, spot.y, spot.anchor);
      return (
        box.x0 >= 0 &&
        box.x1 <= right &&
        box.y0 >= 0 &&
        box.y1 <= height &&
        !obstacles.some((o) => overlaps(box, o, MARGIN)) &&
        !placed.some((o) => overlaps(box, o, MARGIN))
      );
    };
    const found = candidates.find(free(width)) ?? candidates.find(free(Infinity));
    const spot = found ?? { x: edge.labelX, y: edge.labelY, anchor: edge.labelAnchor };
    right = Math.max(right, edgeLabelBox(edge.events, spot.x, spot.y, spot.anchor).x1 + MARGIN);
    // A lane's or loop's label shows alone, on hover, beside the straight arrows' labels that always show.
    if (edge.route === 'direct') placed.push(edgeLabelBox(edge.events, spot.x, spot.y, spot.anchor));
    result[index] = {
      ...(result[index] as TransitionEdge),
      labelX: round1(spot.x),
      labelY: round1(spot.y),
      labelAnchor: spot.anchor,
    };
  }
  return { edges: result, width: round1(right) };
}

// Straight arrows' labels are always shown, so they choose first; lane and loop labels show on hover.
function rank(edge: PathEdge | undefined): number {
  return edge?.route === 'direct' ? 0 : 1;
}
