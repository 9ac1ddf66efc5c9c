// The course (every lesson's text, steps and world: about 50 KB gzip) is fetched when a lesson is first wanted,
// not with the lab, since most visits to a shared scenario never open one.
import type { Course } from '../../lessons/lessonFormat.ts';

let pending: Promise<Course> | null = null;
let loaded: Course | null = null;

/** loadCourse fetches the course once; every later call gets the same promise. */
export function loadCourse(): Promise<Course> {
  pending ??= import('virtual:mail-lab/lessons').then((module) => (loaded = module.default));
  return pending;
}

/** loadedCourse is the course if it has arrived: a lesson on screen implies it has. */
export function loadedCourse(): Course | null {
  return loaded;
}
