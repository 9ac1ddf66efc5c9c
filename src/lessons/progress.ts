// A student's progress (steps done, answers given) kept in the browser's storage under a versioned key.
// Reading never throws: unreadable, corrupt or old data is reported, cleared, and progress starts afresh.
import * as v from 'valibot';

/** PROGRESS_KEY is where progress is stored; the suffix changes whenever the stored shape does. */
export const PROGRESS_KEY = 'mail-lab.progress.v1';

/** OLD_PROGRESS_KEYS are keys earlier versions used; anything under them is cleared and reported. */
export const OLD_PROGRESS_KEYS: readonly string[] = ['mail-lab.progress', 'mail-lab.progress.v0'];

/** StoredAnswer is a question's last answer (a choice's index or a short text) and whether it was right. */
export interface StoredAnswer {
  readonly answer: number | string;
  readonly correct: boolean;
}

/**
 * SavedRun is what was done in a lesson's world and where the cursor was (a TracePlace: the event's time and
 * which of that instant's events it is; `nth` absent in runs saved before it was kept), so "Continue" restores
 * the world by replaying it. Its inputs are read against the lesson's scenario when used (parseTimedInputs).
 */
export interface SavedRun {
  readonly inputs: readonly unknown[];
  readonly at: number;
  readonly nth?: number | null;
}

/**
 * LessonProgress is one lesson's steps done (by id), answers (by question id), whether it is finished, and the
 * run so far (absent in progress saved before runs were kept, which the same version still reads).
 */
export interface LessonProgress {
  readonly steps: readonly string[];
  readonly answers: Readonly<Record<string, StoredAnswer>>;
  readonly completed: boolean;
  readonly run?: SavedRun;
}

/** Progress is everything stored, by lesson slug. */
export interface Progress {
  readonly version: 1;
  readonly lessons: Readonly<Record<string, LessonProgress>>;
}

/**
 * ProgressProblem says why stored progress was reset: `corrupt` (not readable as progress), `old-version`
 * (written by another version of Mail Lab), or `unavailable` (the browser refuses storage).
 */
export type ProgressProblem = 'corrupt' | 'old-version' | 'unavailable';

/** LoadedProgress is the progress to use, and the problem to tell the student about, if any. */
export interface LoadedProgress {
  readonly progress: Progress;
  readonly problem?: ProgressProblem;
}

/** ProgressStorage is the part of the Web Storage API progress needs (localStorage, or a test double). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const schema = v.strictObject({
  version: v.literal(1),
  lessons: v.record(
    v.string(),
    v.strictObject({
      steps: v.array(v.string()),
      answers: v.record(
        v.string(),
        v.strictObject({ answer: v.union([v.number(), v.string()]), correct: v.boolean() }),
      ),
      completed: v.boolean(),
      run: v.optional(
        v.strictObject({
          inputs: v.array(v.unknown()),
          at: v.pipe(v.number(), v.minValue(0)),
          nth: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)))),
        }),
      ),
    }),
  ),
});

/** emptyProgress is progress with nothing done. */
export function emptyProgress(): Progress {
  return { version: 1, lessons: {} };
}

/**
 * loadProgress reads progress from `storage`. Data under an old key, or with another version number, is
 * removed and reported as `old-version`; data that is not valid progress is removed and reported as
 * `corrupt`; a storage that throws is reported as `unavailable`. It never throws.
 */
export function loadProgress(storage: ProgressStorage | undefined): LoadedProgress {
  if (storage === undefined) return { progress: emptyProgress(), problem: 'unavailable' };
  try {
    let problem: ProgressProblem | undefined;
    for (const key of OLD_PROGRESS_KEYS)
      if (storage.getItem(key) !== null) {
        storage.removeItem(key);
        problem = 'old-version';
      }
    const text = storage.getItem(PROGRESS_KEY);
    if (text === null)
      return problem ? { progress: emptyProgress(), problem } : { progress: emptyProgress() };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      storage.removeItem(PROGRESS_KEY);
      return { progress: emptyProgress(), problem: 'corrupt' };
    }
    const parsed = v.safeParse(schema, value);
    if (parsed.success) return problem ? { progress: parsed.output, problem } : { progress: parsed.output };
    storage.removeItem(PROGRESS_KEY);
    const versioned =
      value !== null && typeof value === 'object' && 'version' in value && value.version !== 1;
    return { progress: emptyProgress(), problem: versioned ? 'old-version' : 'corrupt' };
  } catch {
    return { progress: emptyProgress(), problem: 'unavailable' };
  }
}

