import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/sim/rng.ts';

describe('Rng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect(Array.from({ length: 100 }, () => a.uint32())).toEqual(
      Array.from({ length: 100 }, () => b.uint32()),
    );
  });

  it('gives another sequence for another seed', () => {
    const a = Array.from(
      { length: 10 },
      (
        (r) => () =>
          r.uint32()
      )(new Rng(1)),
    );
    const b = Array.from(
      { length: 10 },
      (
        (r) => () =>
          r.uint32()
      )(new Rng(2)),
    );
    expect(a).not.toEqual(b);
  });

  it('draws floats in [0, 1) and integers within their bounds', () => {
    const r = new Rng(9);
    for (let i = 0; i < 10_000; i++) {
      const f = r.float();
      expect(f >= 0 && f < 1).toBe(true);
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
  });

  it('spreads its draws roughly evenly', () => {
    const r = new Rng(123);
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const b = Math.floor(r.float() * 4);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('never says yes to a chance of zero', () => {
    const r = new Rng(5);
    expect(Array.from({ length: 1000 }, () => r.chance(0)).some(Boolean)).toBe(false);
  });
});
