// The webmail's pages as small, plain HTML: what crosses the wire is the lesson, so each page is a few hundred
// octets and one stylesheet. Every text that came from a user or a message is escaped here, in one place.

/** escapeHtml makes text safe inside an element or a quoted attribute; controls other than tab and LF show as �. */
export function escapeHtml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      // eslint-disable-next-line no-control-regex -- the controls are what is replaced
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '\uFFFD')
  );
}

/** STYLESHEET is /style.css: the one other object every page needs. */
export const STYLESHEET = [
  'body{font:15px/1.5 sans-serif;max-width:44em;margin:1em auto;padding:0 1em;color:#1b2330}',
  'nav{display:flex;gap:1em;align-items:center;border-bottom:1px solid #ccd;padding-bottom:.5em}',
  'nav form{margin-left:auto}',
  'table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.2em .5em;border-bottom:1px solid #eef}',
  '.unseen{font-weight:bold}.error{color:#a11}.notice{color:#161}',
  'pre{white-space:pre-wrap;word-break:keep-all;overflow-wrap:anywhere}',
  'iframe{width:100%;height:20em;border:1px solid #ccd}',
  'label{display:block;margin:.5em 0}input,textarea{display:block;width:100%}',
  '',
].join('\n');

/** Page is a page before it is wrapped: its title and body markup (already escaped where it holds text). */
export interface Page {
  readonly title: string;
  readonly body: string;
}

/** document wraps a page in the site's layout; `user` is who is logged in, for the navigation bar. */
export function document(page: Page, user: string | null): string {
  const nav =
    user === null
      ? ''
      : '<nav><a href="/inbox">Inbox</a><a href="/folders">Folders</a><a href="/compose">Compose</a>' +
        `<form method="post" action="/logout"><span>${escapeHtml(user)}</span> <button>Log out</button></form></nav>\n`;
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(page.title)}</title><link rel="stylesheet" href="/style.css"></head>\n` +
    `<body>\n${nav}<h1>${escapeHtml(page.title)}</h1>\n${page.body}</body></html>\n`
  );
}

function errorLine(error: string | null): string {
  return error === null ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>\n`;
}

/** loginPage is the login form, with the error of a failed attempt and the user name tried. */
export function loginPage(hostname: string, error: string | null, user = ''): Page {
  return {
    title: `Webmail at ${hostname}`,
    body:
      errorLine(error) +
      '<form method="post" action="/login">\n' +
      `<label>User <input name="user" value="${escapeHtml(user)}" autocomplete="username" required></label>\n` +
      '<label>Password <input name="password" type="password" autocomplete="current-password" required></label>\n' +
      '<button>Log in</button>\n</form>\n',
  };
}

/** InboxRow is one message of a folder's list. */
export interface InboxRow {
  readonly uid: number;
  readonly from: string | null;
  readonly subject: string | null;
  readonly size: number | null;
  readonly seen: boolean;
}

/** folderQuery is the query that names a folder in a link, empty for INBOX (every page's default). */
export function folderQuery(folder: string): string {
  return folder === 'INBOX' ? '' : `?folder=${encodeURIComponent(folder)}`;
}

/** listPage is a folder's messages, newest first, each a link to its view. */
export function listPage(folder: string, rows: readonly InboxRow[], notice: string | null): Page {
  const noticeLine = notice === null ? '' : `<p class="notice" role="status">${escapeHtml(notice)}</p>\n`;
  if (rows.length === 0) return { title: folder, body: `${noticeLine}<p>No messages.</p>\n` };
  const lines = [...rows]
    .sort((a, b) => b.uid - a.uid)
    .map((row) => {
      const link = `/message/${row.uid}${folderQuery(folder)}`;
      const subject = row.subject === null || row.subject === '' ? '(no subject)' : row.subject;
      return (
        `<tr${row.seen ? '' : ' class="unseen"'}><td>${escapeHtml(row.from ?? '')}</td>` +
        `<td><a href="${escapeHtml(link)}">${escapeHtml(subject)}</a></td>` +
        `<td>${row.size === null ? '' : `${row.size} B`}</td></tr>`
      );
    });
  return {
    title: folder,
    body:
      noticeLine +
      '<table>\n<tr><th>From</th><th>Subject</th><th>Size</th></tr>\n' +
      `${lines.join('\n')}\n</table>\n`,
  };
}

