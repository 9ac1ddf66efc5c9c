// Which element draws which mark, for walking the timeline's marks by keyboard: a mark and its element share a key
// (a connection's name; a glyph's trace position; a retry fold's position and host), so a zoom step, which gives
// marks new places in keyboard order, writes nothing onto their elements for it.
import type { ConnMark, GlyphMark, RetryFold } from '../../../timeline/timelineLayout.ts';

/** FocusableMark is a mark the arrow keys walk through. */
export type FocusableMark = ConnMark | GlyphMark | RetryFold;

/** keyOfMark is the key of a mark that keyOfElement gives for the element drawing it. */
export function keyOfMark(m: FocusableMark): string {
  if (!('kind' in m)) return `fold ${m.seq} ${m.host}`;
  return m.kind === 'conn' ? `conn ${m.conn}` : `glyph ${m.seq}`;
}

/**
 * keyOfElement reads a mark's key off the element TimelineMarks draws it with: a connection's `data-conn`, a
 * fold's `data-seq` and `data-host` (its class says it is a fold), else a glyph's `data-seq`.
 */
export function keyOfElement(el: Element): string {
  const conn = el.getAttribute('data-conn');
  if (conn !== null) return `conn ${conn}`;
  const seq = el.getAttribute('data-seq') ?? '';
  return el.classList.contains('fold') ? `fold ${seq} ${el.getAttribute('data-host') ?? ''}` : `glyph ${seq}`;
}

// An attribute's value inside a selector's double quotes.
const quoted = (value: string | number) => `"${String(value).replace(/["\\]/g, '\\$&')}"`;

/** markElement finds, under `root`, the element that draws `m`, or null while it is not drawn. */
export function markElement(root: ParentNode, m: FocusableMark): SVGElement | null {
  const selector = !('kind' in m)
    ? `.fold[data-seq=${quoted(m.seq)}][data-host=${quoted(m.host)}]`
    : m.kind === 'conn'
      ? `.conn[data-conn=${quoted(m.conn)}]`
      : `.glyph[data-seq=${quoted(m.seq)}]`;
  return root.querySelector<SVGElement>(selector);
}
