// Every key the timeline answers, in one place: zoom and pan on the plot, seeking on the axis, walking and
// choosing marks, and Escape out of a sequence diagram. Each function reads a key and says what it asks for.

/** PlotCommand is what a key on the plot asks for. */
export type PlotCommand = 'zoomIn' | 'zoomOut' | 'reset' | 'panBack' | 'panForward';

const PLOT_KEYS: Readonly<Record<string, PlotCommand>> = {
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  '0': 'reset',
  ArrowLeft: 'panBack',
  ArrowRight: 'panForward',
};

/**
 * plotCommand reads a key pressed on the plot: + − 0 zoom, ← → pan. The axis has keys of its own, a mark uses
 * the arrows to walk to its neighbours, and a key with Ctrl, Meta or Alt belongs to the browser.
 */
export function plotCommand(event: KeyboardEvent): PlotCommand | null {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('.axis-hit')) return null;
  const command = PLOT_KEYS[event.key];
  if (command === undefined || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key.startsWith('Arrow') && target?.closest('.mark')) return null;
  return command;
}

/**
 * seekTarget reads a key on the axis, a slider over trace positions from −1 (before anything) to `last`: the
 * arrows step one event, Page Up and Page Down ten, Home and End go to either end. Null for any other key.
 */
export function seekTarget(key: string, cursor: number, last: number): number | null {
  const moves: Record<string, number> = {
    ArrowLeft: cursor - 1,
    ArrowDown: cursor - 1,
    ArrowRight: cursor + 1,
    ArrowUp: cursor + 1,
    PageDown: cursor - 10,
    PageUp: cursor + 10,
    Home: -1,
    End: last,
  };
  const next = moves[key];
  return next === undefined ? null : Math.min(Math.max(next, -1), last);
}

/** MarkCommand is what a key on a mark asks for: choose it, or move to the next or previous mark in time. */
export type MarkCommand = 'activate' | 'next' | 'previous';

/** markCommand reads a key on a mark: Enter or Space chooses it, → and ← walk through the marks in time. */
export function markCommand(key: string): MarkCommand | null {
  if (key === 'Enter' || key === ' ') return 'activate';
  if (key === 'ArrowRight') return 'next';
  if (key === 'ArrowLeft') return 'previous';
  return null;
}

/** isLeaveKey says whether a key leaves the sequence diagram for the timeline. */
export function isLeaveKey(key: string): boolean {
  return key === 'Escape';
}
