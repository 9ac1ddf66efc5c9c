// Vite plugin: loads `lessons/**` into the virtual module `virtual:mail-lab/lessons` and validates every file,
// so a lesson with a missing or invalid field fails the build with a message naming the file and the field.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatLessonIssues } from './lessonFormat.ts';
import { readCourse, readLessonFiles } from './readLessons.ts';

/** LESSONS_MODULE is the id the browser imports the course from. */
export const LESSONS_MODULE = 'virtual:mail-lab/lessons';
const RESOLVED = `\0${LESSONS_MODULE}`;

/**
 * lessonsPlugin serves the course as a JSON module and checks it at the start of every build. `dir` is the
 * lessons folder (default `lessons/` beside the Vite config). Editing a lesson reloads the page.
 */
export function lessonsPlugin(options: { dir?: string } = {}): Plugin {
  let dir = resolve(options.dir ?? 'lessons');
  let building = false;
  const load = () => {
    const result = readCourse(dir);
    if (!result.ok) throw new Error(`Mail Lab lessons are invalid:\n${formatLessonIssues(result.issues)}`);
    return result.course;
  };
  return {
    name: 'mail-lab-lessons',
    configResolved(config) {
      dir = resolve(config.root, options.dir ?? 'lessons');
      building = config.command === 'build';
    },
    buildStart() {
      // Fail a build at once, even if nothing imports the course; the dev server reports on first import.
      if (building) load();
    },
    resolveId(id) {
      return id === LESSONS_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const path of readLessonFiles(dir).keys()) this.addWatchFile(resolve(dir, path));
      return `export default ${JSON.stringify(load())};`;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(dir)) return undefined;
      const module = server.moduleGraph.getModuleById(RESOLVED);
      if (module) server.moduleGraph.invalidateModule(module);
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
