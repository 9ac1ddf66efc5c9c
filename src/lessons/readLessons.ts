// Node only: reads the lessons folder from disk into the file map `loadCourse` takes. Used by the Vite plugin
// at build time and by tests; the browser gets the course from the plugin's virtual module instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadCourse, type CourseResult } from './loadCourse.ts';

/** readLessonFiles maps every file under `dir` (by its path relative to `dir`, with `/`) to its text. */
export function readLessonFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      // Editors and systems leave hidden files (.DS_Store, swap files); they are not lesson files.
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/** readCourse loads and validates the course in `dir`; issues name files as `<label>/…`. */
export function readCourse(dir: string, label = 'lessons'): CourseResult {
  return loadCourse(readLessonFiles(dir), label);
}
