import { scaleLinear } from 'd3';
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

  it('maps and inverts every time exactly as a d3 linear scale through the same points would', () => {
    // Keys from a fixed pseudo-random walk: short steps, ties and long breaks, so that rows repeat (zero gaps).
    let seed = 7;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const keys = [0];
    for (let i = 0; i < 500; i++)
      keys.push((keys[i] as number) + (next() < 0.1 ? 0 : next() < 0.05 ? 90_000 : next() * 300));
    const scale = compressedTimeScale(keys, {
      ...OPTIONS,
      gapSize: (gap, isBreak) => (isBreak ? 0 : Math.log2(1 + gap)),
    });
    const distinct = [...new Set(keys)];
    const d3 = scaleLinear(distinct, distinct.map(scale.y));
    const probes = [-50, ...keys, ...keys.map((k) => k + next() * 200), (keys.at(-1) as number) + 1000];
    expect(probes.map(scale.y)).toEqual(probes.map(d3));
    const rows = probes.map(d3);
    expect(rows.map(scale.time)).toEqual(rows.map((y) => d3.invert(y)));
  });
});
