// A session is `run(scenario, inputs, untilTime) -> trace` kept warm: it runs a world forward as far as anyone
// has looked, and when an input lands in the past replays from the nearest checkpoint before it (or from the
// start). Same scenario + inputs = same trace.
import type { Fault, Input, InputOrigin, TimedInput } from './input.ts';
import { Kernel, type KernelState } from './kernel.ts';
import type { Scenario } from './scenario.ts';
import type { TimerTag } from './timerTag.ts';
import { countUntil, type Trace, type TraceEvent } from './trace.ts';
import { endsAsData, World, type WorldState } from './world.ts';

/**
 * CHECKPOINT_EVENTS is how many events at least lie between two checkpoints: a replay then runs at most this many
 * events, plus those until the world is next quiet enough to be kept as data (see World.checkpoint).
 */
export const CHECKPOINT_EVENTS = 2000;

/**
 * CHECKPOINTS_AT_EACH_SPACING is how many checkpoints are kept at each spacing as they age (see Session#thin): the
 * latest this many all, the this many before them every second one, then every fourth, and so on. A replay from a
 * thinned-out past runs at most about 1/CHECKPOINTS_AT_EACH_SPACING more than the run to the present it makes
 * anyway, while a long world keeps a number of checkpoints that grows with the logarithm of its length.
 */
export const CHECKPOINTS_AT_EACH_SPACING = 8;

/**
 * checkpointStride is the spacing, in checkpoints taken, at which those `age` checkpoints older than the latest
 * are kept: 1 while age + 1 < 2·CHECKPOINTS_AT_EACH_SPACING, then the largest power of two with
 * stride·CHECKPOINTS_AT_EACH_SPACING ≤ age + 1. A power of two that only grows with age, so a checkpoint once
 * dropped would never be kept again, and one kept now was kept at every younger age.
 */
export function checkpointStride(age: number, atEachSpacing = CHECKPOINTS_AT_EACH_SPACING): number {
  let stride = 1;
  while (2 * stride * atEachSpacing <= age + 1) stride *= 2;
  return stride;
}

// After a moment that could not be kept, the next try waits this many events, so a world that stays busy (or
// holds something a checkpoint does not keep) is not copied in vain at every step.
const RETRY_EVENTS = 200;

/**
 * SessionOptions: `checkpointEvery` sets CHECKPOINT_EVENTS for this session (tests keep small worlds' often), and
 * `checkpointsAtEachSpacing` CHECKPOINTS_AT_EACH_SPACING (Infinity keeps every checkpoint).
 */
export interface SessionOptions {
  readonly checkpointEvery?: number;
  readonly checkpointsAtEachSpacing?: number;
}

/** Checkpoint is the world between two steps, as data: its time, its kernel and everything the world holds. */
interface Checkpoint {
  /** number counts the checkpoints taken along this world's timeline before it (the first is 0). */
  readonly number: number;
  readonly at: number;
  readonly kernel: KernelState;
  readonly world: WorldState;
}

/** Session owns the input log of one scenario and derives its trace. */
export class Session {
  readonly scenario: Scenario;
  #inputs: TimedInput[];
  #kernel!: Kernel;
  #world!: World;
  #horizon = -1;
  #events: readonly TraceEvent[] = [];
  #replays = 0;
  #restoredFrom: number | null = null;
  #checkpoints: Checkpoint[] = [];
  /** #taken is the number the next checkpoint gets: how many were taken on the way to the present. */
  #taken = 0;
  #nextCheckpoint = 0;
  readonly #checkpointEvery: number;
  readonly #atEachSpacing: number;

