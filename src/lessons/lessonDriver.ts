// The one lesson driver: it performs each step's set-up, follows the lab's trace to tick steps off, plays "show
// me", and keeps hints and answers. The browser's panel renders its state and the every-lesson test drives it.
import type { InputOrigin, TimedInput } from '../sim/input.ts';
import type { Scenario } from '../sim/scenario.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { checkGoal, goalProgress, type GoalProgress } from './goals.ts';
import { builtinScenario } from '../sim/builtinScenarios.ts';
import type { Lesson, LessonLanguage, LessonStep, SetUpAction } from './lessonFormat.ts';
import { checkAnswer, type Answer, type Verdict } from './questions.ts';

/** StepDone records where a step's goal was met: the event's `seq` and virtual time. */
export interface StepDone {
  readonly id: string;
  readonly atSeq: number;
  readonly t: number;
}

/** ViewAction is a set-up action that changes only what the screen shows, not the world. */
export type ViewAction = Extract<SetUpAction, { action: 'openConsole' | 'selectConnection' | 'highlight' }>;

/**
 * LessonLab is the lab a driver works on: LabState in the browser, HeadlessLab in tests. Its trace is the whole
 * derived future of its inputs; the cursor says how much of it the student has seen.
 */
export interface LessonLab {
  readonly trace: readonly TraceEvent[];
  /** cursor is the `seq` of the last event shown (−1 before the first). */
  readonly cursor: number;
  /** inputs are what was done in this world beyond its scenario's own script. */
  readonly inputs: readonly TimedInput[];
  /** load starts `scenario` afresh with `inputs`, the cursor before its first event. */
  load(scenario: Scenario, inputs: readonly TimedInput[]): void;
  /** addInputs adds inputs at their times (none before the cursor), re-deriving the world. */
  addInputs(inputs: readonly TimedInput[]): void;
  /** setInputs replaces what was done, re-deriving the world, and puts the cursor at `cursor`. */
  setInputs(inputs: readonly TimedInput[], cursor: number): void;
  /** playTo plays on from the cursor and pauses at event `seq`. */
  playTo(seq: number): void;
  /** playUntilQuiet plays on past time `after` and pauses where the world falls quiet. */
  playUntilQuiet(after: number): void;
  /** view shows what a step points at: a host's console, a connection, a panel. */
  view(action: ViewAction): void;
}

/** ShowMe is a "show me" under way: the step it plays and the event that meets its goal (null if none does). */
export interface ShowMe {
  readonly step: string;
  readonly target: number | null;
}

/**
 * DriverState is what the panel renders. `step` is the current step's index (the number of steps once the
 * lesson is done); `progress` counts the parts of its goal done; `hints` how many hints of each step are open;
 * `showing` the "show me" being played; `stuck` a step whose "show me" found no way to its goal from here.
 */
export interface DriverState {
  readonly step: number;
  readonly done: readonly StepDone[];
  readonly progress: GoalProgress | undefined;
  readonly hints: Readonly<Record<string, number>>;
  readonly showing: ShowMe | null;
  readonly stuck: string | null;
  readonly questions: Readonly<Record<string, QuestionState>>;
}

/**
 * QuestionState is a question's last verdict, how many wrong answers it has had, and whether its answer is shown:
 * only once the student asks for it or has tried `TRIES_BEFORE_ANSWER` times.
 */
export interface QuestionState {
  readonly verdict: Verdict;
  readonly wrong: number;
  readonly revealed: boolean;
}

/** TRIES_BEFORE_ANSWER is how many wrong answers a question takes before it shows its answer unasked. */
export const TRIES_BEFORE_ANSWER = 2;

/** ResumePoint is where to pick a lesson up: the ids of the steps already done. */
export interface ResumePoint {
  readonly done: readonly string[];
}

// A lesson's act comes after what the cursor shows: an input at the very same millisecond would replay before it.
const AFTER = 0.001;

/**
 * LessonDriver runs one lesson on a lab. Call `start` once, `observe` whenever the lab's trace or cursor
 * changes, and the actions (`showMe`, `hint`, `restart`) when the student asks; `subscribe` hears every change.
 */
export class LessonDriver {
  readonly lesson: Lesson;
  readonly #lab: LessonLab;
  #state: DriverState;
  // Where the current step began: its goal counts from `fromSeq`, its "show me" is timed from `t`.
  #fromSeq = 0;
  #startT = 0;
  #listeners = new Set<(state: DriverState) => void>();

