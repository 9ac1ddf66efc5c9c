import { describe, expect, it } from 'vitest';
import { TARGETS, targetTable, type Target } from '../../../bench/targets.ts';

const worldAt: Target = {
  what: 'worldAt',
  metric: 'worldat-ms',
  at: 'most',
  bound: 4,
  floor: 'worldat-floor-ms',
};
const ratio: Target = { what: 'ratio', metric: 'ratio', at: 'least', bound: 2 };

describe('the benchmark target table', () => {
  it('says a target is met only when the figure is on the right side of its bound, floor beside it', () => {
    const table = targetTable(
      [
        { name: 'worldat-ms', value: 3.2, unit: 'ms' },
        { name: 'worldat-floor-ms', value: 0.4, unit: 'ms' },
        { name: 'ratio', value: 1.9, unit: '×' },
      ],
      [worldAt, ratio],
    );
    expect(table.split('\n').slice(2)).toEqual([
      '| worldAt | 3.2 ms | 0.4 ms | ≤ 4 ms | yes |',
      '| ratio | 1.9 × | — | ≥ 2 × | no |',
    ]);
  });

  it('says "not run" for a suite left out of a partial run instead of guessing', () => {
    expect(targetTable([], [worldAt]).split('\n')[2]).toBe('| worldAt | not run | not run | ≤ 4 | not run |');
  });

  it('names a metric the suites report for every one of issue 12’s rows', () => {
    expect(TARGETS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(TARGETS.map((t) => t.metric)).size).toBe(TARGETS.length);
  });
});
