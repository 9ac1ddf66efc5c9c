// A web browser on a host, as the user agent of webmail: it opens pages with HTTP GET, posts forms, keeps the
// site's cookies, follows 303 redirects and fetches a page's stylesheet, over one persistent connection that it
// reuses while the server keeps it open and replaces when the server has closed it (RFC 9112 §9.3). What it did
// goes into the trace as `web.fetch` (each response) and `web.page` (each page a person asked for).
import { createActor, type ActorRefFrom } from 'xstate';
import type { Socket } from '../../net/socket.ts';
import type { ConnId } from '../../net/types.ts';
import { httpClientMachine } from '../../protocols/http/httpClientMachine.ts';
import { headerValue, type HttpHeaders, type HttpResponse } from '../../protocols/http/message.ts';
import { octetsToUtf8 } from '../../protocols/shared/octets.ts';
import type { WebDraft } from '../input.ts';
import { bindHttpSession, type HttpSessionHandle } from '../services/httpSession.ts';
import { reachServer } from '../services/openConnection.ts';
import type { ServiceContext } from '../services/service.ts';
import type {
  FetchRetry,
  Unreachable,
  WebAction,
  WebFailure,
  WebForm,
  WebFormField,
  WebLink,
} from '../trace.ts';
import { CookieJar } from './cookieJar.ts';
import { encodeForm } from './formEncoding.ts';
import { parseSiteUrl, siteName, type SiteUrl } from './siteUrl.ts';

/** USER_AGENT is what the browser calls itself (RFC 9110 §10.1.5). */
export const USER_AGENT = 'MailLab-Browser/1.0';

// A browser gives up on a chain of redirects after a few (RFC 9110 §15.4 warns of loops; browsers stop near 20).
const MAX_REDIRECTS = 5;
const FORM_TYPE = 'application/x-www-form-urlencoded';

interface Fetch {
  readonly url: SiteUrl;
  readonly method: 'GET' | 'POST';
  readonly body: string;
  readonly credential: boolean;
}

interface Navigation {
  readonly action: WebAction;
  readonly first: Fetch;
  /** fill writes the first request's body when the navigation starts, from the page open then (its form). */
  readonly fill?: () => string;
}

interface PageLoad {
  readonly action: WebAction;
  requests: number;
  objects: number;
  bytes: number;
  readonly conns: Set<ConnId>;
}

interface Connection {
  readonly site: string;
  readonly socket: Socket;
  readonly actor: ActorRefFrom<typeof httpClientMachine>;
  readonly session: HttpSessionHandle;
  /** waiting is told of the response (or failure) to the request in flight. */
  waiting: ((outcome: FetchOutcome) => void) | null;
}

type FetchOutcome =
  | { ok: true; response: HttpResponse; conn: ConnId }
  | { ok: false; failure: WebFailure; conn: ConnId | null; heard: boolean };

/** Browser is one browser window on a host: one page at a time, pages asked for later wait their turn. */
export class Browser {
  readonly #ctx: ServiceContext;
  readonly #jar = new CookieJar();
  readonly #cache = new Set<string>();
  readonly #queue: Navigation[] = [];
  #current: SiteUrl | null = null;
  #forms: readonly WebForm[] = [];
  #conn: Connection | null = null;
  #busy = false;

  constructor(ctx: ServiceContext) {
    this.#ctx = ctx;
  }

  /** open goes to an address (`http://webmail.hamburger.edu/inbox`, or a path on the site open now). */
  open(address: string): void {
    const url = parseSiteUrl(address, this.#current);
    if (url === null) return this.#report('open', null, { why: 'bad-address', address });
    this.#navigate('open', { url, method: 'GET', body: '', credential: false });
  }

  /** login posts the site's login form with `user` and `password`, as a person filling it in would. */
  login(user: string, password: string): void {
    this.#onSite(
      'login',
      '/login',
      'POST',
      encodeForm([
        ['user', user],
        ['password', password],
      ]),
      true,
    );
  }

