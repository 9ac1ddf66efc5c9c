// The webmail application: HTTP requests in, HTTP responses out, the mail system behind an interface (MailAccess).
// It knows nothing of sockets or time; the host that runs it (webmailService.ts) wires it to port 80 and to IMAP
// and SMTP, and a unit test drives it directly. Every response is answered once, after the mail system has.
import { formatAddressList, parseAddressList, type Mailbox } from '../../protocols/message/addresses.ts';
import { findField } from '../../protocols/message/headers.ts';
import { parseMessage, type MessagePart } from '../../protocols/message/parseMessage.ts';
import {
  headerValue,
  type HttpHeaders,
  type HttpRequest,
  type HttpResponse,
} from '../../protocols/http/message.ts';
import { utf8ToOctets } from '../../protocols/shared/octets.ts';
import { cleanHtml } from './cleanHtml.ts';
import { cookieValue, formField, parseForm, splitTarget, type FormFields } from './formData.ts';
import type { Access, AccessFailure, MailAccess, WebmailAccount } from './mailAccess.ts';
import { sandboxDocument } from './safeHtml.ts';
import {
  composePage,
  document,
  EMPTY_DRAFT,
  errorPage,
  foldersPage,
  listPage,
  loginPage,
  messagePage,
  STYLESHEET,
  type Draft,
  type MessageView,
  type Page,
} from './pages.ts';

/** SESSION_COOKIE is the name of the cookie that carries the session id. */
export const SESSION_COOKIE = 'session';

/** MAX_SESSIONS bounds the sessions kept in memory; past it a new login forgets the oldest session. */
export const MAX_SESSIONS = 256;

/** FORM_TYPE is the only request body the webmail reads: what an HTML form posts (WHATWG URL §5.1). */
export const FORM_TYPE = 'application/x-www-form-urlencoded';

/** WebmailFact is what the webmail records of its sessions: a login, a refused login, a logout. */
export interface WebmailFact {
  readonly action: 'login' | 'refused' | 'logout';
  readonly user: string;
}

/** WebmailOptions is what the application is given by the host that runs it. */
export interface WebmailOptions {
  /** hostname names the site on its login page. */
  readonly hostname: string;
  readonly access: MailAccess;
  /** newSessionId draws an unguessable id (from the kernel's seeded generator in the simulation). */
  newSessionId(): string;
  /** note hears each session fact, to record it in the trace. */
  note(fact: WebmailFact): void;
}

// RFC 9110 §15's reason phrases for the statuses the webmail answers.
const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  303: 'See Other',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  415: 'Unsupported Media Type',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

// Pages hold mail: never cached (RFC 9111 §5.2.2.5), and the page's own policy forbids every script and every load
// but its stylesheet, a second wall behind the escaping and the sanitiser (the HTML part's frame inherits it).
const PAGE_POLICY =
  "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

type Reply = (response: HttpResponse) => void;

/** Exchange is one request being answered: the request, its parsed target, and the session its cookie names. */
interface Exchange {
  readonly request: HttpRequest;
  readonly path: string;
  readonly query: FormFields;
  /** match holds the route's captures (a message's UID). */
  readonly match: readonly string[];
  readonly session: { readonly id: string; readonly account: WebmailAccount } | null;
  readonly reply: Reply;
}

type Handler = (exchange: Exchange) => void;

interface Route {
  readonly path: string | RegExp;
  readonly methods: Readonly<Record<string, Handler>>;
}

function isForm(request: HttpRequest): boolean {
  const type = headerValue(request.headers, 'content-type');
  return type !== undefined && type.split(';')[0]?.trim().toLowerCase() === FORM_TYPE;
}

function replyPrefix(subject: string): string {
  return /^re:/i.test(subject.trim()) ? subject : `Re: ${subject}`;
}

// The first text/html part that is not an attachment, outside any enclosed message.
function htmlPart(part: MessagePart): MessagePart | null {
  const type = `${part.contentType.type}/${part.contentType.subtype}`.toLowerCase();
  if (type === 'text/html' && part.filename === undefined && part.decoded.kind === 'text') return part;
  if (part.decoded.kind !== 'multipart') return null;
  for (const child of part.children) {
    const found = htmlPart(child);
    if (found !== null) return found;
  }
  return null;
}