  constructor(scenario: Scenario, inputs: readonly TimedInput[] = [], options: SessionOptions = {}) {
    this.scenario = scenario;
    this.#checkpointEvery = options.checkpointEvery ?? CHECKPOINT_EVENTS;
    if (!(this.#checkpointEvery >= 1)) throw new RangeError(`checkpointEvery must be at least 1`);
    this.#atEachSpacing = options.checkpointsAtEachSpacing ?? CHECKPOINTS_AT_EACH_SPACING;
    if (!(this.#atEachSpacing >= 1)) throw new RangeError(`checkpointsAtEachSpacing must be at least 1`);
    this.#inputs = sortInputs([...scenario.inputs, ...inputs]);
    this.#rebuild();
  }

  /** inputs is the whole input log, scenario's scripted inputs included, in the order they apply. */
  get inputs(): readonly TimedInput[] {
    return this.#inputs;
  }

  /** horizon is the virtual time the world has been run to (−1 before the first run). */
  get horizon(): number {
    return this.#horizon;
  }

  /** now is the time of the latest event that happened; it can be less than the horizon when all was quiet. */
  get now(): number {
    return this.#kernel.now();
  }

  /** replays counts how many times the world was rebuilt from the start, for tests and benchmarks. */
  get replays(): number {
    return this.#replays;
  }

  /** restoredFrom is the time of the checkpoint the latest replay began from; null when it began at t = 0. */
  get restoredFrom(): number | null {
    return this.#restoredFrom;
  }

  /** checkpointTimes lists the times of the checkpoints kept, oldest first. */
  get checkpointTimes(): readonly number[] {
    return this.#checkpoints.map((c) => c.at);
  }

  /** trace is every event up to the horizon. */
  get trace(): Trace {
    return this.#kernel.trace;
  }

  /**
   * events is the trace as an array, for readers that index, filter or keep events (the lab's views, lessons,
   * tests): each event is built once and kept, the array extended as the world runs and begun again after a
   * replay. A new array whenever the trace has grown, so a view that holds the old one sees the change.
   */
  get events(): readonly TraceEvent[] {
    const trace = this.#kernel.trace;
    if (this.#events.length < trace.length)
      this.#events = this.#events.concat(trace.slice(this.#events.length));
    return this.#events;
  }

  /** idle is true when nothing is scheduled: the world will not change again without a new input. */
  get idle(): boolean {
    return this.#kernel.pending === 0;
  }

  /** kernelSteps counts callbacks the current world has run. */
  get kernelSteps(): number {
    return this.#kernel.steps;
  }

  /**
   * input adds what a person did at virtual time `at`. Beyond the horizon it simply joins the running world;
   * at or before it, the world is replayed to the same horizon from the latest checkpoint before `at` (from the
   * start when there is none), so later events are re-derived.
   * It returns the entry it logged, which `remove` takes back. `by` says who did it, when that is known.
   */
  input(at: number, input: Input, by?: InputOrigin): TimedInput {
    const entry: TimedInput = by === undefined ? { at, input } : { at, input, by };
    const index = this.#inputs.findIndex((e) => e.at > at);
    if (index === -1) this.#inputs.push(entry);
    else this.#inputs.splice(index, 0, entry);
    if (at > this.#horizon) {
      this.#scheduleInput(entry);
      return entry;
    }
    const horizon = this.#horizon;
    this.#replayBefore(at);
    this.runUntil(horizon);
    return entry;
  }

  /**
   * remove takes an entry out of the input log, as if it had never been done, and replays the world to the same
   * horizon without it, from the latest checkpoint before it. It returns false when the entry is not in the log
   * (the scenario's own faults are not).
   */
  remove(entry: TimedInput): boolean {
    const index = this.#inputs.indexOf(entry);
    if (index === -1) return false;
    this.#inputs.splice(index, 1);
    const horizon = this.#horizon;
    this.#replayBefore(entry.at);
    this.runUntil(horizon);
    return true;
  }

  /**
   * rewind re-derives everything from virtual time `at` on, with the same inputs, from the latest checkpoint
   * before `at` (or the start), to `until` (the horizon unless given; never before the checkpoint): the trace must
   * come out as it was, which is how tests show that a checkpoint kept the whole world.
   */
  rewind(at: number, until = this.#horizon): void {
    this.#replayBefore(at);
    this.runUntil(until);
  }

  /** runUntil advances the world to virtual time `t` (no-op when already there). */
  runUntil(t: number): void {
    if (t <= this.#horizon) return;
    this.#runTo(t);
    this.#kernel.runUntil(t);
    this.#horizon = t;
  }

  /** runUntilQuiet runs until nothing more is scheduled (or `limit`), and returns the time things went quiet. */
  runUntilQuiet(limit: number): number {
    this.#runTo(limit);
    const quietAt = this.#kernel.now();
    this.#horizon = Math.max(this.#horizon, this.#kernel.pending === 0 ? quietAt : limit);
    return quietAt;
  }

  /**
   * runSome does at most `maxSteps` callbacks of `runUntilQuiet(limit)`, so that a caller can spread a long run
   * over several tasks. It returns true once the world is quiet up to `limit`, left exactly as
   * `runUntilQuiet(limit)` would have left it; until then the horizon does not move.
   */
  runSome(limit: number, maxSteps: number): boolean {
    this.#runTo(limit, maxSteps);
    if (!this.#kernel.quietUntil(limit)) return false;
    this.#horizon = Math.max(this.#horizon, this.#kernel.pending === 0 ? this.#kernel.now() : limit);
    return true;
  }

  // One moment at a time (at most `maxSteps` callbacks in all), so that between two moments the world can be kept
  // as a checkpoint; a moment cut short by `maxSteps` is not one.
  #runTo(limit: number, maxSteps = Infinity): void {
    const kernel = this.#kernel;
    const last = kernel.steps + maxSteps;
    for (
      let next = kernel.nextAt();
      next !== undefined && next <= limit && kernel.steps < last;
      next = kernel.nextAt()
    ) {
      kernel.runUntilQuiet(next, last - kernel.steps);
      if (kernel.emitted >= this.#nextCheckpoint && kernel.untagged === 0 && kernel.quietUntil(next))
        this.#checkpoint();
    }
  }

  #checkpoint(): void {
    const kernel = this.#kernel.state();
    const world = kernel === null ? null : this.#world.checkpoint();
    if (kernel === null || world === null) {
      this.#nextCheckpoint = this.#kernel.emitted + Math.min(RETRY_EVENTS, this.#checkpointEvery);
      return;
    }
    this.#checkpoints.push({ number: this.#taken++, at: kernel.now, kernel, world });
    this.#nextCheckpoint = kernel.emitted + this.#checkpointEvery;
    this.#thin();
  }

  // Keeps the latest checkpoints close together and the older ones ever sparser (see checkpointStride): a checkpoint
  // holds the whole world, so keeping every one would grow as the square of a world's length. The kept set depends
  // only on the numbers taken, so a world run in slices or replayed keeps the same checkpoints as one run in one go.
  #thin(): void {
    const latest = this.#taken - 1;
    const kept = this.#checkpoints.filter(
      (c) => c.number % checkpointStride(latest - c.number, this.#atEachSpacing) === 0,
    );
    if (kept.length < this.#checkpoints.length) this.#checkpoints = kept;
  }

  // Everything at or after `at` may change: checkpoints from then on are dropped, and the world is made again
  // from the latest one left (all that happened up to it had happened before `at`), or from the start.
  #replayBefore(at: number): void {
    while (this.#checkpoints.length > 0 && (this.#checkpoints.at(-1) as Checkpoint).at >= at)
      this.#checkpoints.pop();
    const checkpoint = this.#checkpoints.at(-1);
    if (checkpoint === undefined) this.#rebuild();
    else this.#restore(checkpoint);
  }

  /** traceUntil is the trace up to and including time `t`, running the world forward if needed. */
  traceUntil(t: number): TraceEvent[] {
    this.runUntil(t);
    return this.#kernel.trace.slice(0, countUntil(this.#kernel.trace, t));
  }

  #rebuild(): void {
    this.#kernel = new Kernel(this.scenario.seed);
    this.#kernel.emit({ kind: 'sim.start', scenario: this.scenario.name, seed: this.scenario.seed });
    this.#world = new World(this.scenario, this.#kernel);
    this.#scheduleInputs(-1);
    this.#horizon = -1;
    this.#events = [];
    this.#replays += 1;
    this.#restoredFrom = null;
    this.#taken = 0;
    this.#nextCheckpoint = this.#checkpointEvery;
  }

  // A new world on a new kernel, set to the checkpoint; the inputs after it are scheduled first, as a world built
  // from the start schedules them, then the checkpoint's timers in the order they were set.
  #restore(checkpoint: Checkpoint): void {
    const previous = this.#kernel;
    this.#kernel = new Kernel(this.scenario.seed);
    this.#world = new World(this.scenario, this.#kernel);
    this.#kernel.resume(checkpoint.kernel, previous);
    this.#world.restore(checkpoint.world);
    // The events before the checkpoint stand; the view's array of them is a new one, as after any replay.
    this.#events = this.#events.slice(0, checkpoint.kernel.emitted);
    this.#scheduleInputs(checkpoint.at);
    for (const { at, tag } of checkpoint.kernel.timers) {
      if (tag.kind === 'input') continue;
      if (tag.kind === 'fault.end') {
        const ending = this.#world.endingOf(tag.fault, tag.generation);
        if (ending === null) throw new Error(`Session: a ${tag.fault.type} cannot wait in a checkpoint`);
        this.#scheduleEnding(at, ending, tag.fault, tag.entry, tag);
      } else this.#world.rearm(tag, at);
    }
    this.#horizon = checkpoint.at;
    this.#replays += 1;
    this.#restoredFrom = checkpoint.at;
    // Those taken from here on are numbered as they were the first time, so they are thinned as they were.
    this.#taken = checkpoint.number + 1;
    this.#nextCheckpoint = checkpoint.kernel.emitted + this.#checkpointEvery;
  }

  // The scenario's faults, then the input log, those after `after` (all of them from the start).
  #scheduleInputs(after: number): void {
    const tag: TimerTag = { kind: 'input' };
    for (const { at, fault } of this.scenario.faults)
      if (at > after) this.#kernel.schedule(at, () => this.#inject(fault, null), 'input', tag);
    for (const entry of this.#inputs) if (entry.at > after) this.#scheduleInput(entry);
  }

  #scheduleInput(entry: TimedInput): void {
    this.#kernel.schedule(
      entry.at,
      () => {
        // The index is looked up when the input fires: inputs added later may sit before it in the log.
        this.#kernel.emit(
          entry.by === undefined
            ? { kind: 'input', index: this.#inputs.indexOf(entry), input: entry.input }
            : { kind: 'input', index: this.#inputs.indexOf(entry), input: entry.input, by: entry.by },
        );
        if (entry.input.type === 'fault') this.#inject(entry.input.fault, entry);
        else this.#world.apply(entry.input, entry.by);
      },
      'input',
      { kind: 'input' },
    );
  }

  // A fault with a `for` ends on its own that long after; `entry` is its input (null for the scenario's own).
  #inject(fault: Fault, entry: TimedInput | null): void {
    const ending = this.#world.inject(fault);
    if (ending === null || !('for' in fault) || fault.for === undefined) return;
    const generation = this.#world.generation;
    const at = this.#kernel.now() + fault.for;
    // A counted fault ends by removing its own entry, a closure: its end has no tag, so no checkpoint is taken
    // until it has ended.
    const tag = endsAsData(fault) ? ({ kind: 'fault.end', fault, entry, generation } as const) : null;
    this.#scheduleEnding(at, ending, fault, entry, tag);
  }

  #scheduleEnding(
    at: number,
    ending: () => boolean,
    fault: Fault,
    entry: TimedInput | null,
    tag: TimerTag | null,
  ): void {
    this.#kernel.schedule(
      at,
      () => {
        if (ending())
          this.#kernel.emit({
            kind: 'fault.ended',
            index: entry === null ? null : this.#inputs.indexOf(entry),
            fault,
          });
      },
      'input',
      tag,
    );
  }
}

function sortInputs(inputs: TimedInput[]): TimedInput[] {
  return inputs
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map(({ e }) => e);
}
