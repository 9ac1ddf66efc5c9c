// The simulated webmail server's own HTML cleaner, as a real webmail cleans a message's HTML part on the server:
// it needs no DOM, so a world's pages (and its trace and capture) are the same in a browser, in Node and in tests.
// It rebuilds the part from an allow-list (tags, attributes, web and mail links), re-escaping every text and value.
// The lab's own display of HTML (the inspector) keeps DOMPurify in the page; this output is only ever bytes.
import { decodeEntities } from '../web/browser.ts';
import { escapeHtml } from './pages.ts';

// Elements a message's text needs; anything else is dropped, its text kept.
// prettier-ignore
const KEPT = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em',
  'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's',
  'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
]);
const VOID = new Set(['br', 'hr']);
// Elements whose content is code, styling, another document or a form: dropped with all they hold.
// prettier-ignore
const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed',
  'noframes', 'xmp', 'svg', 'math', 'textarea', 'select', 'title', 'head', 'audio', 'video', 'button',
]);
// Attributes that only describe; none loads, runs or styles anything. `href` is checked apart.
const ATTRIBUTES = new Set(['title', 'dir', 'lang', 'align', 'colspan', 'rowspan', 'alt']);
// The links a reader may follow out of a message (as the inspector's sanitiser allows).
const LINK = /^(?:https?:|mailto:)/i;

// Sticky: matched where a '<' stands, without copying the rest of the part.
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const OPENS_TAG = /<\/?[a-zA-Z]/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributes(element: string, source: string): string {
  let kept = '';
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = (m[1] as string).toLowerCase();
    const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    if (name === 'href' && element === 'a') {
      // Whitespace and control characters inside a scheme (`java\tscript:`) are ignored by browsers: so here.
      // eslint-disable-next-line no-control-regex
      const link = value.replace(/[\u0000-\u0020]/g, '');
      if (LINK.test(link)) kept += ` href="${escapeHtml(link)}" title="${escapeHtml(link)}"`;
    } else if (ATTRIBUTES.has(name)) kept += ` ${name}="${escapeHtml(value)}"`;
  }
  return kept;
}

/**
 * cleanHtml returns an HTML part with nothing left that can run, load or style: only the kept elements with
 * their describing attributes and web or mail links, every text and value escaped again, every element closed.
 */
export function cleanHtml(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  const open: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) out += escapeHtml(decodeEntities(html.slice(i, textEnd)));
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<!', lt) || html.startsWith('<?', lt)) {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    if (tag === null) {
      // A '<' that opens no tag is text ("a < b"); one that opens a tag never closed ends the part, as in HTML.
      OPENS_TAG.lastIndex = lt;
      if (OPENS_TAG.test(html)) break;
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    i = TAG.lastIndex;
    const name = (tag[2] as string).toLowerCase();
    const closing = tag[1] === '/';
    if (!closing && DROPPED_WITH_CONTENT.has(name)) {
      // Its content is not markup to read: skip to its end tag (or to the end of the part).
      const end = lower.indexOf(`</${name}`, i);
      const close = end < 0 ? -1 : html.indexOf('>', end);
      i = close < 0 ? html.length : close + 1;
      continue;
    }
    if (!KEPT.has(name)) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      while (open.length > at) out += `</${open.pop()}>`;
    } else {
      out += `<${name}${attributes(name, tag[3] as string)}>`;
      if (!VOID.has(name)) open.push(name);
    }
  }
  while (open.length > 0) out += `</${open.pop()}>`;
  return out;
}
