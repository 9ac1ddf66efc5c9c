// The timeline's protocol lines as a few SVG paths, one per look (side, merged or not, past or future), rather
// than an element each: a zoom step moves every tick, and thousands of elements updated one by one cost more
// than a frame has.
import type { LineMark } from '../../../timeline/timelineLayout.ts';

/** LinePath is every line tick of one look, as one path's `d`; `key` names the look. */
export interface LinePath {
  readonly key: string;
  readonly from: LineMark['from'];
  /** many: the ticks stand for several lines each (drawn thicker). */
  readonly many: boolean;
  /** future: the ticks are after the cursor (drawn faded). */
  readonly future: boolean;
  readonly d: string;
}

/** linePaths groups line marks by look, in their order; `future` says whether a trace position is after the cursor. */
export function linePaths(lines: readonly LineMark[], future: (seq: number) => boolean): LinePath[] {
  const paths = new Map<string, { from: LineMark['from']; many: boolean; future: boolean; d: string[] }>();
  for (const l of lines) {
    const many = l.count > 1;
    const later = future(l.seq);
    const key = `${l.from} ${many} ${later}`;
    const path = paths.get(key) ?? { from: l.from, many, future: later, d: [] };
    paths.set(key, path);
    path.d.push(`M${l.x},${l.y0}V${l.y1}`);
  }
  return [...paths].map(([key, p]) => ({
    key,
    from: p.from,
    many: p.many,
    future: p.future,
    d: p.d.join(''),
  }));
}
