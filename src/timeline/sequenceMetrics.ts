// The sizes a sequence diagram is laid out with, shared by the steps of sequenceLayout and by the view.

/**
 * SEQUENCE_METRICS are the sizes the layout assumes, in pixels. Labels are set in a monospace font so that
 * their width is known here without measuring text; the view must use the same font sizes.
 */
export const SEQUENCE_METRICS = {
  fontSize: 15,
  stateFontSize: 13,
  phaseColumn: 150,
  timeColumn: 84,
  statePad: 12,
  statePillPadding: 10,
  statePillHeight: 22,
  rightPad: 12,
  top: 72,
  bottomPad: 40,
  rowGap: 46,
  pxPerMs: 0.6,
  maxGap: 96,
  breakAfterMs: 400,
  breakHeight: 76,
  chipHeight: 22,
  chipPadding: 8,
  headLength: 13,
  headWidth: 11,
  crossSize: 8,
  minTickGap: 18,
} as const;
