// A guess at how wide a label draws on the map, without measuring the DOM: SVG text neither wraps nor shrinks.

/**
 * textWidth is the rough width of a label, enough to size a badge or spot a chip's overflow: Hangul is about
 * twice as wide.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/.test(ch) ? 1 : 0.58;
  return em * fontSize;
}

/**
 * fitText is `text` if it fits in `maxWidth` at `fontSize`, else its longest start that fits with an ellipsis
 * after it: a lane's name must end before the plot rather than run under its marks.
 */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  let kept = chars.length;
  while (kept > 0 && textWidth(`${chars.slice(0, kept).join('').trimEnd()}…`, fontSize) > maxWidth) kept -= 1;
  return `${chars.slice(0, kept).join('').trimEnd()}…`;
}
