// The course (every lesson's text, steps and world: about 50 KB gzip) and the code that runs a lesson are fetched
// when a lesson is first wanted, not with the lab, since most visits to a shared scenario never open one.
import type { Course } from '../../lessons/lessonFormat.ts';
import type * as LessonRuntimeModule from './lessonRuntime.ts';

type LessonRuntime = typeof LessonRuntimeModule;

let pending: Promise<Course> | null = null;
let loaded: Course | null = null;
let runtime: LessonRuntime | null = null;

/** loadCourse fetches the course and the lesson runtime once; every later call gets the same promise. */
export function loadCourse(): Promise<Course> {
  pending ??= Promise.all([import('virtual:mail-lab/lessons'), import('./lessonRuntime.ts')]).then(
    ([module, code]) => {
      runtime = code;
      return (loaded = module.default);
    },
  );
  return pending;
}

/** loadedCourse is the course if it has arrived: a lesson on screen implies it has. */
export function loadedCourse(): Course | null {
  return loaded;
}

/**
 * lessonRuntime is the lesson driver's session and panel, which arrive with the course: only a lesson found in the
 * course (after loadCourse) may ask for them, so asking earlier is a bug, and says so.
 */
export function lessonRuntime(): LessonRuntime {
  if (runtime === null) throw new Error('a lesson was opened before the course had loaded');
  return runtime;
}
