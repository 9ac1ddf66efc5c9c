// The lab's keyboard shortcuts: one key, one playback action, wherever focus is, except while the reader types.
import type { LabState } from './labState.svelte.ts';

/** Drawers are what the shortcuts may open or close besides playback: the key list and the scenario picker. */
export interface Drawers {
  toggleKeys(): void;
  closeAll(): void;
}

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * labShortcut is the action a key press asks of the lab, or null when the key is not the lab's to take: typing
 * in a field, a modifier held, an unknown key, or Space on a button. The caller prevents the default and runs it.
 */
export function labShortcut(event: KeyboardEvent, lab: LabState, drawers: Drawers): (() => void) | null {
  if (typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) return null;
  const actions: Record<string, () => void> = {
    ' ': () => lab.toggle(),
    ArrowRight: () => (event.shiftKey ? lab.jump(1) : lab.step(1)),
    ArrowLeft: () => (event.shiftKey ? lab.jump(-1) : lab.step(-1)),
    Home: () => lab.seek(-1),
    End: () => lab.seek(lab.trace.length - 1),
    '+': () => lab.faster(),
    '=': () => lab.faster(),
    '-': () => lab.slower(),
    '1': () => (lab.unit = 'line'),
    '2': () => (lab.unit = 'segment'),
    '3': () => (lab.unit = 'queue'),
    '?': () => drawers.toggleKeys(),
    Escape: () => drawers.closeAll(),
  };
  const action = actions[event.key];
  if (!action) return null;
  // Space on a focused button presses it, so the lab leaves Space there; other keys would scroll: the lab takes them.
  if (event.key === ' ' && event.target instanceof HTMLButtonElement) return null;
  return action;
}