  /** read opens message `uid` of `folder` (INBOX when left out) on the site open now. */
  read(uid: number, folder?: string): void {
    const query = folder === undefined || folder === 'INBOX' ? '' : `?${encodeForm([['folder', folder]])}`;
    this.#onSite('read', `/message/${uid}${query}`, 'GET', '', false);
  }

  /**
   * send posts the site's compose form: what the person typed, after the hidden fields of the form that posts to
   * /send on the page open when it is sent (a reply's In-Reply-To and References, as the site wrote them). A
   * draft's own inReplyTo answers that message instead, keeping the form's thread only when it names the same one.
   */
  send(draft: WebDraft): void {
    const typed: [string, string][] = [
      ['to', draft.to.join(', ')],
      ['cc', (draft.cc ?? []).join(', ')],
      ['subject', draft.subject ?? ''],
      ['body', draft.body ?? ''],
    ];
    const asked = draft.inReplyTo;
    this.#onSite(
      'send',
      '/send',
      'POST',
      () => {
        const form = this.#forms.find((f) => f.target === '/send');
        const hidden = (form?.fields ?? []).flatMap(({ name, type, value }) =>
          type === 'hidden' ? [[name, value] as const] : [],
        );
        const sameParent = hidden.some(([name, value]) => name === 'in-reply-to' && value === asked);
        const kept = hidden.filter(
          ([name]) =>
            !typed.some(([field]) => field === name) &&
            (asked === undefined || sameParent || (name !== 'in-reply-to' && name !== 'references')),
        );
        const parent: [string, string][] = asked === undefined || sameParent ? [] : [['in-reply-to', asked]];
        return encodeForm([...kept, ...typed, ...parent]);
      },
      false,
    );
  }

  #onSite(
    action: WebAction,
    target: string,
    method: 'GET' | 'POST',
    body: string | (() => string),
    credential: boolean,
  ): void {
    const site = this.#current;
    if (site === null) return this.#report(action, null, { why: 'no-site' });
    const url = { ...site, target };
    if (typeof body === 'string') return this.#navigate(action, { url, method, body, credential });
    this.#queue.push({ action, first: { url, method, body: '', credential }, fill: body });
    this.#next();
  }

  #navigate(action: WebAction, first: Fetch): void {
    this.#queue.push({ action, first });
    this.#next();
  }

  #next(): void {
    if (this.#busy) return;
    const navigation = this.#queue.shift();
    if (navigation === undefined) return;
    this.#busy = true;
    const page: PageLoad = { action: navigation.action, requests: 0, objects: 0, bytes: 0, conns: new Set() };
    const { first, fill } = navigation;
    this.#load(page, fill === undefined ? first : { ...first, body: fill() }, 0);
  }

  // One step of a page load: the request, then a redirect to follow, the stylesheets to fetch, or the end.
  #load(page: PageLoad, fetch: Fetch, redirects: number): void {
    this.#current = fetch.url;
    this.#fetch(page, fetch, (outcome) => {
      if (!outcome.ok) return this.#finish(page, fetch.url, null, null, outcome.failure);
      const response = outcome.response;
      const location = headerValue(response.headers, 'location');
      if (response.status >= 300 && response.status < 400 && location !== undefined) {
        const next = parseSiteUrl(location, fetch.url);
        if (next !== null && redirects < MAX_REDIRECTS)
          // RFC 9110 §15.4.4: after 303 the browser GETs the place named; browsers do the same after 301 and 302.
          return this.#load(page, { url: next, method: 'GET', body: '', credential: false }, redirects + 1);
      }
      const html = /^text\/html\b/i.test(headerValue(response.headers, 'content-type') ?? '');
      const body = octetsToUtf8(response.body);
      const sheets = html
        ? stylesheets(body).filter((path) => !this.#cache.has(`${siteName(fetch.url)}${path}`))
        : [];
      this.#fetchAll(page, fetch.url, sheets, () =>
        this.#finish(page, fetch.url, response, html ? rendered(body, fetch.url) : null, null),
      );
    });
  }

  // A page's stylesheets, one after another on the same connection (HTTP/1.1 without pipelining).
  #fetchAll(page: PageLoad, site: SiteUrl, paths: readonly string[], done: () => void): void {
    const [path, ...rest] = paths;
    if (path === undefined) return done();
    this.#fetch(
      page,
      { url: { ...site, target: path }, method: 'GET', body: '', credential: false },
      (outcome) => {
        if (outcome.ok && outcome.response.status === 200) this.#cache.add(`${siteName(site)}${path}`);
        this.#fetchAll(page, site, rest, done);
      },
    );
  }

  #finish(
    page: PageLoad,
    url: SiteUrl,
    response: HttpResponse | null,
    shown: Rendered | null,
    failure: WebFailure | null,
  ) {
    this.#forms = shown?.forms ?? [];
    this.#ctx.emit({
      kind: 'web.page',
      host: this.#ctx.host,
      site: siteName(url),
      action: page.action,
      target: url.target,
      status: response?.status ?? null,
      title: shown?.title ?? null,
      requests: page.requests,
      objects: page.objects,
      bytes: page.bytes,
      connections: [...page.conns],
      outcome: failure === null ? 'ok' : 'failed',
      reason: response?.reason ?? '',
      failure,
      text: shown?.text ?? '',
      links: shown?.links ?? [],
      ...(shown === null || shown.forms.length === 0 ? {} : { forms: shown.forms }),
    });
    this.#busy = false;
    this.#next();
  }

  #report(action: WebAction, url: SiteUrl | null, failure: WebFailure): void {
    this.#ctx.emit({
      kind: 'web.page',
      host: this.#ctx.host,
      site: url === null ? '' : siteName(url),
      action,
      target: url?.target ?? '',
      status: null,
      title: null,
      requests: 0,
      objects: 0,
      bytes: 0,
      connections: [],
      outcome: 'failed',
      reason: '',
      failure,
      text: '',
      links: [],
    });
  }

  // One request and its response, on the open connection when the server kept it, else on a new one. A request
  // that meets a close on a reused connection before any of its response came is sent once more on a new one.
  #fetch(page: PageLoad, fetch: Fetch, done: (outcome: FetchOutcome) => void, resent = false): void {
    page.requests += 1;
    this.#connection(fetch.url, (conn, how) => {
      if (conn === null) {
        const outcome: FetchOutcome = { ok: false, failure: how, conn: null, heard: false };
        this.#fetchFact(fetch, outcome, false, null, resent ? 'resent' : null);
        return done(outcome);
      }
      page.conns.add(conn.socket.conn);
      const reused = how === 'reused';
      const number = conn.actor.getSnapshot().context.requests + 1;
      conn.waiting = (outcome) => {
        conn.waiting = null;
        const resend =
          reused &&
          !outcome.ok &&
          outcome.failure.why === 'http' &&
          outcome.failure.failure === 'closed' &&
          !outcome.heard;
        this.#fetchFact(fetch, outcome, reused, number, resend ? 'resending' : resent ? 'resent' : null);
        // Whatever the method, POST included, as Chromium does (HttpNetworkTransaction::ShouldResendRequest): a
        // server closes a kept-alive connection when it has been idle (RFC 9112 §9.5), and the request crossed
        // that close on the wire, so the server never read it and never applied it. RFC 9110 §9.2.2 lets a client
        // retry a non-idempotent request automatically when it can tell the original was never applied, and RFC
        // 9112 §9.3.1 leaves a client to recover from such an asynchronous close. On a fresh connection, or once
        // some of the response came, nothing says the server did not act, so the failure stands; the resend goes
        // on a fresh connection, so a request is resent at most once.
        if (resend) return this.#fetch(page, fetch, done, true);
        if (outcome.ok) {
          page.objects += 1;
          page.bytes += outcome.response.body.length;
          this.#jar.store(fetch.url.host, outcome.response.headers);
        }
        done(outcome);
      };
      conn.session.send({
        type: 'request.send',
        request: {
          method: fetch.method,
          target: fetch.url.target,
          version: 'HTTP/1.1',
          headers: this.#headers(fetch),
          body: fetch.body,
        },
        credential: fetch.credential,
      });
    });
  }

  #headers(fetch: Fetch): HttpHeaders {
    const cookie = this.#jar.header(fetch.url.host);
    return [
      ['Host', siteName(fetch.url)],
      ['User-Agent', USER_AGENT],
      ['Accept', fetch.url.target.endsWith('.css') ? 'text/css' : 'text/html'],
      ...(cookie === null ? [] : [['Cookie', cookie] as const]),
      ...(fetch.method === 'POST' ? [['Content-Type', FORM_TYPE] as const] : []),
    ];
  }

  #fetchFact(
    fetch: Fetch,
    outcome: FetchOutcome,
    reused: boolean,
    request: number | null,
    retry: FetchRetry | null,
  ): void {
    this.#ctx.emit({
      kind: 'web.fetch',
      host: this.#ctx.host,
      site: siteName(fetch.url),
      conn: outcome.conn,
      request,
      method: fetch.method,
      target: fetch.url.target,
      reused,
      ...(retry === null ? {} : { retry }),
      status: outcome.ok ? outcome.response.status : null,
      reason: outcome.ok ? outcome.response.reason : '',
      size: outcome.ok ? outcome.response.body.length : 0,
      failure: outcome.ok ? null : outcome.failure,
    });
  }

  // The connection to use for `url`: the open one when it goes to the same site and is idle ('reused'), else a new
  // one ('new'); null with why when none could be made. A connection whose FIN this host's TCP has taken is not
  // idle: the session tells the machine at once (connection.closed), which ends, so it is never reused.
  #connection(
    url: SiteUrl,
    use: (...got: [conn: Connection, how: 'new' | 'reused'] | [conn: null, why: Unreachable]) => void,
  ): void {
    const open = this.#conn;
    const site = siteName(url);
    if (open !== null && open.site === site && open.actor.getSnapshot().hasTag('idle'))
      return use(open, 'reused');
    if (open !== null) open.socket.close();
    this.#conn = null;
    reachServer(
      this.#ctx,
      url.host,
      url.port,
      (socket) => use(this.#bind(site, socket), 'new'),
      (why) => use(null, why),
    );
  }

  #bind(site: string, socket: Socket): Connection {
    const actor = createActor(httpClientMachine, { clock: this.#ctx.kernel.clock });
    const conn: Connection = {
      site,
      socket,
      actor,
      session: { send: () => undefined },
      waiting: null,
    };
    actor.on('response.received', ({ response }) =>
      conn.waiting?.({ ok: true, response, conn: socket.conn }),
    );
    actor.on('response.failed', ({ failure, heard }) =>
      conn.waiting?.({ ok: false, failure: { why: 'http', failure }, conn: socket.conn, heard }),
    );
    actor.subscribe({
      complete: () => {
        if (this.#conn === conn) this.#conn = null;
      },
    });
    this.#conn = conn;
    const session = bindHttpSession(socket, actor, {
      host: this.#ctx.host,
      machine: 'http-client',
      emit: (e) => this.#ctx.emit(e),
    });
    return Object.assign(conn, { session });
  }
}

// The stylesheets a page links to on its own site (HTML's <link rel="stylesheet" href="/...">).
function stylesheets(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    if (!/\brel=["']?stylesheet\b/i.test(tag)) continue;
    const href = /\bhref=["']?(\/[^"'\s>]*)/i.exec(tag)?.[1];
    if (href !== undefined && !found.includes(href)) found.push(href);
  }
  return found;
}

function title(html: string): string | null {
  const match = /<title>([^<]*)<\/title>/i.exec(html);
  return match === null ? null : decodeEntities(match[1] ?? '').trim();
}

// A page's text is bounded, so a huge page cannot swell the trace.
const MAX_TEXT = 16_384;
const MAX_LINKS = 200;
const MAX_FORMS = 20;
// The input types a person types text into (HTML §4.10.5); others are not fields the panel can show.
const TEXT_INPUTS = new Set(['text', 'email', 'search', 'url', 'tel']);

interface Rendered {
  readonly title: string | null;
  readonly text: string;
  readonly links: WebLink[];
  readonly forms: WebForm[];
}

// What the browser shows of an HTML page: its title, its text a line per block (script, style, the head and
// sandboxed frames show nothing here), and its links on the same site, resolved as a click would resolve them.
function rendered(html: string, base: SiteUrl): Rendered {
  const visible = html.replace(/<(head|script|style|iframe)\b[\s\S]*?<\/\1\s*>/gi, '');
  const links: WebLink[] = [];
  for (const match of visible.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi)) {
    const href = /\bhref="([^"]*)"/i.exec(match[1] ?? '')?.[1];
    const url = href === undefined ? null : parseSiteUrl(decodeEntities(href), base);
    if (url === null || siteName(url) !== siteName(base) || links.length >= MAX_LINKS) continue;
    links.push({ target: url.target, text: inline(match[2] ?? '') });
  }
  const forms: WebForm[] = [];
  for (const match of visible.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form\s*>/gi)) {
    const action = attribute(match[1] ?? '', 'action');
    const url = action === null ? base : parseSiteUrl(action, base);
    if (url === null || siteName(url) !== siteName(base)) continue;
    const fields = formFields(match[2] ?? '');
    if (fields.length > 0 && forms.length < MAX_FORMS) forms.push({ target: url.target, fields });
  }
  const text = decodeEntities(
    visible
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|tr|li|h[1-6]|pre|table|nav|ul|form|label)\s*>/gi, '\n')
      .replace(/<\/t[dh]\s*>/gi, '  ')
      .replace(/<\/(a|span|button)\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
    .slice(0, MAX_TEXT);
  return { title: title(html), text, links, forms };
}

