// Plays a lesson with no one watching: each step's set-up and scripted solution go into a session, and
// virtual time runs on until the step's goal is met. The "every lesson solves" test is built on it.
import { Session } from '../sim/session.ts';
import type { Lesson } from './lessonFormat.ts';
import {
  observeTrace,
  scenarioToLoad,
  shiftInputs,
  startLesson,
  worldLoaded,
  type RunnerState,
  type StepDone,
} from './lessonRunner.ts';

/** ReplayResult lists the steps met in order, the first one not met (if any), and the final session. */
export interface ReplayResult {
  readonly done: readonly StepDone[];
  readonly stuckAt?: string;
  readonly session: Session;
}

const FIRST_CHUNK_MS = 100;
const LONGEST_CHUNK_MS = 10 * 60_000;

/**
 * replayLesson performs every step's set-up and solution, each timed from the moment the step begins, and
 * runs the world in growing chunks (from 100 ms up to 10 min) until the step's goal is met, the world has
 * nothing left to do, or `limitMs` of virtual time have passed in that step.
 */
export function replayLesson(lesson: Lesson, limitMs = 8 * 86_400_000): ReplayResult {
  let session = new Session(lesson.scenario);
  const started = startLesson(lesson);
  let state: RunnerState = started.state;
  let setUp = started.setUp;
  while (state.step < lesson.steps.length) {
    const index = state.step;
    const step = lesson.steps[index];
    if (step === undefined) break;
    for (const action of setUp)
      if (action.action === 'load') {
        session = new Session(scenarioToLoad(lesson, action));
        state = worldLoaded(state);
      }
    const base = Math.max(0, session.horizon);
    for (const action of setUp) if (action.action === 'input') session.input(base + action.at, action.input);
    for (const entry of shiftInputs(step.solution, base)) session.input(entry.at, entry.input);

    let t = base;
    let chunk = FIRST_CHUNK_MS;
    // A goal the trace already meets needs no time at all; several steps may be met by one run.
    let update = observeTrace(lesson, state, session.trace);
    while (update.state.step === index && t - base <= limitMs && !(session.idle && t > base)) {
      t += chunk;
      session.runUntil(t);
      update = observeTrace(lesson, state, session.trace);
      chunk = Math.min(chunk * 2, LONGEST_CHUNK_MS);
    }
    state = update.state;
    setUp = update.setUp;
    if (state.step === index) return { done: state.done, stuckAt: step.id, session };
  }
  return { done: state.done, session };
}