// The Message-IDs of a References or In-Reply-To value, each `<left@right>` (RFC 5322 §3.6.4), in order.
function msgIds(value: string): string[] {
  return value.match(/<[^\s<>]+@[^\s<>]+>/g) ?? [];
}

function addresses(mailboxes: readonly Mailbox[]): string {
  return formatAddressList(mailboxes);
}

function fieldValue(part: MessagePart, name: string): string | null {
  return findField(part.headers, name)?.value.trim() ?? null;
}

// Checks the addresses of a To or Cc field: every one must parse, and To must name at least one.
function readAddresses(
  text: string,
  field: 'To' | 'Cc',
): { ok: true; list: Mailbox[] } | { ok: false; error: string } {
  if (text.trim() === '')
    return field === 'To'
      ? { ok: false, error: 'Say whom the message is for (To).' }
      : { ok: true, list: [] };
  const parsed = parseAddressList(text);
  const bad = parsed.mailboxes.find((m) => !/^[^\s@<>]+@[A-Za-z0-9.-]+$/.test(m.address));
  if (parsed.problems.length > 0 || parsed.mailboxes.length === 0 || bad !== undefined)
    return { ok: false, error: `${field} is not a list of addresses such as alice@crepes.fr.` };
  return { ok: true, list: parsed.mailboxes };
}

/**
 * WebmailApp answers the webmail's requests: GET /login and POST /login (a session cookie on success), GET /inbox,
 * GET /message/<uid>, GET /compose and POST /send, GET /folders, POST /logout, and /style.css. Pages of a session
 * need its cookie; without one they redirect to /login. Each POST that succeeds answers 303 to the page to see.
 */
export class WebmailApp {
  readonly #options: WebmailOptions;
  readonly #sessions = new Map<string, WebmailAccount>();
  readonly #routes: readonly Route[];

