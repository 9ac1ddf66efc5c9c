// How much of a Lighthouse run's score was the page and how much the machine: the page's main-thread work read
// from the run's own trace, as thread (CPU) time and as wall time. Lighthouse's phone is simulated from wall time
// times its CPU slowdown, and wall time is what a loaded machine stretches; thread time it stretches far less.

/** TraceEventLike is what firstPaintWork reads of a trace event (Lighthouse's own type leaves out thread time). */
export interface TraceEventLike {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly data?: { readonly documentLoaderURL?: string } };
}

/** PageWork is a page's main-thread work in one trace, in ms. */
export interface PageWork {
  /** cpuBeforePaint and wallBeforePaint are the tasks from the navigation to the first contentful paint. */
  readonly cpuBeforePaint: number;
  readonly wallBeforePaint: number;
  /** blockingFromCpu is total blocking time as the simulation would count it were each task's wall time its thread time. */
  readonly blockingFromCpu: number;
}

// A task that blocks input for longer than this is long (Lighthouse's and the Long Tasks API's threshold).
const LONG_TASK_MS = 50;

/**
 * firstPaintWork sums the main-thread tasks of the page that navigated to `url`: before its first contentful
 * paint, and (as blocking time, each task's thread time times `slowdown` less 50 ms) after it, to the trace's end.
 * The main thread is the one that marked the navigation's start.
 */
export function firstPaintWork(events: readonly TraceEventLike[], url: string, slowdown: number): PageWork {
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
  if (start === undefined) throw new Error(`firstPaintWork: no navigation to ${url} in the trace`);
  const paint = events.find(
    (e) => e.name === 'firstContentfulPaint' && e.pid === start.pid && e.ts >= start.ts,
  );
  if (paint === undefined)
    throw new Error(`firstPaintWork: no first contentful paint of ${url} in the trace`);
  let cpuBeforePaint = 0;
  let wallBeforePaint = 0;
  let blockingFromCpu = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.pid !== start.pid || e.tid !== start.tid) continue;
    if (e.ts < start.ts) continue;
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.ts < paint.ts) {
      cpuBeforePaint += cpu;
      wallBeforePaint += (e.dur ?? 0) / 1000;
    } else blockingFromCpu += Math.max(0, cpu * slowdown - LONG_TASK_MS);
  }
  return { cpuBeforePaint, wallBeforePaint, blockingFromCpu };
}
