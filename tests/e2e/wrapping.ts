// Finds Korean broken where it must not be, in the page as laid out: a Hangul word split across two lines (the
// stylesheet's `word-break: keep-all` should prevent it), and a button or tab whose label wraps a letter to a line
// of its own (the vertical "보/내/기" of a squeezed button). It reads where each character was drawn, so it sees what
// the reader sees.
import type { Page } from 'playwright-core';

/** brokenKorean lists what is broken on the page now, one line each, naming the text and where it is. */
export function brokenKorean(page: Page): Promise<string[]> {
  // Passed as text: the bundler that runs the tests would wrap a function in helpers the page does not have.
  return page.evaluate(`(() => {
    const problems = [];
    const HANGUL = /[\\uac00-\\ud7a3]/;
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    // Where each character of a text node is drawn (its box's top and bottom), by its offset; null if it is not.
    function boxes(node) {
      const out = [];
      const range = document.createRange();
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        out.push(rect && rect.width > 0 ? { top: rect.top, bottom: rect.bottom } : null);
      }
      return out;
    }
    // Characters share a line when their boxes overlap vertically (a smaller font on the same line sits lower).
    // Returns the line of each box, counting from 0.
    function lineOf(list) {
      const drawn = list.filter((b) => b !== null).sort((a, b) => a.top - b.top);
      const lines = [];
      for (const b of drawn) {
        const line = lines.at(-1);
        if (line && b.top < line.bottom - 2) line.bottom = Math.max(line.bottom, b.bottom);
        else lines.push({ top: b.top, bottom: b.bottom });
      }
      return (b) => lines.findIndex((l) => b.top >= l.top - 0.5 && b.top < l.bottom - 2);
    }
    const lines = (list) => {
      const of = lineOf(list);
      return new Set(list.filter((b) => b !== null).map(of)).size;
    };
    const where = (el) => {
      const named = el.closest('[id],[aria-label],section,button');
      return named ? named.localName + (named.id ? '#' + named.id : '') : el.localName;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !HANGUL.test(node.data) || !visible(parent) || parent.closest('.sr-only,svg')) continue;
      const at = boxes(node);
      for (const match of node.data.matchAll(/\\S+/g)) {
        if (!HANGUL.test(match[0])) continue;
        if (lines(at.slice(match.index, match.index + match[0].length)) > 1)
          problems.push('word broken: ' + JSON.stringify(match[0]) + ' in ' + where(parent));
      }
    }
    for (const control of document.querySelectorAll('button, [role=tab]')) {
      if (!visible(control) || control.closest('.sr-only')) continue;
      const drawn = [];
      const inner = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
      for (let node = inner.nextNode(); node; node = inner.nextNode()) {
        if (node.parentElement?.closest('.sr-only')) continue;
        boxes(node).forEach((box, i) => {
          if (box !== null && !/\\s/.test(node.data[i])) drawn.push(box);
        });
      }
      const of = lineOf(drawn);
      const byLine = new Map();
      for (const box of drawn) byLine.set(of(box), (byLine.get(of(box)) ?? 0) + 1);
      if (byLine.size > 1 && [...byLine.values()].some((n) => n === 1))
        problems.push('letter on a line of its own: ' + JSON.stringify(control.textContent.trim()) + ' in ' + where(control));
    }
    return problems;
  })()`) as Promise<string[]>;
}
