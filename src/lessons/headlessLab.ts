// A lab with no screen, for tests and tools: one session run as far as its future goes, and a cursor that
// "plays" by jumping, since nobody watches. It is the LessonLab the every-lesson test gives the lesson driver.
import type { TimedInput } from '../sim/input.ts';
import type { Scenario } from '../sim/scenario.ts';
import { Session } from '../sim/session.ts';
import type { TraceEvent } from '../sim/trace.ts';
import type { LessonLab, ViewAction } from './lessonDriver.ts';

/** QUIET_MS is the pause (virtual time) that ends a burst of activity, as in the browser's lab. */
export const QUIET_MS = 2000;

// How far past the cursor the world is run after each change, as in the browser's lab.
const HORIZON_MS = 7 * 24 * 3_600_000;

/** HeadlessLab implements LessonLab over a Session; `views` records what a step asked the screen to show. */
export class HeadlessLab implements LessonLab {
  cursor = -1;
  readonly views: ViewAction[] = [];
  #scenario: Scenario;
  #inputs: readonly TimedInput[];
  #session: Session;

  constructor(scenario: Scenario, inputs: readonly TimedInput[] = []) {
    this.#scenario = scenario;
    this.#inputs = inputs;
    this.#session = this.#run();
  }

  get trace(): readonly TraceEvent[] {
    return this.#session.events;
  }

  get inputs(): readonly TimedInput[] {
    return this.#inputs;
  }

  /** now is the virtual time at the cursor. */
  get now(): number {
    return this.trace[this.cursor]?.t ?? 0;
  }

  load(scenario: Scenario, inputs: readonly TimedInput[]): void {
    this.#scenario = scenario;
    this.#inputs = inputs;
    this.#session = this.#run();
    this.cursor = -1;
  }

  addInputs(inputs: readonly TimedInput[]): void {
    const earliest = this.cursor < 0 ? 0 : this.now + 0.001;
    this.#inputs = [...this.#inputs, ...inputs.map((e) => ({ ...e, at: Math.max(e.at, earliest) }))];
    this.#session = this.#run();
  }

  /** input is a person's act at the cursor, as the console or the compose form records it. */
  input(input: TimedInput['input']): void {
    this.addInputs([{ at: 0, input, by: { kind: 'person' } }]);
  }

  setInputs(inputs: readonly TimedInput[], cursor: number): void {
    this.#inputs = inputs;
    this.#session = this.#run();
    this.cursor = Math.min(cursor, this.trace.length - 1);
  }

  playTo(seq: number): void {
    this.cursor = Math.max(this.cursor, Math.min(seq, this.trace.length - 1));
  }

  playUntilQuiet(after: number): void {
    const trace = this.trace;
    let seq = this.cursor;
    while (seq + 1 < trace.length) {
      const next = trace[seq + 1] as TraceEvent;
      const now = trace[seq]?.t ?? 0;
      if (next.t > after && next.t - Math.max(now, after) > QUIET_MS) break;
      seq += 1;
    }
    this.cursor = seq;
  }

  /** playToEnd shows everything the world will do. */
  playToEnd(): void {
    this.cursor = this.trace.length - 1;
  }

  view(action: ViewAction): void {
    this.views.push(action);
  }

  #run(): Session {
    const session = new Session(this.#scenario, this.#inputs);
    const last = Math.max(0, ...this.#inputs.map((e) => e.at));
    session.runUntilQuiet(last + HORIZON_MS);
    return session;
  }
}
