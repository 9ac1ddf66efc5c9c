import { describe, expect, it } from 'vitest';
import { monoWidth } from '../../../../../src/timeline/monoWidth.ts';
import { breakCaptions, CAPTION_SIZE } from '../../../../../src/ui/lab/timeline/timelineLabels.ts';

const plot = { left: 180, right: 620, top: 20, bottom: 300 };
const duration = (ms: number) => `${(ms / 60_000).toFixed(1)}분`;
const quiet = (x0: number, x1: number, from: number) => ({
  from,
  to: from + 1_770_000,
  x0,
  x1,
  folded: false,
});

describe('break captions', () => {
  for (const size of [CAPTION_SIZE.lab, CAPTION_SIZE.presenter])
    it(`moves a caption at either end of the plot in until it is whole, at ${size} units`, () => {
      const captions = breakCaptions([quiet(181, 185, 0), quiet(612, 619, 9e6)], plot, duration, size);
      expect(captions).toHaveLength(2);
      for (const c of captions) {
        const half = monoWidth(c.label, size) / 2;
        expect(c.x - half).toBeGreaterThanOrEqual(plot.left);
        expect(c.x + half).toBeLessThanOrEqual(plot.right);
      }
    });

  it('leaves a caption in the middle of its break when it fits there', () => {
    expect(breakCaptions([quiet(380, 420, 0)], plot, duration)).toMatchObject([{ x: 400, label: '29.5분' }]);
  });
});
