// The type of the course module the lessons plugin (viteLessonsPlugin.ts) generates at build time.
declare module 'virtual:mail-lab/lessons' {
  import type { Course } from './lessonFormat.ts';

  /** course is every part and lesson under `lessons/`, validated when the app was built. */
  const course: Course;
  export default course;
}