  constructor(lesson: Lesson, lab: LessonLab) {
    this.lesson = lesson;
    this.#lab = lab;
    this.#state = {
      step: 0,
      done: [],
      progress: undefined,
      hints: {},
      showing: null,
      stuck: null,
      questions: {},
    };
  }

  /** state is the driver's state now; it is replaced, never changed, so it may be held. */
  get state(): DriverState {
    return this.#state;
  }

  /** finished is true once every step's goal has been met. */
  get finished(): boolean {
    return this.#state.step >= this.lesson.steps.length;
  }

  /** subscribe calls `listener` after every change of state; it returns the way to stop. */
  subscribe(listener: (state: DriverState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * start begins the lesson on the lab's world as it stands (its recorded inputs replayed). With `resume`, the
   * steps the trace meets are ticked off and, when the recorded run falls short of what was saved as done, the
   * lesson still continues at the first step not done, from the cursor.
   */
  start(resume?: ResumePoint): void {
    this.#fromSeq = 0;
    this.#startT = 0;
    this.#set({ step: 0, done: [], progress: undefined, showing: null, stuck: null });
    this.#enter(0);
    this.observe();
    if (resume === undefined) return;
    const firstNotDone = this.lesson.steps.findIndex((s) => !resume.done.includes(s.id));
    const target = firstNotDone === -1 ? this.lesson.steps.length : firstNotDone;
    if (this.#state.step >= target) return;
    const cursor = this.#lab.cursor;
    const at = this.#lab.trace[cursor]?.t ?? 0;
    const skipped: StepDone[] = this.lesson.steps
      .slice(this.#state.step, target)
      .map((s) => ({ id: s.id, atSeq: cursor, t: at }));
    this.#fromSeq = cursor + 1;
    this.#startT = at;
    this.#set({ step: target, done: [...this.#state.done, ...skipped], showing: null, stuck: null });
    this.#enter(target);
    this.observe();
  }

  /** restart begins again in the lesson's own world, with nothing done. */
  restart(): void {
    this.#lab.load(this.lesson.scenario, []);
    this.#set({ hints: {} });
    this.start();
  }

  /**
   * observe ticks off every step whose goal the trace shown so far meets, each counted from the event after the
   * previous one's, and performs the set-up of each step it enters.
   */
  observe(): void {
    for (;;) {
      const index = this.#state.step;
      const step = this.lesson.steps[index];
      if (step === undefined) break;
      const shown = this.#lab.trace.slice(0, this.#lab.cursor + 1);
      const result = checkGoal(step.goal, countedFor(this.lesson, index, shown), this.#countFrom(step));
      if (!result.met) {
        const progress = goalProgress(
          step.goal,
          countedFor(this.lesson, index, shown),
          this.#countFrom(step),
        );
        if (!sameProgress(progress, this.#state.progress)) this.#set({ progress });
        break;
      }
      const event = this.#lab.trace[result.atSeq];
      this.#fromSeq = result.atSeq + 1;
      this.#startT = event?.t ?? this.#startT;
      this.#set({
        step: index + 1,
        done: [...this.#state.done, { id: step.id, atSeq: result.atSeq, t: event?.t ?? 0 }],
        progress: undefined,
        showing: null,
        stuck: null,
      });
      this.#enter(index + 1);
    }
  }

  /**
   * showMe plays the current step's solution from the moment the step began: what the student did in the step so
   * far is set aside, the solution goes in as the lesson's own inputs, and playing stops at the event that meets
   * the goal (the solution's later inputs are withdrawn), or where the world falls quiet if nothing meets it.
   * So pressing it twice, or after half the step, still completes the step, and no session idles out meanwhile.
   */
  showMe(): void {
    const solved = this.#putSolution();
    if (solved === null) return;
    if (solved.target === null) {
      this.#set({ showing: { step: solved.step, target: null }, stuck: solved.step });
      this.#lab.playUntilQuiet(solved.last);
      return;
    }
    this.#set({ showing: { step: solved.step, target: solved.target }, stuck: null });
    this.#lab.playTo(solved.target);
  }

  /**
   * startAt begins the lesson at step `stepId` of a link that names a step but carries no recorded run: each
   * earlier step is done by its "show me", at once rather than played, so the world, the inputs (recorded as
   * that step's show-me) and the steps done are as if the student had pressed it at each, the cursor where the
   * last one's goal was met. It stops early at a step its "show me" cannot finish; an unknown id builds nothing.
   */
  startAt(stepId: string): void {
    this.start();
    const target = this.lesson.steps.findIndex((s) => s.id === stepId);
    while (this.#state.step < target) {
      const before = this.#state.step;
      const solved = this.#putSolution();
      if (solved === null || solved.target === null) break;
      this.#lab.setInputs(this.#lab.inputs, solved.target);
      this.observe();
      if (this.#state.step === before) break;
    }
  }

  // The current step's solution, put in place of what was done since the step began, cursor where it began;
  // `target` is the event that meets its goal (null if none does), `last` the time of its last input.
  #putSolution(): { step: string; target: number | null; last: number } | null {
    const index = this.#state.step;
    const step = this.lesson.steps[index];
    if (step === undefined) return null;
    const base = this.#startT + (this.#fromSeq > 0 ? AFTER : 0);
    const kept = this.#lab.inputs.filter((e) => e.at < base);
    const own = [
      ...this.#setUpInputs(step, base),
      ...timed(step.solution, base, { kind: 'showMe', step: step.id }),
    ];
    const start = this.#fromSeq - 1;
    this.#lab.setInputs([...kept, ...own], start);
    const result = checkGoal(
      step.goal,
      countedFor(this.lesson, index, this.#lab.trace),
      this.#countFrom(step),
    );
    const last = Math.max(base, ...own.map((e) => e.at));
    if (!result.met) return { step: step.id, target: null, last };
    const metAt = this.#lab.trace[result.atSeq]?.t ?? base;
    if (own.some((e) => e.at > metAt))
      this.#lab.setInputs([...kept, ...own.filter((e) => e.at <= metAt)], start);
    return { step: step.id, target: result.atSeq, last };
  }

  /** hint opens the current step's next hint (of `available`, the number its text has). */
  hint(available: number): void {
    const step = this.lesson.steps[this.#state.step];
    if (step === undefined) return;
    const open = this.#state.hints[step.id] ?? 0;
    if (open < available) this.#set({ hints: { ...this.#state.hints, [step.id]: open + 1 } });
  }

  /**
   * answer checks an answer to question `id` in `language` against the run shown so far. A wrong answer counts
   * towards showing the answer; "not yet" (the run has not done what is asked about) does not.
   */
  answer(id: string, given: Answer, language: LessonLanguage): Verdict | undefined {
    const spec = this.lesson.questions.find((q) => q.id === id);
    const text = this.lesson.text[language].questions.find((q) => q.id === id);
    if (spec === undefined || text === undefined) return undefined;
    const verdict = checkAnswer(spec, text, given, this.#lab.trace.slice(0, this.#lab.cursor + 1));
    const before = this.#state.questions[id];
    const wrong = (before?.wrong ?? 0) + (verdict.kind === 'wrong' ? 1 : 0);
    const revealed = (before?.revealed ?? false) || wrong >= TRIES_BEFORE_ANSWER;
    this.#set({ questions: { ...this.#state.questions, [id]: { verdict, wrong, revealed } } });
    return verdict;
  }

  /** reveal shows question `id`'s answer, because the student asked for it. */
  reveal(id: string): void {
    const before = this.#state.questions[id];
    if (before === undefined || before.revealed) return;
    this.#set({ questions: { ...this.#state.questions, [id]: { ...before, revealed: true } } });
  }

  #countFrom(step: LessonStep): number {
    return step.since === 'lesson' ? 0 : this.#fromSeq;
  }

  // A step's set-up: a new world, inputs timed from the step's start, and what the screen should show.
  #enter(index: number): void {
    const step = this.lesson.steps[index];
    if (step === undefined) return;
    for (const action of step.setUp) {
      if (action.action === 'load') {
        this.#lab.load(scenarioToLoad(this.lesson, action), []);
        this.#fromSeq = 0;
        this.#startT = 0;
      } else if (action.action !== 'input') this.#lab.view(action);
    }
    // A resumed world already holds the set-up inputs it recorded.
    const recorded = this.#lab.inputs.some((e) => e.by?.kind === 'setUp' && e.by.step === step.id);
    const inputs = this.#setUpInputs(step, this.#startT + (this.#fromSeq > 0 ? AFTER : 0));
    if (inputs.length > 0 && !recorded) this.#lab.addInputs(inputs);
  }

  #setUpInputs(step: LessonStep, base: number): TimedInput[] {
    const by: InputOrigin = { kind: 'setUp', step: step.id };
    return step.setUp.flatMap((a) => (a.action === 'input' ? [{ at: base + a.at, input: a.input, by }] : []));
  }

  #set(change: Partial<DriverState>): void {
    this.#state = { ...this.#state, ...change };
    for (const listener of this.#listeners) listener(this.#state);
  }
}

/**
 * countedFor is the trace step `index` of `lesson` is checked against: what the lesson did for another step (its
 * "show me" or set-up, as the events it caused at once record) does not count for this one, except the earlier
 * steps' for a step that counts since the start of the lesson.
 */
export function countedFor(
  lesson: Lesson,
  index: number,
  trace: readonly TraceEvent[],
): readonly TraceEvent[] {
  const step = lesson.steps[index];
  if (step === undefined) return trace;
  const own = new Set([step.id]);
  if (step.since === 'lesson') for (const s of lesson.steps.slice(0, index)) own.add(s.id);
  const counts = (event: TraceEvent) => {
    const by = 'by' in event ? event.by : undefined;
    return by === undefined || by.kind === 'person' || own.has(by.step);
  };
  return trace.every(counts) ? trace : trace.filter(counts);
}

function timed(inputs: readonly TimedInput[], base: number, by: InputOrigin): TimedInput[] {
  return inputs.map(({ at, input }) => ({ at: base + at, input, by }));
}

function sameProgress(a: GoalProgress | undefined, b: GoalProgress | undefined): boolean {
  return a?.done === b?.done && a?.total === b?.total;
}

/** scenarioToLoad is the world a `load` action starts: the named built-in, or the lesson's own. */
export function scenarioToLoad(lesson: Lesson, action: Extract<SetUpAction, { action: 'load' }>): Scenario {
  return (action.scenario === undefined ? undefined : builtinScenario(action.scenario)) ?? lesson.scenario;
}
