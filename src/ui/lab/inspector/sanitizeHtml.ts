// Makes a message's HTML part safe for the lab itself to show (the inspector): DOMPurify, in the page's own DOM,
// strips scripts, event handlers, styles, forms and every attribute that would load something, and the result
// goes into a sandboxed frame (sandboxDocument) whose policy forbids loads too. The simulated webmail cleans
// parts with its own DOM-free cleaner (sim/webmail/cleanHtml.ts), so that a world runs the same everywhere.
import createDOMPurify, { type WindowLike } from 'dompurify';

// Elements that run code, submit, embed other documents, or load media; none are needed to read a message.
const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'svg',
  'math',
  'template',
];
// Attributes that load remote content (tracking pixels, backgrounds) or carry CSS, which can load content too.
const LOADING_ATTRIBUTES = [
  'src',
  'srcset',
  'background',
  'poster',
  'style',
  'action',
  'formaction',
  'xlink:href',
];

/** pageWindow is the DOM this code runs beside (a page's, or jsdom's in a test), or null where there is none. */
function pageWindow(): WindowLike | null {
  return typeof window === 'undefined' ? null : window;
}

/**
 * sanitizeHtml returns the HTML with nothing in it that can run or load: no script or style elements, no `on…`
 * handlers, no `javascript:` or other non-web links, no `src` of any kind. It needs a DOM: `dom`, by default the
 * page's window (pageWindow must not be null then).
 */
export function sanitizeHtml(html: string, dom: WindowLike | null = pageWindow()): string {
  if (dom === null) throw new Error('sanitizeHtml: no DOM to sanitise with');
  // A fresh instance, so the hook below stays out of any other use of DOMPurify on the page.
  const purifier = createDOMPurify(dom);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    for (const name of LOADING_ATTRIBUTES) node.removeAttribute(name);
    // Links stay readable but lead nowhere from inside the sandbox; their address is kept visible on hover.
    if (node.nodeName === 'A' && node.hasAttribute('href'))
      node.setAttribute('title', node.getAttribute('href') ?? '');
  });
  return purifier.sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR: LOADING_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    RETURN_TRUSTED_TYPE: false,
  });
}
