// The lab's keyboard shortcuts, as one table: which key does what, and where focus may be for it to apply. The
// key list drawer is drawn from the same table, so what the help says and what the keys do cannot drift apart.
import type { LabState } from './labState.svelte.ts';

/** Drawers are what the shortcuts may open or close besides playback: the key list and the scenario picker. */
export interface Drawers {
  toggleKeys(): void;
  closeAll(): void;
  /** toggleBlank blanks the screen, as a presenter does between two points, or shows it again. */
  toggleBlank(): void;
  /** togglePresenter enters presenter mode (large type, full screen) or leaves it. */
  togglePresenter(): void;
  /** togglePalette opens the presenter's compact fault palette, or closes it; outside presenter mode it does nothing. */
  togglePalette(): void;
}

/**
 * Reach says where focus may be for a shortcut to apply. `anywhere`: wherever focus is except a text field (Space
 * then plays even on a focused button, and never presses it; a checkbox or radio button keeps Space to tick).
 * `page`: also not inside a widget that moves with that key itself (a tab list, a row list, a select, a slider or
 * radio group).
 */
export type Reach = 'anywhere' | 'page';

/** Shortcut is one row of the table: the keys (KeyboardEvent.key values), Shift's state, and what it does. */
export interface Shortcut {
  readonly keys: readonly string[];
  /** shift, when set, must match the Shift key's state; otherwise Shift is ignored (as for `?` and `+`). */
  readonly shift?: boolean;
  readonly reach: Reach;
  /** help names the line of the key list that explains it (labText's keyboard.help); rows may share one. */
  readonly help: ShortcutHelp;
  readonly run: (lab: LabState, drawers: Drawers) => void;
}

/** ShortcutHelp names a line of the key list. */
export type ShortcutHelp = (typeof HELP_ORDER)[number];

/** HELP_ORDER is the order of the key list's lines. */
export const HELP_ORDER = [
  'play',
  'step',
  'clicker',
  'notable',
  'ends',
  'speed',
  'unit',
  'blank',
  'presenter',
  'palette',
  'keys',
  'close',
] as const;

/** SHORTCUTS is the table; a helper adding keys (a presenter's clicker) adds rows here. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: [' '], reach: 'anywhere', help: 'play', run: (lab) => lab.toggle() },
  { keys: ['ArrowRight'], shift: false, reach: 'page', help: 'step', run: (lab) => lab.step(1) },
  { keys: ['ArrowLeft'], shift: false, reach: 'page', help: 'step', run: (lab) => lab.step(-1) },
  { keys: ['ArrowRight'], shift: true, reach: 'page', help: 'notable', run: (lab) => lab.jump(1) },
  { keys: ['ArrowLeft'], shift: true, reach: 'page', help: 'notable', run: (lab) => lab.jump(-1) },
  // A presenter's clicker sends PageDown and PageUp (and `.` or B for its blank-screen button), wherever focus is.
  { keys: ['PageDown'], reach: 'anywhere', help: 'clicker', run: (lab) => lab.step(1) },
  { keys: ['PageUp'], reach: 'anywhere', help: 'clicker', run: (lab) => lab.step(-1) },
  { keys: ['.', 'b', 'B'], reach: 'anywhere', help: 'blank', run: (_lab, drawers) => drawers.toggleBlank() },
  {
    keys: ['p', 'P'],
    reach: 'anywhere',
    help: 'presenter',
    run: (_lab, drawers) => drawers.togglePresenter(),
  },
  { keys: ['f', 'F'], reach: 'anywhere', help: 'palette', run: (_lab, drawers) => drawers.togglePalette() },
  { keys: ['Home'], reach: 'page', help: 'ends', run: (lab) => lab.seek(-1) },
  { keys: ['End'], reach: 'page', help: 'ends', run: (lab) => lab.seekEnd() },
  { keys: ['+', '='], reach: 'anywhere', help: 'speed', run: (lab) => lab.faster() },
  { keys: ['-'], reach: 'anywhere', help: 'speed', run: (lab) => lab.slower() },
  { keys: ['1'], reach: 'anywhere', help: 'unit', run: (lab) => (lab.unit = 'line') },
  { keys: ['2'], reach: 'anywhere', help: 'unit', run: (lab) => (lab.unit = 'segment') },
  { keys: ['3'], reach: 'anywhere', help: 'unit', run: (lab) => (lab.unit = 'queue') },
  { keys: ['?'], reach: 'anywhere', help: 'keys', run: (_lab, drawers) => drawers.toggleKeys() },
  { keys: ['Escape'], reach: 'anywhere', help: 'close', run: (_lab, drawers) => drawers.closeAll() },
];

// Inputs that take text (type-ahead included): every key belongs to them.
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'password', 'url', 'tel', 'number', 'date', 'time']);

/** inTextField is true when keys typed at `target` are text for it, not commands for the lab. */
export function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

// Roles whose widgets move with the arrow keys, Home and End themselves (WAI-ARIA Authoring Practices).
const KEYED_ROLES =
  '[role=tablist],[role=listbox],[role=grid],[role=menu],[role=menubar],[role=radiogroup],[role=slider],[role=tree],[role=treegrid],[role=spinbutton]';

function inKeyedWidget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement && ['range', 'radio'].includes(target.type)) return true;
  return target.closest(KEYED_ROLES) !== null;
}

// A checkbox or radio button is ticked with Space, and has no other key for it (Enter does not), so there Space is
// theirs, unlike on a button, which Enter presses as well.
function ownsSpace(event: KeyboardEvent): boolean {
  const target = event.target;
  return (
    event.key === ' ' && target instanceof HTMLInputElement && ['checkbox', 'radio'].includes(target.type)
  );
}

// A modal dialog (sharing, the QR code) has the keyboard to itself: Escape closes it, Space presses its buttons.
function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog[open]') !== null;
}

/**
 * labShortcut is the action a key press asks of the lab, or null when the key is not the lab's to take: typing in
 * a text field, inside an open dialog, a modifier held, a key nobody took, a key a focused widget uses itself (or already handled, as the
 * event list's rows do), or a `page` key inside such a widget. The caller prevents the default and runs it, so
 * Space on a focused button plays instead of pressing the button.
 */
export function labShortcut(event: KeyboardEvent, lab: LabState, drawers: Drawers): (() => void) | null {
  if (event.defaultPrevented || inTextField(event.target) || inDialog(event.target) || ownsSpace(event))
    return null;
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const shortcut = SHORTCUTS.find(
    (s) => s.keys.includes(event.key) && (s.shift === undefined || s.shift === event.shiftKey),
  );
  if (!shortcut) return null;
  if (shortcut.reach === 'page' && inKeyedWidget(event.target)) return null;
  return () => shortcut.run(lab, drawers);
}
