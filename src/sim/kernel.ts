// The simulation kernel: virtual clock, scheduler, seeded generator and the trace. Everything below the UI
// takes time and chance from here, so a scenario, its inputs and a seed fix the whole run.
import type { Clock, NetEnvironment } from '../net/environment.ts';
import { Rng } from './rng.ts';
import { Scheduler, type Lane, type TimerId } from './scheduler.ts';
import type { TraceEvent, UnstampedEvent } from './trace.ts';

/** Kernel runs callbacks in virtual time order and stamps the events they report. */
export class Kernel implements NetEnvironment {
  readonly #scheduler = new Scheduler();
  readonly #rng: Rng;
  readonly #trace: TraceEvent[] = [];
  #now = 0;
  #steps = 0;

  /** clock lets XState actors' delayed transitions run on virtual time (the `clock` actor option). */
  readonly clock: Clock = {
    setTimeout: (fn, timeout) => this.schedule(this.#now + Math.max(0, timeout), () => fn()),
    clearTimeout: (id) => {
      if (typeof id === 'number') this.cancel(id);
    },
  };

  constructor(seed: number) {
    this.#rng = new Rng(seed);
  }

  /** trace is every event so far, oldest first. */
  get trace(): readonly TraceEvent[] {
    return this.#trace;
  }

  /** steps counts callbacks run, for benchmarks. */
  get steps(): number {
    return this.#steps;
  }

  /** pending counts callbacks waiting. */
  get pending(): number {
    return this.#scheduler.size;
  }

  now(): number {
    return this.#now;
  }

  /** schedule runs `run` at virtual time `at` (never earlier than now). */
  schedule(at: number, run: () => void, lane: Lane = 'world'): TimerId {
    return this.#scheduler.add(Math.max(at, this.#now), run, lane);
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

  /** emit stamps an event with the current time and its sequence number and appends it to the trace. */
  emit(event: UnstampedEvent): void {
    this.#trace.push({ ...event, t: this.#now, seq: this.#trace.length } as TraceEvent);
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
   */
  runUntilQuiet(limit: number): number {
    for (let next = this.#scheduler.peekTime(); next !== undefined && next <= limit;) {
      this.#step();
      next = this.#scheduler.peekTime();
    }
    return this.#now;
  }

  #step(): void {
    const entry = this.#scheduler.pop();
    if (!entry) return;
    this.#now = entry.at;
    this.#steps += 1;
    entry.run();
  }
}
