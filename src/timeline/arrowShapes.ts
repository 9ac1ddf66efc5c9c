// Outlines for the ends of arrows: a filled head where a segment arrived, a cross where it was lost.

/** ArrowHead is a filled triangle whose tip is the arrow's end; the shaft should stop at `base`. */
export interface ArrowHead {
  readonly base: readonly [number, number];
  readonly path: string;
}

/** round1 rounds to a tenth of a pixel, which keeps paths short and snapshots stable. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

const r = round1;

/** arrowHead is the head of an arrow from (x1, y1) to (x2, y2), `headLength` long and `headWidth` wide. */
export function arrowHead(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  headLength: number,
  headWidth: number,
): ArrowHead {
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const bx = x2 - ux * headLength;
  const by = y2 - uy * headLength;
  const px = (-uy * headWidth) / 2;
  const py = (ux * headWidth) / 2;
  const path = `M${r(x2)},${r(y2)}L${r(bx + px)},${r(by + py)}L${r(bx - px)},${r(by - py)}Z`;
  return { base: [bx, by], path };
}

/** crossPath is an ✕ of half-size `s` centred on (x, y), drawn as two strokes. */
export function crossPath(x: number, y: number, s: number): string {
  return `M${r(x - s)},${r(y - s)}L${r(x + s)},${r(y + s)}M${r(x + s)},${r(y - s)}L${r(x - s)},${r(y + s)}`;
}
