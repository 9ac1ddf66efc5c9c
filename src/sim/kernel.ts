// The simulation kernel: virtual clock, scheduler, seeded generator and the trace. Everything below the UI
// takes time and chance from here, so a scenario, its inputs and a seed fix the whole run.
import type { Clock, NetEnvironment } from '../net/environment.ts';
import { Rng } from './rng.ts';
import { Scheduler, type Lane, type PendingTimer, type TimerId } from './scheduler.ts';
import type { TimerTag } from './timerTag.ts';
import type { EmittedEvent, Trace, TraceEvent } from './trace.ts';
import { TraceStore } from './traceStore.ts';

/**
 * KernelOptions: `traceWindow` keeps only the newest events, about that many octets of them (between it and twice
 * it, by eventOctets), for a world that runs without end such as the bridge's; without it the trace keeps
 * everything, as replay needs.
 */
export interface KernelOptions {
  readonly traceWindow?: number;
}

/**
 * eventOctets estimates what an event costs to keep: a fixed share for the object and every field, plus the length
 * of its text fields (a line, a message's raw text), which is what makes some events a thousand times larger.
 */
export function eventOctets(event: EmittedEvent): number {
  // The object and its stamp (t and seq), whether or not the event carries the stamp's slots yet.
  let octets = 64 + 16;
  for (const [key, value] of Object.entries(event))
    if (key !== 't' && key !== 'seq') octets += typeof value === 'string' ? value.length : 8;
  return octets;
}

/**
 * KernelState is the kernel between two steps, as data: its clock, generator, counters, how many events its trace
 * holds, and what waits to run (every waiting callback must have a tag). Kernel.resumed goes on from it.
 */
export interface KernelState {
  readonly now: number;
  readonly rng: readonly number[];
  readonly emitted: number;
  readonly steps: number;
  readonly timers: readonly PendingTimer[];
}

/** Kernel runs callbacks in virtual time order and stamps the events they report. */
export class Kernel implements NetEnvironment {
  readonly #scheduler = new Scheduler();
  #rng: Rng;
  #trace = new TraceStore();
  readonly #traceWindow: number;
  // With a window, what each kept event costs (eventOctets), oldest first, and their sum.
  #keptOctets: number[] = [];
  #traceOctets = 0;
  #emitted = 0;
  #now = 0;
  #steps = 0;