/** saveProgress writes progress; it returns `unavailable` instead of throwing when storage refuses. */
export function saveProgress(
  storage: ProgressStorage | undefined,
  progress: Progress,
): ProgressProblem | undefined {
  try {
    if (storage === undefined) return 'unavailable';
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return undefined;
  } catch {
    return 'unavailable';
  }
}

/** lessonProgress is one lesson's progress (nothing done if it was never opened). */
export function lessonProgress(progress: Progress, slug: string): LessonProgress {
  return progress.lessons[slug] ?? { steps: [], answers: {}, completed: false };
}

/** CourseLesson is what progress needs of a lesson: its slug and its steps' ids. */
export interface CourseLesson {
  readonly slug: string;
  readonly steps: readonly { readonly id: string }[];
}

/** stepsDone counts a lesson's steps done, ignoring ids saved for steps the lesson no longer has. */
export function stepsDone(progress: Progress, lesson: CourseLesson): number {
  const saved = lessonProgress(progress, lesson.slug).steps;
  return lesson.steps.filter((s) => saved.includes(s.id)).length;
}

/** PartProgress is how far a student is through a part: lessons completed and steps done, each of how many. */
export interface PartProgress {
  readonly lessonsCompleted: number;
  readonly lessons: number;
  readonly stepsDone: number;
  readonly steps: number;
}

/** partProgress sums a part's lessons: how many are completed, and how many of all their steps are done. */
export function partProgress(progress: Progress, lessons: readonly CourseLesson[]): PartProgress {
  return {
    lessonsCompleted: lessons.filter((l) => lessonProgress(progress, l.slug).completed).length,
    lessons: lessons.length,
    stepsDone: lessons.reduce((n, l) => n + stepsDone(progress, l), 0),
    steps: lessons.reduce((n, l) => n + l.steps.length, 0),
  };
}

function withLesson(
  progress: Progress,
  slug: string,
  change: (l: LessonProgress) => LessonProgress,
): Progress {
  return { ...progress, lessons: { ...progress.lessons, [slug]: change(lessonProgress(progress, slug)) } };
}

/** markStepDone records a step as done (once); `completed` turns true when `allSteps` are all done. */
export function markStepDone(
  progress: Progress,
  slug: string,
  stepId: string,
  allSteps: readonly string[],
): Progress {
  return withLesson(progress, slug, (l) => {
    const steps = l.steps.includes(stepId) ? l.steps : [...l.steps, stepId];
    return { ...l, steps, completed: l.completed || allSteps.every((s) => steps.includes(s)) };
  });
}

/** recordAnswer keeps a question's latest answer and whether it was right. */
export function recordAnswer(
  progress: Progress,
  slug: string,
  questionId: string,
  answer: number | string,
  correct: boolean,
): Progress {
  return withLesson(progress, slug, (l) => ({
    ...l,
    answers: { ...l.answers, [questionId]: { answer, correct } },
  }));
}

/** recordRun keeps what was done in a lesson's world and where the cursor was, for "Continue". */
export function recordRun(progress: Progress, slug: string, run: SavedRun): Progress {
  return withLesson(progress, slug, (l) => ({ ...l, run }));
}

/** forgetRun drops a lesson's run, when it starts afresh. */
export function forgetRun(progress: Progress, slug: string): Progress {
  return withLesson(progress, slug, ({ run: _run, ...l }) => l);
}
