// The Markdown subset lessons are written in: paragraphs, bulleted and numbered lists, fenced code blocks,
// and inline `code`, **strong** and *emphasis* (or _emphasis_). It parses to data, so the UI renders text, never raw HTML.
import type { Block, Inline, Prose } from './lessonFormat.ts';

const BULLET = /^[-*] +(.*)$/;
const NUMBERED = /^\d+[.)] +(.*)$/;
const FENCE = /^```/;

/** parseProse turns lesson prose into blocks; blank lines separate paragraphs and end lists. */
export function parseProse(text: string): Prose {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i++;
    } else if (FENCE.test(line.trim())) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test((lines[i] as string).trim())) body.push(lines[i++] as string);
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const pattern = ordered ? NUMBERED : BULLET;
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i] as string;
        const item = pattern.exec(current);
        if (item) items.push(item[1] as string);
        // An indented line continues the item above it.
        else if (/^\s+\S/.test(current) && items.length > 0)
          items[items.length - 1] = `${items[items.length - 1]} ${current.trim()}`;
        else break;
        i++;
      }
      blocks.push({ kind: 'list', ordered, items: items.map(parseInline) });
    } else {
      const para: string[] = [];
      while (i < lines.length) {
        const current = lines[i] as string;
        if (
          current.trim() === '' ||
          FENCE.test(current.trim()) ||
          BULLET.test(current) ||
          NUMBERED.test(current)
        )
          break;
        para.push(current.trim());
        i++;
      }
      blocks.push({ kind: 'paragraph', inline: parseInline(para.join(' ')) });
    }
  }
  return blocks;
}

/**
 * parseInline splits a line into runs of text, `code`, **strong** and *em*. Code is taken literally; a marker
 * without its closing twin is ordinary text.
 */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  while (i < text.length) {
    const rest = text.slice(i);
    // Prettier writes emphasis as _em_; an underscore inside a word (snake_case) is not a marker.
    const wordBefore = i > 0 && /\w/.test(text[i - 1] as string);
    const run =
      /^`([^`]+)`/.exec(rest) ??
      /^\*\*([^*]+)\*\*/.exec(rest) ??
      /^\*([^*\s][^*]*)\*/.exec(rest) ??
      (wordBefore ? null : /^_([^_\s][^_]*)_(?!\w)/.exec(rest));
    if (run) {
      flush();
      const marker = rest[0] === '`' ? 'code' : rest.startsWith('**') ? 'strong' : 'em';
      out.push({ kind: marker, text: run[1] as string });
      i += run[0].length;
    } else {
      plain += text[i];
      i++;
    }
  }
  flush();
  return out;
}

/** inlineText is the plain text of a run of inlines, markers dropped (for titles and short answers). */
export function inlineText(inline: readonly Inline[]): string {
  return inline.map((run) => run.text).join('');
}