  /** clock lets XState actors' delayed transitions run on virtual time (the `clock` actor option). */
  readonly clock: Clock = {
    setTimeout: (fn, timeout) => this.schedule(this.#now + Math.max(0, timeout), () => fn()),
    clearTimeout: (id) => {
      if (typeof id === 'number') this.cancel(id);
    },
    now: () => this.#now,
  };

  constructor(seed: number, options: KernelOptions = {}) {
    this.#rng = new Rng(seed);
    const window = options.traceWindow ?? Infinity;
    if (!(window >= 1)) throw new RangeError(`traceWindow must be at least 1, not ${window}`);
    this.#traceWindow = window;
  }

  /**
   * state is the kernel as data between two steps, or null while a waiting callback has no tag (something live,
   * such as an open connection, whose closures cannot be kept). `untagged` tells that much without building it.
   */
  state(): KernelState | null {
    const timers = this.#scheduler.pending();
    if (timers === null || this.#traceWindow !== Infinity) return null;
    return { now: this.#now, rng: this.#rng.state(), emitted: this.#emitted, steps: this.#steps, timers };
  }

  /** untagged counts waiting callbacks that have no tag: while it is not 0, `state` is null. */
  get untagged(): number {
    return this.#scheduler.untagged;
  }

  /**
   * resume sets a new kernel, with nothing scheduled yet, to `state`, its trace to the first `state.emitted`
   * events of `previous`'s trace: that store itself, cut back there, not a copy; `previous` is left with none. The waiting
   * callbacks are not armed here: their owners arm them again from `state.timers`.
   */
  resume(state: KernelState, previous: Kernel): void {
    if (this.#scheduler.size > 0 || this.#emitted > 0)
      throw new Error('Kernel.resume: only a new kernel can resume from a checkpoint');
    const trace = previous.#trace;
    if (trace.length < state.emitted)
      throw new Error('Kernel.resume: the trace is shorter than the checkpoint');
    previous.#trace = new TraceStore();
    trace.truncate(state.emitted);
    this.#trace = trace;
    this.#now = state.now;
    this.#rng = Rng.resumed(state.rng);
    this.#emitted = state.emitted;
    this.#steps = state.steps;
  }

  /** trace is every event so far, oldest first; with a `traceWindow`, only the newest ones. */
  get trace(): Trace {
    return this.#trace;
  }

  /** emitted counts every event ever emitted, kept or not: the `seq` the next event will get. */
  get emitted(): number {
    return this.#emitted;
  }

  /** since is the kept events whose `seq` is `seq` or later, oldest first (older ones may have been dropped). */
  since(seq: number): TraceEvent[] {
    return this.#trace.slice(Math.max(0, seq - this.#trace.firstSeq));
  }

  /** steps counts callbacks run, for benchmarks. */
  get steps(): number {
    return this.#steps;
  }

  /** nextAt is the time of the next callback waiting, or undefined when none is. */
  nextAt(): number | undefined {
    return this.#scheduler.peekTime();
  }

  /** pending counts callbacks waiting. */
  get pending(): number {
    return this.#scheduler.size;
  }

  now(): number {
    return this.#now;
  }

  /**
   * schedule runs `run` at virtual time `at` (never earlier than now). A `tag` says what it does, as data, for a
   * checkpoint (see TimerTag); without one, no checkpoint can be taken until it has run or been cancelled.
   */
  schedule(at: number, run: () => void, lane: Lane = 'world', tag: TimerTag | null = null): TimerId {
    return this.#scheduler.add(Math.max(at, this.#now), run, lane, tag);
  }

  cancel(timer: TimerId): void {
    this.#scheduler.cancel(timer);
  }

  random(): number {
    return this.#rng.float();
  }

  randomUint32(): number {
    return this.#rng.uint32();
  }

  /**
   * emit stamps an event with the current time and the next sequence number and keeps it in the trace. The trace
   * keeps what the event says, not the object: a reader gets an event built from the store (see TraceStore), and
   * the emitter's object, with or without its stamp's slots (see Emitted), is left as it was.
   */
  emit(event: EmittedEvent): void {
    this.#trace.append(event, this.#now);
    this.#emitted += 1;
    if (this.#traceWindow === Infinity) return;
    const octets = eventOctets(event);
    this.#keptOctets.push(octets);
    this.#traceOctets += octets;
    // Dropping down to one window once two are kept keeps the cost per event constant; the newest event stays.
    if (this.#traceOctets < 2 * this.#traceWindow) return;
    let drop = 0;
    while (this.#traceOctets > this.#traceWindow && drop < this.#keptOctets.length - 1)
      this.#traceOctets -= this.#keptOctets[drop++] as number;
    // The kept events go to a store of their own, so the strings and values only dropped events had go too.
    const kept = new TraceStore(this.#trace.firstSeq + drop);
    for (let i = drop; i < this.#trace.length; i++) {
      const old = this.#trace.at(i) as TraceEvent;
      kept.append(old, old.t);
    }
    this.#trace = kept;
    this.#keptOctets = this.#keptOctets.slice(drop);
  }

  /** runUntil runs every callback due at or before `time`, then sets the clock to `time`. */
  runUntil(time: number): void {
    for (let next = this.#scheduler.peekTime(); next !== undefined && next <= time;) {
      this.#step();
      next = this.#scheduler.peekTime();
    }
    this.#now = Math.max(this.#now, time);
  }

  /**
   * runUntilQuiet runs until nothing is scheduled or the next callback lies beyond `limit`, and returns the
   * time of the last callback run. The clock stays there, so a quiet world is not moved to the limit.
   * With `maxSteps` it stops after that many callbacks, quiet or not (quietUntil says which).
   */
  runUntilQuiet(limit: number, maxSteps = Infinity): number {
    for (
      let next = this.#scheduler.peekTime(), n = 0;
      next !== undefined && next <= limit && n < maxSteps;
      n++
    ) {
      this.#step();
      next = this.#scheduler.peekTime();
    }
    return this.#now;
  }

  /** quietUntil is true when no callback is due at or before `limit`. */
  quietUntil(limit: number): boolean {
    const next = this.#scheduler.peekTime();
    return next === undefined || next > limit;
  }

  #step(): void {
    const entry = this.#scheduler.pop();
    if (!entry) return;
    this.#now = entry.at;
    this.#steps += 1;
    entry.run();
  }
}