/** MessageView is a message as the view page shows it; `html` is a sandboxed document made of the HTML part. */
export interface MessageView {
  readonly folder: string;
  readonly uid: number;
  readonly subject: string;
  readonly from: string;
  readonly to: string;
  readonly cc: string;
  readonly date: string | null;
  readonly text: string | null;
  /** html is the HTML part, cleaned (cleanHtml.ts) into a document for a sandboxed iframe. */
  readonly html: string | null;
  readonly attachments: readonly { readonly filename: string; readonly size: number }[];
}

/** messagePage shows a message's header fields and text; an HTML part goes in a sandboxed frame, never inline. */
export function messagePage(view: MessageView): Page {
  const field = (name: string, value: string | null) =>
    value === null || value === '' ? '' : `<tr><th>${name}</th><td>${escapeHtml(value)}</td></tr>\n`;
  const html =
    view.html === null
      ? ''
      : `<iframe sandbox="" referrerpolicy="no-referrer" title="HTML part" srcdoc="${escapeHtml(view.html)}"></iframe>\n`;
  // A message's lines end in CRLF on the wire; in the page they end as HTML text does, else CR shows as U+FFFD.
  const text = view.text === null ? '' : `<pre>${escapeHtml(view.text.replace(/\r\n/g, '\n'))}</pre>\n`;
  const attachments =
    view.attachments.length === 0
      ? ''
      : `<ul>\n${view.attachments.map((a) => `<li>${escapeHtml(a.filename)} (${a.size} B)</li>`).join('\n')}\n</ul>\n`;
  const reply = `/compose?reply=${view.uid}${folderQuery(view.folder).replace('?', '&')}`;
  return {
    title: view.subject === '' ? '(no subject)' : view.subject,
    body:
      '<table>\n' +
      field('From', view.from) +
      field('To', view.to) +
      field('Cc', view.cc) +
      field('Date', view.date) +
      '</table>\n' +
      text +
      html +
      attachments +
      `<p><a href="${escapeHtml(reply)}">Reply</a></p>\n`,
  };
}

/** Draft is what the compose form holds. */
export interface Draft {
  readonly to: string;
  readonly cc: string;
  readonly subject: string;
  readonly body: string;
  readonly inReplyTo: string;
  /** references is the thread's Message-IDs, oldest first, separated by spaces (RFC 5322 §3.6.4). */
  readonly references: string;
}

/** EMPTY_DRAFT is a blank compose form. */
export const EMPTY_DRAFT: Draft = { to: '', cc: '', subject: '', body: '', inReplyTo: '', references: '' };

/** composePage is the compose form, filled with a draft (a reply's, or one the server sent back with an error). */
export function composePage(draft: Draft, error: string | null): Page {
  const inReplyTo =
    draft.inReplyTo === ''
      ? ''
      : `<input type="hidden" name="in-reply-to" value="${escapeHtml(draft.inReplyTo)}">\n` +
        `<input type="hidden" name="references" value="${escapeHtml(draft.references)}">\n`;
  return {
    title: 'Compose',
    body:
      errorLine(error) +
      '<form method="post" action="/send">\n' +
      inReplyTo +
      `<label>To <input name="to" value="${escapeHtml(draft.to)}" required></label>\n` +
      `<label>Cc <input name="cc" value="${escapeHtml(draft.cc)}"></label>\n` +
      `<label>Subject <input name="subject" value="${escapeHtml(draft.subject)}"></label>\n` +
      `<label>Message <textarea name="body" rows="10">${escapeHtml(draft.body)}</textarea></label>\n` +
      '<button>Send</button>\n</form>\n',
  };
}

/** foldersPage lists the folders, each a link to its messages. */
export function foldersPage(folders: readonly string[]): Page {
  const items = folders.map(
    (f) => `<li><a href="${escapeHtml(`/inbox${folderQuery(f)}`)}">${escapeHtml(f)}</a></li>`,
  );
  return { title: 'Folders', body: `<ul>\n${items.join('\n')}\n</ul>\n` };
}

/** errorPage explains a status in a sentence. */
export function errorPage(status: number, reason: string, detail: string): Page {
  return { title: `${status} ${reason}`, body: `<p>${escapeHtml(detail)}</p>\n` };
}
