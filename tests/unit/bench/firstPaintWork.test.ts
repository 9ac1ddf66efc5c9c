import { describe, expect, it } from 'vitest';
import { firstPaintWork, type TraceEventLike } from '../../../bench/firstPaintWork.ts';

const URL = 'http://127.0.0.1:4173/?lang=ko';
const MAIN = { pid: 7, tid: 7 };

// A task on the page's main thread at `atMs`, `cpuMs` of thread time within `wallMs` of wall time.
function task(atMs: number, cpuMs: number, wallMs = cpuMs, thread = MAIN): TraceEventLike {
  return { name: 'RunTask', ph: 'X', ...thread, ts: atMs * 1000, dur: wallMs * 1000, tdur: cpuMs * 1000 };
}

const trace: TraceEventLike[] = [
  task(5, 40),
  { name: 'navigationStart', ph: 'R', ...MAIN, ts: 10_000, args: { data: { documentLoaderURL: URL } } },
  task(20, 30, 90),
  task(60, 100, 400),
  task(70, 500, 500, { pid: 7, tid: 9 }),
  task(80, 500, 500, { pid: 8, tid: 8 }),
  { name: 'firstContentfulPaint', ph: 'R', ...MAIN, ts: 500_000 },
  task(510, 20, 80),
  task(600, 10, 60),
];

describe('the page work behind a Lighthouse run', () => {
  it("sums the main thread's tasks from the navigation to the first paint, as thread and as wall time", () => {
    const work = firstPaintWork(trace, URL, 4);
    expect(work.cpuBeforePaint).toBe(130);
    expect(work.wallBeforePaint).toBe(490);
  });

  it('counts blocking time after the first paint from thread time times the slowdown, less 50 ms a task', () => {
    expect(firstPaintWork(trace, URL, 4).blockingFromCpu).toBe(30);
  });

  it('says so when the trace holds no navigation to the page', () => {
    expect(() => firstPaintWork(trace, 'http://127.0.0.1:4173/?lang=en', 4)).toThrow(/no navigation/);
  });
});
