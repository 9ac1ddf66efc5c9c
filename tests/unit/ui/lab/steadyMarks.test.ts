// SteadyMarks keeps a mark's face across zoom steps while only its coordinates change, so the timeline re-derives
// words and looks only for marks that say something new.
import { describe, expect, it } from 'vitest';
import { sameApartFromGeometry, SteadyMarks } from '../../../../src/ui/lab/timeline/steadyMarks.ts';
import type { GlyphMark } from '../../../../src/timeline/timelineLayout.ts';

const glyph = (seq: number, x: number, count = 1): GlyphMark => ({
  kind: 'glyph',
  glyph: 'stored',
  seq,
  t: seq * 10,
  host: 'hamburger.edu',
  x,
  y: 40,
  count,
});

describe('SteadyMarks', () => {
  it('gives a mark that only moved the face it had the step before, with this step’s coordinates', () => {
    const steady = new SteadyMarks<GlyphMark>((g) => g.seq);
    const [first] = steady.step([glyph(1, 100)]);
    const [moved] = steady.step([glyph(1, 180)]);
    expect(moved?.face).toBe(first?.face);
    expect(moved?.at.x).toBe(180);
  });

  it('makes a new face for a mark that says something new under the same key', () => {
    const steady = new SteadyMarks<GlyphMark>((g) => g.seq);
    const [one] = steady.step([glyph(1, 100)]);
    const [three] = steady.step([glyph(1, 100, 3)]);
    expect(three?.face).not.toBe(one?.face);
    expect(three?.face.count).toBe(3);
  });

  it('forgets marks that left the window, so one coming back gets the face it brings', () => {
    const steady = new SteadyMarks<GlyphMark>((g) => g.seq);
    const [gone] = steady.step([glyph(1, 100)]);
    steady.step([glyph(2, 100)]);
    const [back] = steady.step([glyph(1, 120)]);
    expect(back?.face).not.toBe(gone?.face);
  });
});

describe('sameApartFromGeometry', () => {
  it('looks past coordinates but not past anything else', () => {
    expect(sameApartFromGeometry(glyph(1, 10), { ...glyph(1, 90), y: 7 })).toBe(true);
    expect(sameApartFromGeometry(glyph(1, 10), { ...glyph(1, 10), host: 'crepes.fr' })).toBe(false);
  });
});
