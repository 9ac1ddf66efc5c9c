import { describe, expect, it } from 'vitest';
import { compressedTimeScale } from '../../../src/timeline/compressedTimeScale.ts';

const OPTIONS = { top: 10, rowGap: 40, pxPerMs: 1, maxGap: 100, breakAfterMs: 400, breakHeight: 60 };

describe('compressedTimeScale', () => {
  it('gives moments closer than a row a whole row each', () => {
    const scale = compressedTimeScale([0, 20, 40], OPTIONS);
    expect([0, 20, 40].map(scale.y)).toEqual([10, 50, 90]);
  });

  it('stretches a pause in proportion to its length, up to a cap', () => {
    const scale = compressedTimeScale([0, 70, 370], OPTIONS);
    expect([0, 70, 370].map(scale.y)).toEqual([10, 80, 180]);
    expect(scale.breaks).toEqual([]);
  });

  it('cuts a long quiet spell down to a break and says what it stands for', () => {
    const scale = compressedTimeScale([0, 60_000], OPTIONS);
    expect(scale.y(60_000)).toBe(70);
    expect(scale.breaks).toEqual([{ from: 0, to: 60_000, y0: 10, y1: 70 }]);
    expect(scale.bottom).toBe(70);
  });

  it('places a time between two moments in proportion between their rows', () => {
    const scale = compressedTimeScale([0, 20], OPTIONS);
    expect(scale.y(10)).toBe(30);
  });

  it('copes with a single moment and with repeated ones', () => {
    expect(compressedTimeScale([5, 5, 5], OPTIONS).y(5)).toBe(10);
  });
});
