// What a lesson on screen needs beside the lab: the driver bound to runes and the panel that shows it. It is
// fetched with the course (courseLoader.ts), since a lab without a lesson never runs either.
export { LessonSession } from './lessonSession.svelte.ts';
export { default as LessonPanel } from './LessonPanel.svelte';
