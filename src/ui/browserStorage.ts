// The browser's localStorage, or undefined where reading it throws: a browser set to block site data throws on the
// mere `localStorage` property, and the lab must still run and say that progress cannot be saved.
import type { ProgressStorage } from '../lessons/progress.ts';

/** browserStorage returns localStorage, or undefined when the browser refuses it. */
export function browserStorage(): ProgressStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
