// Keeps labels from sitting on each other: a greedy top-to-bottom pass that nudges a label down until it is
// clear of every label already placed. Labels rarely move, because the time scale already leaves a row each.

/** Box is a label's rectangle on the page, in pixels. */
export interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** overlaps is true when two boxes come closer than `margin` (px). */
export function overlaps(a: Box, b: Box, margin: number): boolean {
  return a.x0 < b.x1 + margin && b.x0 < a.x1 + margin && a.y0 < b.y1 + margin && b.y0 < a.y1 + margin;
}

/**
 * avoidOverlaps returns, for each box in the order given, how far down (px) it must move so that no two boxes
 * come closer than `margin`. Boxes are settled from the top, so an earlier label keeps its place.
 */
export function avoidOverlaps(boxes: readonly Box[], margin = 2): number[] {
  const order = boxes.map((_, i) => i).sort((a, b) => (boxes[a] as Box).y0 - (boxes[b] as Box).y0 || a - b);
  const shifts = boxes.map(() => 0);
  const placed: Box[] = [];
  for (const index of order) {
    const box = boxes[index] as Box;
    let shift = 0;
    for (;;) {
      const moved = { ...box, y0: box.y0 + shift, y1: box.y1 + shift };
      const blocker = placed.find((other) => overlaps(moved, other, margin));
      if (blocker === undefined) {
        placed.push(moved);
        break;
      }
      shift = blocker.y1 + margin - box.y0;
    }
    shifts[index] = shift;
  }
  return shifts;
}