  constructor(options: WebmailOptions) {
    this.#options = options;
    this.#routes = [
      { path: '/', methods: { GET: (x) => this.#redirect(x, x.session === null ? '/login' : '/inbox') } },
      { path: '/login', methods: { GET: (x) => this.#loginForm(x), POST: (x) => this.#login(x) } },
      { path: '/logout', methods: { POST: (x) => this.#logout(x) } },
      { path: '/inbox', methods: { GET: (x) => this.#signedIn(x, (account) => this.#list(x, account)) } },
      {
        path: '/folders',
        methods: { GET: (x) => this.#signedIn(x, (account) => this.#folders(x, account)) },
      },
      {
        path: /^\/message\/([1-9][0-9]{0,9})$/,
        methods: { GET: (x) => this.#signedIn(x, (a) => this.#message(x, a)) },
      },
      {
        path: '/compose',
        methods: { GET: (x) => this.#signedIn(x, (account) => this.#compose(x, account)) },
      },
      { path: '/send', methods: { POST: (x) => this.#send(x) } },
      { path: '/style.css', methods: { GET: (x) => this.#stylesheet(x) } },
    ];
  }

  /** sessionCount is how many sessions are open, for tests. */
  get sessionCount(): number {
    return this.#sessions.size;
  }

  /** respond answers one request by calling `reply` once, perhaps later, when the mail system has answered. */
  respond(request: HttpRequest, reply: Reply): void {
    const target = splitTarget(request.target);
    if (target === null)
      return reply(
        this.#page(
          400,
          errorPage(400, REASONS[400] ?? '', 'The request-target is not a path this site has.'),
          null,
        ),
      );
    const id = cookieValue(headerValue(request.headers, 'cookie'), SESSION_COOKIE);
    const account = id === undefined ? undefined : this.#sessions.get(id);
    const session = id !== undefined && account !== undefined ? { id, account } : null;
    for (const route of this.#routes) {
      const match =
        typeof route.path === 'string'
          ? route.path === target.path
            ? [target.path]
            : null
          : route.path.exec(target.path);
      if (match === null) continue;
      // HEAD is GET without the body (RFC 9110 §9.3.2); the HTTP machine leaves the body out.
      const method = request.method === 'HEAD' && route.methods.GET !== undefined ? 'GET' : request.method;
      const handler = route.methods[method];
      if (handler === undefined) {
        const methods = Object.keys(route.methods);
        const allow = (methods.includes('GET') ? [...methods, 'HEAD'] : methods).join(', ');
        const page = errorPage(405, REASONS[405] ?? '', `This address answers ${allow} only.`);
        return reply(this.#page(405, page, session?.account.user ?? null, [['Allow', allow]]));
      }
      return handler({ request, path: target.path, query: target.query, match: [...match], session, reply });
    }
    reply(
      this.#page(
        404,
        errorPage(404, REASONS[404] ?? '', 'There is nothing at this address.'),
        session?.account.user ?? null,
      ),
    );
  }

  #response(status: number, headers: HttpHeaders, body: string): HttpResponse {
    return {
      status,
      reason: REASONS[status] ?? '',
      headers,
      body,
    };
  }

  #page(status: number, page: Page, user: string | null, extra: HttpHeaders = []): HttpResponse {
    return this.#response(
      status,
      [
        ['Content-Type', 'text/html; charset=utf-8'],
        ['Cache-Control', 'no-store'],
        ['Content-Security-Policy', PAGE_POLICY],
        ...extra,
      ],
      utf8ToOctets(document(page, user)),
    );
  }

  // RFC 9110 §15.4.4: 303 sends the browser to GET another page, so a reload does not post the form again.
  #redirect(x: Exchange, location: string, extra: HttpHeaders = []): void {
    x.reply(this.#response(303, [['Location', location], ...extra], ''));
  }

  #signedIn(x: Exchange, then: (account: WebmailAccount) => void): void {
    if (x.session === null) return this.#redirect(x, '/login');
    then(x.session.account);
  }

  #stylesheet(x: Exchange): void {
    // The stylesheet is the same for everyone and may be cached (RFC 9111 §5.2.2.1).
    x.reply(
      this.#response(
        200,
        [
          ['Content-Type', 'text/css; charset=utf-8'],
          ['Cache-Control', 'max-age=3600'],
        ],
        STYLESHEET,
      ),
    );
  }

  #loginForm(x: Exchange): void {
    x.reply(this.#page(200, loginPage(this.#options.hostname, null), null));
  }

  // The login is checked by the mail server itself: the webmail logs in to IMAP with the pair, as Roundcube does.
  #login(x: Exchange): void {
    const fields = this.#formOf(x, (error) => loginPage(this.#options.hostname, error));
    if (fields === null) return;
    const user = formField(fields, 'user')?.trim() ?? '';
    const password = formField(fields, 'password') ?? '';
    if (user === '' || password === '')
      return x.reply(
        this.#page(400, loginPage(this.#options.hostname, 'Give a user name and a password.', user), null),
      );
    const account = { user, password };
    this.#options.access.login(account, (answer) => {
      if (answer.ok) {
        const id = this.#options.newSessionId();
        // A Map keeps insertion order, so the first key is the oldest session.
        const oldest = this.#sessions.keys().next();
        if (this.#sessions.size >= MAX_SESSIONS && oldest.done !== true) this.#sessions.delete(oldest.value);
        this.#sessions.set(id, account);
        this.#options.note({ action: 'login', user });
        // RFC 6265 §4.1: no Domain attribute, so the cookie goes back to this host only; HttpOnly keeps it from
        // scripts, SameSite=Strict from requests other sites start (RFC 6265bis §4.1.2.7).
        const cookie = `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict`;
        return this.#redirect(x, '/inbox', [['Set-Cookie', cookie]]);
      }
      if (answer.failure.kind === 'refused') this.#options.note({ action: 'refused', user });
      // A refused login is 401 with the form again, as Roundcube answers it; there is no HTTP authentication
      // scheme to challenge with (RFC 9110 §15.5.2), the form is the way in.
      const [status, error] =
        answer.failure.kind === 'refused'
          ? [401, 'Wrong user name or password.']
          : [503, `The mail server cannot be reached: ${answer.failure.text}`];
      x.reply(this.#page(status, loginPage(this.#options.hostname, error, user), null));
    });
  }

  #logout(x: Exchange): void {
    if (x.session !== null) {
      this.#sessions.delete(x.session.id);
      this.#options.note({ action: 'logout', user: x.session.account.user });
    }
    // RFC 6265 §3.1: a cookie that expires at once is how a server removes it.
    this.#redirect(x, '/login', [
      ['Set-Cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`],
    ]);
  }

  #folder(x: Exchange): string {
    return formField(x.query, 'folder') ?? 'INBOX';
  }

  // A failure of the mail system as a page: 404 for what does not exist, 503 when the server could not be reached.
  #failed(x: Exchange, failure: AccessFailure, account: WebmailAccount): void {
    if (failure.kind === 'notFound')
      return x.reply(this.#page(404, errorPage(404, REASONS[404] ?? '', failure.text), account.user));
    // The password worked at login, so a refusal now is the server's (a fault, a changed password): no session.
    if (failure.kind === 'refused' && x.session !== null) this.#sessions.delete(x.session.id);
    const detail = `The mail server did not answer as it should: ${failure.text}`;
    x.reply(this.#page(503, errorPage(503, REASONS[503] ?? '', detail), account.user));
  }

  #answered<T>(x: Exchange, account: WebmailAccount, then: (value: T) => void): (answer: Access<T>) => void {
    return (answer) => (answer.ok ? then(answer.value) : this.#failed(x, answer.failure, account));
  }

  #list(x: Exchange, account: WebmailAccount): void {
    const folder = this.#folder(x);
    const notice = formField(x.query, 'sent') === undefined ? null : 'Your message was sent.';
    this.#options.access.headers(
      account,
      folder,
      this.#answered(x, account, (messages) => {
        const rows = messages.map((m) => ({
          uid: m.uid,
          from: m.from,
          subject: m.subject,
          size: m.size,
          seen: m.flags.includes('\\Seen'),
        }));
        x.reply(this.#page(200, listPage(folder, rows, notice), account.user));
      }),
    );
  }

  #folders(x: Exchange, account: WebmailAccount): void {
    this.#options.access.folders(
      account,
      this.#answered(x, account, (folders) => x.reply(this.#page(200, foldersPage(folders), account.user))),
    );
  }

  #message(x: Exchange, account: WebmailAccount): void {
    const folder = this.#folder(x);
    const uid = Number(x.match[1]);
    this.#options.access.message(
      account,
      folder,
      uid,
      this.#answered(x, account, (raw) =>
        x.reply(this.#page(200, messagePage(this.#view(folder, uid, raw)), account.user)),
      ),
    );
  }

  #view(folder: string, uid: number, raw: string): MessageView {
    const parsed = parseMessage(raw);
    const html = htmlPart(parsed.root);
    return {
      folder,
      uid,
      subject: parsed.subject,
      from: addresses(parsed.from),
      to: addresses(parsed.to),
      cc: addresses(parsed.cc),
      date: fieldValue(parsed.root, 'date'),
      text: parsed.text,
      html:
        html === null || html.decoded.kind !== 'text' ? null : sandboxDocument(cleanHtml(html.decoded.text)),
      attachments: parsed.attachments.map((part) => ({
        filename: part.filename ?? '(no name)',
        size:
          part.decoded.kind === 'text' || part.decoded.kind === 'binary'
            ? part.decoded.octets.length
            : part.bodyEnd - part.bodyStart,
      })),
    };
  }

  // GET /compose is a blank form; with ?reply=<uid> it answers that message: To its sender, Re: its subject.
  #compose(x: Exchange, account: WebmailAccount): void {
    const reply = formField(x.query, 'reply');
    if (reply === undefined) return x.reply(this.#page(200, composePage(EMPTY_DRAFT, null), account.user));
    const uid = Number(reply);
    if (!/^[1-9][0-9]{0,9}$/.test(reply))
      return x.reply(
        this.#page(
          400,
          errorPage(400, REASONS[400] ?? '', 'reply= must name a message by its UID.'),
          account.user,
        ),
      );
    this.#options.access.message(
      account,
      this.#folder(x),
      uid,
      this.#answered(x, account, (raw) => {
        const parsed = parseMessage(raw);
        const replyTo = parseAddressList(fieldValue(parsed.root, 'reply-to') ?? '').mailboxes;
        const quoted = (parsed.text ?? '')
          .replace(/\r?\n$/, '')
          .split(/\r?\n/)
          .map((line) => `> ${line}`)
          .join('\n');
        // RFC 5322 §3.6.4: the parent's References (or, without them, its In-Reply-To), then its Message-ID.
        const thread = msgIds(
          fieldValue(parsed.root, 'references') ?? fieldValue(parsed.root, 'in-reply-to') ?? '',
        );
        const draft: Draft = {
          to: addresses(replyTo.length > 0 ? replyTo : parsed.from),
          cc: '',
          subject: replyPrefix(parsed.subject),
          body: `\n\n${quoted}\n`,
          inReplyTo: parsed.messageId ?? '',
          references: parsed.messageId === null ? '' : [...thread, parsed.messageId].join(' '),
        };
        x.reply(this.#page(200, composePage(draft, null), account.user));
      }),
    );
  }

  #send(x: Exchange): void {
    if (x.session === null) {
      const page = loginPage(this.#options.hostname, 'Your session has ended: log in again to send.');
      return x.reply(this.#page(401, page, null));
    }
    const account = x.session.account;
    const fields = this.#formOf(x, (error) => composePage(EMPTY_DRAFT, error), account.user);
    if (fields === null) return;
    const draft: Draft = {
      to: formField(fields, 'to') ?? '',
      cc: formField(fields, 'cc') ?? '',
      subject: formField(fields, 'subject') ?? '',
      body: formField(fields, 'body') ?? '',
      inReplyTo: formField(fields, 'in-reply-to') ?? '',
      references: formField(fields, 'references') ?? '',
    };
    const to = readAddresses(draft.to, 'To');
    const cc = readAddresses(draft.cc, 'Cc');
    const inReplyTo = draft.inReplyTo.trim();
    const references = msgIds(draft.references);
    const error = !to.ok
      ? to.error
      : !cc.ok
        ? cc.error
        : inReplyTo !== '' && !/^<[^\s<>]+@[^\s<>]+>$/.test(inReplyTo)
          ? 'in-reply-to is not a Message-ID such as <1234@crepes.fr>.'
          : references.length !==
              draft.references
                .trim()
                .split(/\s+/)
                .filter((w) => w !== '').length
            ? 'references is not a list of Message-IDs such as <1234@crepes.fr>.'
            : null;
    if (error !== null || !to.ok || !cc.ok)
      return x.reply(this.#page(400, composePage(draft, error), account.user));
    const mail = {
      to: to.list,
      cc: cc.list,
      subject: draft.subject,
      // A textarea's lines end in CRLF on the wire (HTML §4.10.11); the message builder writes its own.
      text: draft.body.replace(/\r\n/g, '\n'),
      inReplyTo: inReplyTo === '' ? null : inReplyTo,
      // A form without the thread (one typed by hand) still names the message answered.
      references: inReplyTo === '' ? [] : references.length > 0 ? references : [inReplyTo],
    };
    this.#options.access.send(account, mail, (answer) => {
      if (answer.ok) return this.#redirect(x, `/inbox?sent=1`);
      const status = answer.failure.kind === 'unavailable' ? 503 : 502;
      const sentence =
        answer.failure.kind === 'unavailable'
          ? `The mail server cannot be reached: ${answer.failure.text}`
          : `The mail server refused the message: ${answer.failure.text}`;
      x.reply(this.#page(status, composePage(draft, sentence), account.user));
    });
  }

  // A POST's body must be a form (415 otherwise, RFC 9110 §15.5.16) whose percent-escapes read (400 otherwise).
  #formOf(x: Exchange, form: (error: string) => Page, user: string | null = null): FormFields | null {
    if (!isForm(x.request)) {
      x.reply(
        this.#page(415, form(`The form must be sent as ${FORM_TYPE}.`), user, [['Accept-Post', FORM_TYPE]]),
      );
      return null;
    }
    const parsed = parseForm(x.request.body);
    if (!parsed.ok) {
      x.reply(this.#page(400, form(`The form could not be read: ${parsed.problem}.`), user));
      return null;
    }
    return parsed.fields;
  }
}
