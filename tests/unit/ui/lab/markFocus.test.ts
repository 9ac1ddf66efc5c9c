// @vitest-environment jsdom
// markFocus pairs the timeline's marks with the elements that draw them, which the arrow keys walk between.
import { describe, expect, it } from 'vitest';
import type { ConnMark, GlyphMark, RetryFold } from '../../../../src/timeline/timelineLayout.ts';
import { keyOfElement, keyOfMark, markElement } from '../../../../src/ui/lab/timeline/markFocus.ts';

const conn = { kind: 'conn', conn: 'c"7', seq: 12 } as ConnMark;
const glyph = { kind: 'glyph', seq: 30 } as GlyphMark;
const fold = { seq: 30, host: 'hamburger.edu' } as RetryFold;
const otherFold = { seq: 30, host: 'crepes.fr' } as RetryFold;

// The plot's marks as TimelineMarks draws them: a glyph and two folds share trace position 30.
function plot(): SVGGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.innerHTML = `<g>
    <g class="mark conn" data-conn='c"7' data-seq="12"></g>
    <g class="mark fold" data-seq="30" data-host="crepes.fr"></g>
    <g class="mark fold" data-seq="30" data-host="hamburger.edu"></g>
    <g class="mark glyph" data-seq="30"></g>
  </g>`;
  return svg.firstElementChild as SVGGElement;
}

describe('markFocus', () => {
  it('finds the element that draws each mark, and reads the same key back off it', () => {
    const root = plot();
    for (const mark of [conn, glyph, fold, otherFold]) {
      const el = markElement(root, mark);
      expect(el).not.toBeNull();
      expect(keyOfElement(el as Element)).toBe(keyOfMark(mark));
    }
  });

  it('tells a glyph from a fold at the same trace position, and one host’s fold from another’s', () => {
    const root = plot();
    expect(markElement(root, glyph)?.classList.contains('glyph')).toBe(true);
    expect(markElement(root, fold)?.getAttribute('data-host')).toBe('hamburger.edu');
    expect(new Set([glyph, fold, otherFold].map(keyOfMark)).size).toBe(3);
  });

  it('finds nothing for a mark that is not drawn', () => {
    expect(markElement(plot(), { kind: 'glyph', seq: 31 } as GlyphMark)).toBeNull();
  });
});