// A form's fields in page order, with the values the page wrote: inputs a person types into (no type, or a text
// type), hidden inputs, and textareas, whose first newline is not part of the value (HTML §13.2.6.4.7). A password's
// value is never taken, nor are buttons, checkboxes or files: the panel offers no such field.
function formFields(markup: string): WebFormField[] {
  const fields: WebFormField[] = [];
  for (const match of markup.matchAll(/<input\b([^>]*)>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea\s*>/gi)) {
    const tag = match[1] ?? match[2] ?? '';
    const name = attribute(tag, 'name');
    if (name === null) continue;
    if (match[1] === undefined) {
      const value = decodeEntities((match[3] ?? '').replace(/^\r?\n/, '')).slice(0, MAX_TEXT);
      fields.push({ name, type: 'textarea', value });
      continue;
    }
    const type = (attribute(tag, 'type') ?? 'text').toLowerCase();
    const kind = type === 'hidden' ? 'hidden' : TEXT_INPUTS.has(type) ? 'text' : null;
    // A hidden value is posted as it is, so it is kept whole; what a person sees is bounded like the page's text.
    const value = attribute(tag, 'value') ?? '';
    if (kind !== null)
      fields.push({ name, type: kind, value: kind === 'hidden' ? value : value.slice(0, MAX_TEXT) });
  }
  return fields;
}

// An attribute's value in a tag's attribute text, written in double quotes as the webmail writes them.
function attribute(attributes: string, name: string): string | null {
  const value = new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(attributes)?.[1];
  return value === undefined ? null : decodeEntities(value);
}

function inline(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

// The character references a page may use for text (HTML §13.5): the named few, and numeric ones.
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
