// A session is `run(scenario, inputs, untilTime) -> trace` kept warm: it runs a world forward as far as anyone
// has looked, and replays from the start when an input lands in the past. Same scenario + inputs = same trace.
import type { Fault, Input, InputOrigin, TimedInput } from './input.ts';
import { Kernel } from './kernel.ts';
import type { Scenario } from './scenario.ts';
import { countUntil, type Trace, type TraceEvent } from './trace.ts';
import { World } from './world.ts';

/** Session owns the input log of one scenario and derives its trace. */
export class Session {
  readonly scenario: Scenario;
  #inputs: TimedInput[];
  #kernel!: Kernel;
  #world!: World;
  #horizon = -1;
  #events: readonly TraceEvent[] = [];
  #replays = 0;

  constructor(scenario: Scenario, inputs: readonly TimedInput[] = []) {
    this.scenario = scenario;
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
   * at or before it, the world is replayed from the start to the same horizon, so later events are re-derived.
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
    this.#rebuild();
    this.runUntil(horizon);
    return entry;
  }

  /**
   * remove takes an entry out of the input log, as if it had never been done, and replays the world to the same
   * horizon without it. It returns false when the entry is not in the log (the scenario's own faults are not).
   */
  remove(entry: TimedInput): boolean {
    const index = this.#inputs.indexOf(entry);
    if (index === -1) return false;
    this.#inputs.splice(index, 1);
    const horizon = this.#horizon;
    this.#rebuild();
    this.runUntil(horizon);
    return true;
  }

  /** runUntil advances the world to virtual time `t` (no-op when already there). */
  runUntil(t: number): void {
    if (t <= this.#horizon) return;
    this.#kernel.runUntil(t);
    this.#horizon = t;
  }

  /** runUntilQuiet runs until nothing more is scheduled (or `limit`), and returns the time things went quiet. */
  runUntilQuiet(limit: number): number {
    const quietAt = this.#kernel.runUntilQuiet(limit);
    this.#horizon = Math.max(this.#horizon, this.#kernel.pending === 0 ? quietAt : limit);
    return quietAt;
  }

  /**
   * runSome does at most `maxSteps` callbacks of `runUntilQuiet(limit)`, so that a caller can spread a long run
   * over several tasks. It returns true once the world is quiet up to `limit`, left exactly as
   * `runUntilQuiet(limit)` would have left it; until then the horizon does not move.
   */
  runSome(limit: number, maxSteps: number): boolean {
    this.#kernel.runUntilQuiet(limit, maxSteps);
    if (!this.#kernel.quietUntil(limit)) return false;
    this.#horizon = Math.max(this.#horizon, this.#kernel.pending === 0 ? this.#kernel.now() : limit);
    return true;
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
    for (const { at, fault } of this.scenario.faults)
      this.#kernel.schedule(at, () => this.#inject(fault, () => null), 'input');
    for (const entry of this.#inputs) this.#scheduleInput(entry);
    this.#horizon = -1;
    this.#events = [];
    this.#replays += 1;
  }

  #scheduleInput(entry: TimedInput): void {
    this.#kernel.schedule(
      entry.at,
      () => {
        // The index is looked up when the input fires: inputs added later may sit before it in the log.
        const index = () => this.#inputs.indexOf(entry);
        this.#kernel.emit(
          entry.by === undefined
            ? { kind: 'input', index: index(), input: entry.input }
            : { kind: 'input', index: index(), input: entry.input, by: entry.by },
        );
        if (entry.input.type === 'fault') this.#inject(entry.input.fault, index);
        else this.#world.apply(entry.input, entry.by);
      },
      'input',
    );
  }

  // A fault with a `for` ends on its own that long after; `index` names its input (null for the scenario's own).
  #inject(fault: Fault, index: () => number | null): void {
    const ending = this.#world.inject(fault);
    if (ending === null || !('for' in fault) || fault.for === undefined) return;
    this.#kernel.schedule(
      this.#kernel.now() + fault.for,
      () => {
        if (ending()) this.#kernel.emit({ kind: 'fault.ended', index: index(), fault });
      },
      'input',
    );
  }
}

function sortInputs(inputs: TimedInput[]): TimedInput[] {
  return inputs
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map(({ e }) => e);
}
