// The engine (XState, every protocol machine, the simulated network and hosts) is not part of the first page. The
// first world is run in a worker once the page is painted, so the page's thread only draws it; the engine joins
// the page when someone first changes the world, and runs the replay there a slice at a time.
import type { TimedInput } from '../../sim/input.ts';
import type { Scenario } from '../../sim/scenario.ts';
import type * as SessionModule from '../../sim/session.ts';
import type { TraceEvent } from '../../sim/trace.ts';
import { afterFirstPaint } from '../afterFirstPaint.ts';

type Engine = typeof SessionModule;

/** FirstRunAsk is what the worker runs: a scenario and inputs, until the world is quiet or `until`. */
export interface FirstRunAsk {
  readonly scenario: Scenario;
  readonly inputs: readonly TimedInput[];
  readonly until: number;
}

/** FirstRunAnswer is the worker's trace, or why it has none. */
export type FirstRunAnswer =
  | { readonly ok: true; readonly trace: readonly TraceEvent[] }
  | { readonly ok: false; readonly message: string };

/**
 * firstRun runs `ask` in a worker, after the page's first paint (so that neither the engine's download nor its
 * start comes before that paint), and resolves with the trace; it rejects when the worker cannot be fetched or
 * the world fails.
 */
export async function firstRun(ask: FirstRunAsk): Promise<readonly TraceEvent[]> {
  await afterFirstPaint();
  const answer = await new Promise<FirstRunAnswer>((resolve, reject) => {
    const worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FirstRunAnswer>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the engine worker failed'));
    };
    worker.postMessage(ask);
  });
  if (!answer.ok) throw new Error(answer.message);
  return answer.trace;
}

let pending: Promise<Engine> | null = null;

/** loadEngine fetches the engine for the page's own thread once; every later call gets the same promise. */
export function loadEngine(): Promise<Engine> {
  pending ??= import('../../sim/session.ts');
  return pending;
}

// A slice of a long run stays under this much wall time, so that the page keeps answering while the world is
// computed: Lighthouse's phone runs four times slower, and counts any task over 50 ms against the page.
const SLICE_MS = 8;
// Callbacks run between two looks at the clock; one textbook callback takes some microseconds once warm.
const STEPS_PER_LOOK = 4;

/**
 * runSliced calls `runSome` (one slice of steps, true once the run is complete) until it is done, giving the
 * page back between slices of about SLICE_MS, and resolves once it is.
 */
export async function runSliced(runSome: (steps: number) => boolean): Promise<void> {
  for (;;) {
    const start = performance.now();
    while (performance.now() - start < SLICE_MS) if (runSome(STEPS_PER_LOOK)) return;
    await nextTask();
  }
}

/**
 * nextTask resolves in a task of its own, so that work split across it gives the page a turn in between (input,
 * a paint): scheduler.yield where there is one, which resumes before other queued work; otherwise a message to
 * itself, without setTimeout's clamping (4 ms after a few nested calls) or its throttling to one a second in a
 * background tab.
 */
export function nextTask(): Promise<void> {
  // Not every browser has a scheduler, or one that yields (Chromium does).
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
