// The sandboxed document an HTML part is shown in, by the webmail's pages and by the lab's inspector alike: its
// policy forbids every load and every script, a wall behind whichever cleaner made the part safe.

/**
 * sandboxDocument wraps sanitised HTML in a document for an `<iframe sandbox srcdoc>`: its Content-Security-Policy
 * forbids every load and every script, a second wall should anything slip past the sanitiser.
 */
export function sandboxDocument(cleanHtml: string): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<style>body{margin:10px;font:14px/1.5 system-ui,sans-serif;color:#1b2330;overflow-wrap:anywhere}</style>',
    `</head><body>${cleanHtml}</body></html>`,
  ].join('');
}
