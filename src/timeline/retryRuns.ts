// Retry runs: a queue trying one message again and again while its destination stays away. They are read from the
// queue's own facts (queue.attempt, queue.deferred), so the timeline can fold hundreds of identical tries into one
// labelled band when they would otherwise be drawn a pixel apart.
import type { HostId } from '../net/types.ts';
import type { TraceEvent } from '../sim/trace.ts';

/**
 * RetryRun is a message's attempts on `host` that each ended in a deferral: `attempts` of them, the first at
 * `from`, the last deferral at `to`, usually `every` ms apart (the median gap between two attempts). `seq` is the
 * first attempt's trace position, `queueId` the message's.
 */
export interface RetryRun {
  readonly host: HostId;
  readonly queueId: string;
  readonly seq: number;
  readonly from: number;
  readonly to: number;
  readonly attempts: number;
  readonly every: number;
}

/** MIN_RUN is the fewest deferred attempts worth folding: two tries read fine on their own. */
export const MIN_RUN = 3;

interface Open {
  host: HostId;
  queueId: string;
  seq: number;
  starts: number[];
  deferredAt: number;
  /** pending is true between an attempt and its deferral. */
  pending: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * retryRuns lists, in the order they began, each message's runs of at least MIN_RUN attempts that were all
 * deferred. A run ends with the message's last deferral before anything else happens to it: an attempt that
 * delivers or bounces is not part of the run, so its glyph stays on its own.
 */
export function retryRuns(trace: readonly TraceEvent[]): RetryRun[] {
  const open = new Map<string, Open>();
  const runs: RetryRun[] = [];
  const close = (key: string) => {
    const run = open.get(key);
    open.delete(key);
    if (run === undefined) return;
    // An attempt still waiting for its outcome is not a deferred one.
    const starts = run.pending ? run.starts.slice(0, -1) : run.starts;
    if (starts.length < MIN_RUN) return;
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    runs.push({
      host: run.host,
      queueId: run.queueId,
      seq: run.seq,
      from: starts[0] as number,
      to: run.deferredAt,
      attempts: starts.length,
      every: median(gaps),
    });
  };
  for (const e of trace) {
    if (e.kind === 'queue.attempt') {
      const key = `${e.host} ${e.queueId}`;
      const run = open.get(key);
      if (run !== undefined && run.pending) close(key);
      const current = open.get(key);
      if (current === undefined)
        open.set(key, {
          host: e.host,
          queueId: e.queueId,
          seq: e.seq,
          starts: [e.t],
          deferredAt: e.t,
          pending: true,
        });
      else {
        current.starts.push(e.t);
        current.pending = true;
      }
    } else if (e.kind === 'queue.deferred') {
      const run = open.get(`${e.host} ${e.queueId}`);
      if (run === undefined) continue;
      run.deferredAt = e.t;
      run.pending = false;
    } else if (e.kind === 'queue.delivered' || e.kind === 'queue.bounced' || e.kind === 'queue.removed')
      close(`${e.host} ${e.queueId}`);
  }
  for (const key of [...open.keys()]) close(key);
  return runs.sort((a, b) => a.seq - b.seq);
}
