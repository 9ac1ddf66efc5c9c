// Text width without a DOM: labels are set in a monospace font, so their width is a count of cells.

/** MONO_ADVANCE is one monospace character's width per px of font size (DejaVu Sans Mono, Menlo, SF Mono). */
export const MONO_ADVANCE = 0.6;

/** monoWidth estimates a monospace text's width; Hangul and CJK characters take two cells. */
export function monoWidth(text: string, fontSize: number): number {
  let cells = 0;
  for (const char of text) cells += (char.codePointAt(0) as number) >= 0x1100 ? 2 : 1;
  return cells * fontSize * MONO_ADVANCE;
}
