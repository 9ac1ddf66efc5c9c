import { describe, expect, it } from 'vitest';
import { SharedList } from '../../../src/sim/sharedList.ts';

function listOf(n: number): SharedList<number> {
  const list = new SharedList<number>();
  for (let i = 0; i < n; i++) list.push(i);
  return list;
}

describe('a list whose copies share their chunks', () => {
  it('holds items across chunk boundaries in order', () => {
    const list = listOf(200);
    expect(list.length).toBe(200);
    expect([list.get(0), list.get(63), list.get(64), list.get(199), list.get(200)]).toEqual([
      0,
      63,
      64,
      199,
      undefined,
    ]);
    expect(list.toArray()).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('keeps a copy apart from later writes to the list it came from', () => {
    const list = listOf(100);
    const copy = list.copy();
    list.set(5, -5);
    list.set(70, -70);
    list.push(100);
    expect(copy.toArray()).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(list.get(5)).toBe(-5);
    expect(list.length).toBe(101);
  });

  it('keeps the list apart from writes to its copy, a push into a shared half-full chunk included', () => {
    const list = listOf(100);
    const copy = list.copy();
    copy.set(5, -5);
    copy.push(100);
    const again = copy.copy();
    again.set(99, -99);
    expect(list.toArray()).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(copy.get(5)).toBe(-5);
    expect(copy.get(99)).toBe(99);
    expect(again.toArray().slice(98)).toEqual([98, -99, 100]);
  });

  it('refuses to set an item it does not have', () => {
    expect(() => listOf(3).set(3, 0)).toThrow(RangeError);
  });
});
