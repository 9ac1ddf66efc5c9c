// What the trace costs to keep and to write: bytes retained per event of the classroom world (with the honest
// floor of what any store must hold), and what the kernel's emit costs per event beside the bare push of the same
// objects. Needs `--expose-gc`, which `npm run bench` passes.
import { builtinScenario } from '../src/sim/builtinScenarios.ts';
import { Kernel } from '../src/sim/kernel.ts';
import { Session } from '../src/sim/session.ts';
import { TraceStore } from '../src/sim/traceStore.ts';
import { UNSTAMPED } from '../src/net/netEvents.ts';
import type { EmittedEvent, Trace, TraceEvent } from '../src/sim/trace.ts';
import { classroom } from './classroomRun.ts';
import { round, type Metric } from './measure.ts';

const WEEK = 7 * 86_400_000;

function settledHeap(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

// Every distinct string the events hold, counted once at one byte a char: text no store can do without.
function distinctTextOctets(trace: Trace): number {
  const seen = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') seen.add(value);
    else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  for (const event of trace) walk(event);
  let octets = 0;
  for (const text of seen) octets += text.length;
  return octets;
}

function classroomTrace(): Trace {
  const { scenario, inputs } = classroom();
  const session = new Session(scenario, inputs);
  session.runUntilQuiet(WEEK);
  return session.trace;
}

// Dropping in a call of its own: a dead array left in the caller's frame would stay reachable until overwritten,
// and its events would be counted for the next kind.
function dropAll(kept: { trace: Trace }): void {
  kept.trace = [];
}

function dropKind(kept: { trace: Trace }, kind: TraceEvent['kind']): number {
  // The other events go to a store of their own, as the kernel would have kept them without this kind.
  const rest = new TraceStore();
  let count = 0;
  for (const event of kept.trace)
    if (event.kind === kind) count++;
    else rest.append(event, event.t);
  kept.trace = rest;
  return count;
}

/**
 * traceBytes runs the classroom world to quiescence, lets the world go and keeps only its trace, and measures the
 * heap with the trace held and then without it (after full collections): the bytes the trace alone retains.
 * The kinds that weigh most are measured by dropping their events from the kept store, app.line first, so a
 * string a segment shares with a line counts for the segment.
 */
function traceBytes(gc: () => void): Metric[] {
  // The session (and the world in it) is gone once this returns; only the trace stays referenced.
  const kept = { trace: classroomTrace() };
  const events = kept.trace.length;
  const held = settledHeap(gc);
  const floor = 16 + distinctTextOctets(kept.trace) / events;
  const perKind: Metric[] = [];
  let before = settledHeap(gc);
  for (const [kind, name] of [
    ['app.line', 'classroom-trace-bytes-per-line'],
    ['tcp.segment', 'classroom-trace-bytes-per-segment'],
  ] as const) {
    const count = dropKind(kept, kind);
    const after = settledHeap(gc);
    perKind.push({
      name,
      value: round((before - after) / count),
      unit: 'B',
      note: `${count} ${kind} events`,
    });
    before = after;
  }
  dropAll(kept);
  const dropped = settledHeap(gc);
  return [
    {
      name: 'classroom-trace-bytes-per-event',
      value: round((held - dropped) / events),
      unit: 'B',
      note: `${events} events, ${round((held - dropped) / 1_048_576)} MB; floor ${round(floor)} B`,
    },
    {
      name: 'classroom-trace-floor-bytes-per-event',
      value: round(floor),
      unit: 'B',
      note: 't and seq as two Float64 plus every distinct string once at 1 B a char',
    },
    ...perKind,
  ];
}

// Unstamped copies of the events of a few built-in worlds: the shapes and mix of kinds the kernel really sees.
// Every copy carries its stamp's slots (see Emitted), as the emitters of the frequent kinds build them (nine
// events in ten of the classroom world's); the rarer kinds, built without, are stamped a little slower.
function sampleEvents(): EmittedEvent[] {
  const sample: EmittedEvent[] = [];
  for (const name of ['mixed', 'pop3-keep', 'webmail-send']) {
    const scenario = builtinScenario(name);
    if (!scenario) throw new Error(`no built-in scenario ${name}`);
    const session = new Session(scenario);
    session.runUntilQuiet(WEEK);
    for (const event of session.trace) sample.push({ ...event, t: 0, seq: UNSTAMPED });
  }
  return sample;
}

/**
 * emitCost times `Kernel.emit` over fresh copies of real events, and beside it the floor: pushing the same
 * copies onto an array, which any trace must do. Copies are made before the clock starts; the median of 5 runs.
 */
export function emitCost(): Metric[] {
  const sample = sampleEvents();
  const rounds = Math.ceil(200_000 / sample.length);
  const count = rounds * sample.length;
  const median = (work: (events: EmittedEvent[]) => void): number => {
    const times: number[] = [];
    for (let run = 0; run < 6; run++) {
      const events: EmittedEvent[] = [];
      for (let r = 0; r < rounds; r++) for (const event of sample) events.push({ ...event });
      const start = performance.now();
      work(events);
      // The first run warms up.
      if (run > 0) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return ((times[2] as number) * 1e6) / count;
  };
  const emitNs = median((events) => {
    const kernel = new Kernel(1);
    for (const event of events) kernel.emit(event);
  });
  const pushNs = median((events) => {
    const kept: unknown[] = [];
    for (const event of events) kept.push(event);
  });
  return [
    {
      name: 'kernel-emit-ns-per-event',
      value: round(emitNs),
      unit: 'ns',
      note: `${count} events of mixed, pop3-keep and webmail-send; floor ${round(pushNs)} ns (push alone)`,
    },
    {
      name: 'kernel-emit-floor-ns-per-event',
      value: round(pushNs),
      unit: 'ns',
      note: 'the same events pushed',
    },
  ];
}

/** traceBench measures the trace's retained bytes per event and the kernel's emit cost. */
export function traceBench(): Metric[] {
  const gc = globalThis.gc;
  if (!gc) throw new Error('traceBench needs node --expose-gc (npm run bench passes it)');
  return [...traceBytes(gc), ...emitCost()];
}
