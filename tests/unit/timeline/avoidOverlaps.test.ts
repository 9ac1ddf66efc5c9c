import { describe, expect, it } from 'vitest';
import { avoidOverlaps } from '../../../src/timeline/avoidOverlaps.ts';

describe('avoidOverlaps', () => {
  it('leaves boxes that are already apart where they are', () => {
    const boxes = [
      { x0: 0, x1: 10, y0: 0, y1: 10 },
      { x0: 20, x1: 30, y0: 0, y1: 10 },
    ];
    expect(avoidOverlaps(boxes)).toEqual([0, 0]);
  });

  it('moves the lower of two overlapping boxes down until it clears the upper one', () => {
    const boxes = [
      { x0: 0, x1: 10, y0: 5, y1: 15 },
      { x0: 5, x1: 15, y0: 0, y1: 10 },
    ];
    expect(avoidOverlaps(boxes, 2)).toEqual([7, 0]);
  });

  it('settles boxes from the top, so a box pushed down in turn pushes the one below', () => {
    const boxes = [
      { x0: 0, x1: 10, y0: 0, y1: 10 },
      { x0: 0, x1: 10, y0: 12, y1: 22 },
      { x0: 0, x1: 10, y0: 1, y1: 11 },
    ];
    expect(avoidOverlaps(boxes, 2)).toEqual([0, 12, 11]);
  });
});
