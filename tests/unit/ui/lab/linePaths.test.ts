import { describe, expect, it } from 'vitest';
import type { LineMark } from '../../../../src/timeline/timelineLayout.ts';
import { linePaths } from '../../../../src/ui/lab/timeline/linePaths.ts';

const line = (seq: number, from: LineMark['from'], x: number, count = 1): LineMark => ({
  kind: 'line',
  seq,
  t: seq * 10,
  conn: 'c1',
  from,
  x,
  y0: from === 'client' ? 30 : 43,
  y1: from === 'client' ? 36 : 49,
  count,
});

describe('linePaths', () => {
  it('draws every tick of one look in one path, and each look apart', () => {
    const paths = linePaths(
      [line(1, 'client', 200), line(2, 'server', 210), line(3, 'client', 220, 4), line(5, 'client', 240)],
      (seq) => seq > 4,
    );
    expect(paths).toEqual([
      { key: 'client false false', from: 'client', many: false, future: false, d: 'M200,30V36' },
      { key: 'server false false', from: 'server', many: false, future: false, d: 'M210,43V49' },
      { key: 'client true false', from: 'client', many: true, future: false, d: 'M220,30V36' },
      { key: 'client false true', from: 'client', many: false, future: true, d: 'M240,30V36' },
    ]);
  });

  it('joins ticks of the same look in their order', () => {
    const paths = linePaths([line(1, 'client', 200), line(2, 'client', 205)], () => false);
    expect(paths.map((p) => p.d)).toEqual(['M200,30V36M205,30V36']);
  });
});
