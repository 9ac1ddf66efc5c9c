// A corpus of script-injection payloads for the XSS e2e: script tags, event handlers, javascript: URLs, SVG, CSS,
// markup that breaks out of attributes and elements, and the same vectors percent-, entity- and RFC 2047-encoded.
// Every payload, if it ever ran, would call alert and set the canary global `__xss` to its own number.

/** CANARY is the global any payload sets when it runs; it must stay undefined in every frame. */
export const CANARY = '__xss';

// `$` marks where a vector's script goes. No spaces or quotes in the script, so it fits unquoted attributes.
const VECTORS: readonly string[] = [
  // Script elements.
  '<script>$</script>',
  '<ScRiPt>$</sCrIpT>',
  '<script/x>$</script>',
  '<script src="data:text/javascript,$"></script>',
  '<<script>$//<</script>',
  '<scr<script>ipt>$</scr</script>ipt>',
  '<script>/*</script><script>$</script>',
  '<iframe srcdoc="<script>$</script>"></iframe>',
  // Event handlers.
  '<img src=x onerror=$>',
  '<img src="x" onerror="$">',
  '<img/src/onerror=$>',
  '<img src=x onerror=$//',
  '<body onload=$>',
  '<svg onload=$>',
  '<svg/onload=$>',
  '<details open ontoggle=$>',
  '<input autofocus onfocus=$>',
  '<select autofocus onfocus=$></select>',
  '<textarea autofocus onfocus=$></textarea>',
  '<video><source onerror=$></video>',
  '<audio src=x onerror=$></audio>',
  '<iframe onload=$></iframe>',
  '<object data=x onerror=$></object>',
  '<marquee onstart=$>x</marquee>',
  '<div onmouseover=$ style=position:fixed;inset:0>x</div>',
  '<style onload=$></style>',
  '<link rel=stylesheet href=x onerror=$>',
  '<x contenteditable autofocus onfocus=$>x</x>',
  '<button form=f formaction=javascript:$>go</button>',
  // javascript: and data: URLs, plain and disguised.
  'javascript:$',
  'JaVaScRiPt:$',
  ' javascript:$',
  'java&#115;cript:$',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;$',
  '<a href="javascript:$">click</a>',
  '<a href="jav&#x09;ascript:$">click</a>',
  '<a href=" &#14; javascript:$">click</a>',
  '<iframe src="javascript:$"></iframe>',
  '<form action="javascript:$"><button>go</button></form>',
  '<embed src="javascript:$">',
  '<object data="javascript:$"></object>',
  '<iframe src="data:text/html,<script>$</script>"></iframe>',
  '<meta http-equiv="refresh" content="0;url=javascript:$">',
  '<base href="javascript:$//">',
  '<math><mi xlink:href="javascript:$">x</mi></math>',
  // SVG.
  '<svg><script>$</script></svg>',
  '<svg><animate onbegin=$ attributeName=x dur=1s></svg>',
  '<svg><a xlink:href="javascript:$"><text x=9 y=9>x</text></a></svg>',
  '<svg><foreignObject><img src=x onerror=$></foreignObject></svg>',
  '<svg><image href=x onerror=$ /></svg>',
  '<svg><set attributeName=onload to=$ /></svg>',
  // CSS.
  '<style>@import "javascript:$";</style>',
  '<div style="background:url(javascript:$)">x</div>',
  '<div style="width:expression($)">x</div>',
  '<style>*{background:url("javascript:$")}</style>',
  '</style><img src=x onerror=$>',
  '<link rel=stylesheet href="javascript:$">',
  // Templates, mutation XSS and parser confusion.
  '{{constructor.constructor(`$`)()}}',
  '${$}',
  "{@html '<img src=x onerror=$>'}",
  '<noscript><p title="</noscript><img src=x onerror=$>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=$>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=$>',
  '<!--<img src="--><img src=x onerror=$//">',
  '<a href="x" id="a" onclick=$ autofocus onfocus=$>x</a>',
];

// Ways out of wherever the text lands: a double- or single-quoted attribute, a textarea, a comment.
const BREAKOUTS: readonly string[] = ['', '">', "'>", '</textarea>--!>'];

function script(id: number): string {
  return `alert(${id});self.${CANARY}=${id};top.${CANARY}=${id}`;
}

function entities(text: string): string {
  return [...text].map((c) => (/[<>"'&:]/.test(c) ? `&#${c.codePointAt(0)};` : c)).join('');
}

/** XssPayload is one payload: its number (what the canary would hold) and its text. */
export interface XssPayload {
  readonly id: number;
  readonly text: string;
}

/**
 * xssPayloads lists every vector after every breakout, then each vector percent-encoded, entity-encoded and
 * with a Korean word (so a user agent must encode it itself), each with its own number from 1.
 */
export function xssPayloads(): readonly XssPayload[] {
  const texts: string[] = [];
  let next = 1;
  const add = (make: (code: string) => string) => {
    texts.push(make(script(next)));
    next++;
  };
  for (const breakout of BREAKOUTS)
    for (const vector of VECTORS) add((code) => breakout + vector.split('$').join(code));
  for (const vector of VECTORS) add((code) => encodeURIComponent(vector.split('$').join(code)));
  for (const vector of VECTORS) add((code) => entities(vector.split('$').join(code)));
  for (const vector of VECTORS) add((code) => `점심 ${vector.split('$').join(code)}`);
  return texts.map((text, i) => ({ id: i + 1, text }));
}

/** encodedWord writes `text` as RFC 2047 encoded words (UTF-8, B encoding), each at most 75 characters. */
export function encodedWord(text: string, encoding: 'B' | 'Q' = 'B'): string {
  const bytes = Buffer.from(text, 'utf8');
  const words: string[] = [];
  // 39 octets make 52 base64 characters: with "=?UTF-8?B?" and "?=" a word stays within 75 (RFC 2047 §2).
  const chunk = encoding === 'B' ? 39 : 18;
  for (let i = 0; i < bytes.length; i += chunk) {
    const piece = bytes.subarray(i, i + chunk);
    const body =
      encoding === 'B'
        ? piece.toString('base64')
        : [...piece]
            .map((b) =>
              (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)
                ? String.fromCharCode(b)
                : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
            )
            .join('');
    words.push(`=?UTF-8?${encoding}?${body}?=`);
  }
  return words.join(' ');
}

/** batches cuts `items` into runs of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
