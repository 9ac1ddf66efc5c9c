import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../../src/sim/scheduler.ts';

function drain(s: Scheduler): void {
  for (let e = s.pop(); e; e = s.pop()) e.run();
}

describe('Scheduler', () => {
  it('runs callbacks in order of time', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    for (const t of [30, 10, 20, 0, 25]) s.add(t, () => seen.push(t));
    drain(s);
    expect(seen).toEqual([0, 10, 20, 25, 30]);
  });

  it('breaks ties by the order callbacks were added', () => {
    const s = new Scheduler();
    const seen: string[] = [];
    for (const name of ['a', 'b', 'c', 'd']) s.add(5, () => seen.push(name));
    drain(s);
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
  });

  it("runs a person's input before the world's own events at the same time", () => {
    const s = new Scheduler();
    const seen: string[] = [];
    s.add(5, () => seen.push('world'));
    s.add(5, () => seen.push('input'), 'input');
    drain(s);
    expect(seen).toEqual(['input', 'world']);
  });

  it('skips cancelled callbacks and counts only live ones', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    const ids = [1, 2, 3, 4].map((n) => s.add(n, () => seen.push(n)));
    s.cancel(ids[1] as number);
    s.cancel(ids[2] as number);
    expect(s.size).toBe(2);
    drain(s);
    expect(seen).toEqual([1, 4]);
  });

  it('keeps order through many cancellations that force it to compact', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    const ids = Array.from({ length: 500 }, (_, i) => s.add(499 - i, () => seen.push(499 - i)));
    ids.forEach((id, i) => i % 3 !== 0 && s.cancel(id));
    drain(s);
    const expected = Array.from({ length: 500 }, (_, i) => 499 - i)
      .filter((_, i) => i % 3 === 0)
      .sort((a, b) => a - b);
    expect(seen).toEqual(expected);
  });

  it('refuses a time that is not a finite number', () => {
    expect(() => new Scheduler().add(Number.NaN, () => undefined)).toThrow(RangeError);
  });
});
