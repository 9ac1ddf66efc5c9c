// Where a student is in a lesson, as plain data: which step is current, from which event its goal counts,
// and which set-up actions to perform on entering a step. Transitions are pure functions of the trace.
import { builtinScenario } from '../sim/builtinScenarios.ts';
import type { TimedInput } from '../sim/input.ts';
import type { Scenario } from '../sim/scenario.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { checkGoal, goalProgress, type GoalProgress } from './goals.ts';
import type { Lesson, SetUpAction } from './lessonFormat.ts';

/** StepDone records where a step's goal was met: the event's `seq` and virtual time. */
export interface StepDone {
  readonly id: string;
  readonly atSeq: number;
  readonly t: number;
}

/**
 * RunnerState is a lesson in progress. `step` is the current step's index (the number of steps when the
 * lesson is done); its goal counts from `fromSeq`. While `awaitingWorld` is true a `load` action has been
 * handed out and goals wait for the new world's trace (`worldLoaded`).
 */
export interface RunnerState {
  readonly step: number;
  readonly fromSeq: number;
  readonly done: readonly StepDone[];
  readonly awaitingWorld: boolean;
}

/** RunnerUpdate is a new state and the set-up actions of any step just entered, to perform in order. */
export interface RunnerUpdate {
  readonly state: RunnerState;
  readonly setUp: readonly SetUpAction[];
}

/** startLesson begins at the first step and hands out its set-up actions. */
export function startLesson(lesson: Lesson): RunnerUpdate {
  return enter(lesson, { step: 0, fromSeq: 0, done: [], awaitingWorld: false });
}

function enter(lesson: Lesson, state: RunnerState): RunnerUpdate {
  const setUp = lesson.steps[state.step]?.setUp ?? [];
  const loads = setUp.some((a) => a.action === 'load');
  return { state: loads ? { ...state, fromSeq: 0, awaitingWorld: true } : state, setUp };
}

/** worldLoaded tells the runner that a `load` it asked for has happened: goals now count in the new trace. */
export function worldLoaded(state: RunnerState): RunnerState {
  return { ...state, fromSeq: 0, awaitingWorld: false };
}

/**
 * observeTrace moves through every step whose goal `trace` meets, each counted from the event after the
 * previous one's, and collects the set-up actions of the steps it enters. It stops at a step that loads a
 * new world until `worldLoaded`.
 */
export function observeTrace(lesson: Lesson, state: RunnerState, trace: readonly TraceEvent[]): RunnerUpdate {
  const setUp: SetUpAction[] = [];
  let current = state;
  while (!current.awaitingWorld && current.step < lesson.steps.length) {
    const step = lesson.steps[current.step];
    if (step === undefined) break;
    const result = checkGoal(step.goal, trace, step.since === 'lesson' ? 0 : current.fromSeq);
    if (!result.met) break;
    const event = trace.find((e) => e.seq === result.atSeq);
    const entered = enter(lesson, {
      step: current.step + 1,
      fromSeq: result.atSeq + 1,
      done: [...current.done, { id: step.id, atSeq: result.atSeq, t: event?.t ?? 0 }],
      awaitingWorld: false,
    });
    setUp.push(...entered.setUp);
    current = entered.state;
  }
  return { state: current, setUp };
}

/** isLessonDone is true once every step's goal has been met. */
export function isLessonDone(lesson: Lesson, state: RunnerState): boolean {
  return state.step >= lesson.steps.length;
}

/** currentProgress is how much of the current step's goal the trace already shows ("2 of 3 parts done"). */
export function currentProgress(
  lesson: Lesson,
  state: RunnerState,
  trace: readonly TraceEvent[],
): GoalProgress | undefined {
  const step = lesson.steps[state.step];
  if (step === undefined || state.awaitingWorld) return undefined;
  return goalProgress(step.goal, trace, step.since === 'lesson' ? 0 : state.fromSeq);
}

/** shiftInputs times a step's solution (or set-up inputs) from `base`, the moment they are performed. */
export function shiftInputs(inputs: readonly TimedInput[], base: number): TimedInput[] {
  return inputs.map(({ at, input }) => ({ at: base + at, input }));
}

/** scenarioToLoad is the world a `load` action starts: the named built-in, or the lesson's own. */
export function scenarioToLoad(lesson: Lesson, action: Extract<SetUpAction, { action: 'load' }>): Scenario {
  return (action.scenario === undefined ? undefined : builtinScenario(action.scenario)) ?? lesson.scenario;
}
