import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../../src/protocols/message/buildMessage.ts';
import { headerValue, type HttpRequest, type HttpResponse } from '../../../../src/protocols/http/message.ts';
import { octetsToUtf8 } from '../../../../src/protocols/shared/octets.ts';
import type { ImapMessageHeader } from '../../../../src/sim/trace.ts';
import type {
  Access,
  MailAccess,
  OutgoingMail,
  WebmailAccount,
} from '../../../../src/sim/webmail/mailAccess.ts';
import { MAX_SESSIONS, WebmailApp, type WebmailFact } from '../../../../src/sim/webmail/webmailApp.ts';

const lunch = buildMessage({
  from: { name: 'Alice', address: 'alice@crepes.fr' },
  to: ['bob@hamburger.edu'],
  subject: 'Lunch <b>today</b>',
  date: Date.UTC(2026, 8, 1, 0, 3),
  messageId: '<lunch.1@crepes.fr>',
  text: 'Do you like ketchup?\n<script>alert(1)</script>',
  // Lunch itself answers an earlier message of the thread (RFC 5322 §3.6.4).
  extraHeaders: [
    { name: 'In-Reply-To', value: '<menu.2@crepes.fr>' },
    { name: 'References', value: '<menu.1@crepes.fr> <menu.2@crepes.fr>' },
  ],
}).octets;

const hostile = buildMessage({
  from: 'mallory@evil.example',
  to: ['bob@hamburger.edu'],
  subject: 'Prize',
  date: Date.UTC(2026, 8, 1, 0, 4),
  messageId: '<prize.1@evil.example>',
  text: 'You won.',
  html: '<p onclick="steal()">You <b>won</b></p><script>steal()</script><img src="https://evil.example/pixel">',
}).octets;

/** A mail system in memory: Bob's two messages, and a log of every call the webmail made. */
class MemoryAccess implements MailAccess {
  readonly calls: string[] = [];
  readonly sent: OutgoingMail[] = [];
  down = false;
  readonly #messages = new Map([
    [1, lunch],
    [2, hostile],
  ]);

  #check<T>(account: WebmailAccount, value: () => Access<T>): Access<T> {
    if (this.down) return { ok: false, failure: { kind: 'unavailable', text: 'connection refused' } };
    if (account.user !== 'bob' || account.password !== 'hungry')
      return { ok: false, failure: { kind: 'refused', text: 'LOGIN failed' } };
    return value();
  }

  login(account: WebmailAccount, done: (answer: Access<null>) => void): void {
    this.calls.push(`login ${account.user}`);
    done(this.#check(account, () => ({ ok: true, value: null })));
  }

  folders(account: WebmailAccount, done: (answer: Access<readonly string[]>) => void): void {
    this.calls.push('folders');
    done(this.#check(account, () => ({ ok: true, value: ['INBOX', 'Trash', '<Sent>'] })));
  }

  headers(
    account: WebmailAccount,
    folder: string,
    done: (answer: Access<readonly ImapMessageHeader[]>) => void,
  ): void {
    this.calls.push(`headers ${folder}`);
    const headers: ImapMessageHeader[] = [
      {
        uid: 1,
        subject: 'Lunch <b>today</b>',
        from: 'Alice <alice@crepes.fr>',
        size: 400,
        flags: ['\\Seen'],
      },
      { uid: 2, subject: 'Prize', from: 'mallory@evil.example', size: 700, flags: [] },
    ];
    done(
      this.#check(account, () =>
        folder === 'INBOX'
          ? { ok: true, value: headers }
          : { ok: false, failure: { kind: 'notFound', text: `no folder ${folder}` } },
      ),
    );
  }

  message(
    account: WebmailAccount,
    folder: string,
    uid: number,
    done: (answer: Access<string>) => void,
  ): void {
    this.calls.push(`message ${folder} ${uid}`);
    const raw = this.#messages.get(uid);
    done(
      this.#check(account, () =>
        raw === undefined
          ? { ok: false, failure: { kind: 'notFound', text: `no message ${uid}` } }
          : { ok: true, value: raw },
      ),
    );
  }

  send(
    account: WebmailAccount,
    mail: OutgoingMail,
    done: (answer: Access<{ readonly messageId: string }>) => void,
  ): void {
    this.calls.push('send');
    this.sent.push(mail);
    done(this.#check(account, () => ({ ok: true, value: { messageId: '<sent.1@hamburger.edu>' } })));
  }
}

function setup() {
  const access = new MemoryAccess();
  const facts: WebmailFact[] = [];
  let ids = 0;
  const app = new WebmailApp({
    hostname: 'webmail.hamburger.edu',
    access,
    newSessionId: () => `s${++ids}`,
    note: (fact) => facts.push(fact),
  });
  const ask = (request: Partial<HttpRequest> & { target: string }): HttpResponse => {
    let answer: HttpResponse | null = null;
    app.respond({ method: 'GET', version: 'HTTP/1.1', headers: [], body: '', ...request }, (response) => {
      if (answer !== null) throw new Error('answered twice');
      answer = response;
    });
    if (answer === null) throw new Error('not answered');
    return answer;
  };
  const form = (target: string, body: string, cookie?: string): HttpResponse =>
    ask({
      method: 'POST',
      target,
      body,
      headers: [
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ...(cookie === undefined ? [] : [['Cookie', cookie] as const]),
      ],
    });
  const login = (): string => {
    const response = form('/login', 'user=bob&password=hungry');
    const cookie = headerValue(response.headers, 'set-cookie') ?? '';
    return cookie.split(';')[0] ?? '';
  };
  const page = (target: string, cookie: string) => ask({ target, headers: [['Cookie', cookie]] });
  return { app, access, facts, ask, form, login, page };
}

const text = (response: HttpResponse) => octetsToUtf8(response.body);

describe('the webmail login', () => {
  it('serves a login form that posts user and password to /login', () => {
    const { ask } = setup();
    const response = ask({ target: '/login' });
    expect(response.status).toBe(200);
    expect(headerValue(response.headers, 'content-type')).toBe('text/html; charset=utf-8');
    expect(text(response)).toContain('<form method="post" action="/login">');
    expect(text(response)).toContain('name="password" type="password"');
  });

  it('logs Bob in with his password, sets a host-only HttpOnly SameSite cookie and redirects to the inbox', () => {
    const { form, access, facts } = setup();
    const response = form('/login', 'user=bob&password=hungry');
    expect(response.status).toBe(303);
    expect(headerValue(response.headers, 'location')).toBe('/inbox');
    const cookie = headerValue(response.headers, 'set-cookie') ?? '';
    const attributes = cookie.split(';').map((a) => a.trim());
    expect(attributes[0]).toBe('session=s1');
    expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict']));
    expect(attributes.some((a) => /^domain=/i.test(a))).toBe(false);
    expect(access.calls).toEqual(['login bob']);
    expect(facts).toEqual([{ action: 'login', user: 'bob' }]);
  });

  it('answers a wrong password with 401 and the form with an error, and opens no session', () => {
    const { form, app, facts } = setup();
    const response = form('/login', 'user=bob&password=wrong');
    expect(response.status).toBe(401);
    expect(headerValue(response.headers, 'set-cookie')).toBeUndefined();
    expect(text(response)).toContain('Wrong user name or password.');
    expect(text(response)).toContain('value="bob"');
    expect(app.sessionCount).toBe(0);
    expect(facts).toEqual([{ action: 'refused', user: 'bob' }]);
  });

  it('answers 503 with the form when the mail server cannot be reached', () => {
    const { form, access, app } = setup();
    access.down = true;
    const response = form('/login', 'user=bob&password=hungry');
    expect(response.status).toBe(503);
    expect(text(response)).toContain('connection refused');
    expect(app.sessionCount).toBe(0);
  });

  it('refuses an empty password without asking the mail server', () => {
    const { form, access } = setup();
    expect(form('/login', 'user=bob&password=').status).toBe(400);
    expect(form('/login', 'user=bob').status).toBe(400);
    expect(access.calls).toEqual([]);
  });

  it('refuses a login body that is not a form with 415, and one with a broken escape with 400', () => {
    const { ask, form, access } = setup();
    const json = ask({
      method: 'POST',
      target: '/login',
      headers: [['Content-Type', 'application/json']],
      body: '{"user":"bob"}',
    });
    expect(json.status).toBe(415);
    expect(headerValue(json.headers, 'accept-post')).toBe('application/x-www-form-urlencoded');
    expect(ask({ method: 'POST', target: '/login', body: 'user=bob&password=hungry' }).status).toBe(415);
    expect(form('/login', 'user=bob&password=hun%gry').status).toBe(400);
    expect(access.calls).toEqual([]);
  });

  it('reads percent-escapes and + in a form as UTF-8', () => {
    const { form, access } = setup();
    form('/login', 'user=bob&password=hun%67ry+');
    expect(access.calls).toEqual(['login bob']);
  });

  it('ends the session on logout: the cookie expires and the old id no longer opens the inbox', () => {
    const { form, login, page, facts, access } = setup();
    const cookie = login();
    const out = form('/logout', '', cookie);
    expect(out.status).toBe(303);
    expect(headerValue(out.headers, 'location')).toBe('/login');
    expect(headerValue(out.headers, 'set-cookie')).toContain('Max-Age=0');
    expect(facts.at(-1)).toEqual({ action: 'logout', user: 'bob' });
    const after = page('/inbox', cookie);
    expect(after.status).toBe(303);
    expect(access.calls).toEqual(['login bob']);
  });
});

describe('the webmail pages of a session', () => {
  it('sends a request without a session to /login and asks nothing of the mail server', () => {
    const { ask, page, access } = setup();
    for (const target of ['/inbox', '/folders', '/message/1', '/compose']) {
      for (const response of [ask({ target }), page(target, 'session=guessed')]) {
        expect(response.status).toBe(303);
        expect(headerValue(response.headers, 'location')).toBe('/login');
      }
    }
    expect(access.calls).toEqual([]);
  });

  it('lists the inbox newest first, each subject escaped and linked to its message', () => {
    const { login, page } = setup();
    const response = page('/inbox', login());
    expect(response.status).toBe(200);
    const body = text(response);
    expect(body).toContain('<a href="/message/1">Lunch &lt;b&gt;today&lt;/b&gt;</a>');
    expect(body.indexOf('/message/2')).toBeLessThan(body.indexOf('/message/1'));
    expect(body).toContain('<tr class="unseen"><td>mallory@evil.example</td>');
    expect(body).toContain('<link rel="stylesheet" href="/style.css">');
    expect(headerValue(response.headers, 'cache-control')).toBe('no-store');
  });

  it('answers 404 for a folder the server does not have', () => {
    const { login, page } = setup();
    expect(page('/inbox?folder=Nowhere', login()).status).toBe(404);
  });

  it('lists folders as links, names escaped', () => {
    const { login, page } = setup();
    const body = text(page('/folders', login()));
    expect(body).toContain('<a href="/inbox?folder=Trash">Trash</a>');
    expect(body).toContain('<a href="/inbox?folder=%3CSent%3E">&lt;Sent&gt;</a>');
  });

  it('shows a message with its header fields, and markup in its text as text', () => {
    const { login, page } = setup();
    const response = page('/message/1', login());
    expect(response.status).toBe(200);
    const body = text(response);
    expect(body).toContain('<title>Lunch &lt;b&gt;today&lt;/b&gt;</title>');
    expect(body).toContain('Alice &lt;alice@crepes.fr&gt;');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toContain('<script>');
    expect(body).toContain('<a href="/compose?reply=1">Reply</a>');
  });

  it('shows an HTML part only sanitised, in a sandboxed frame: no script, no handler, no load', () => {
    const { login, page } = setup();
    const body = text(page('/message/2', login()));
    const frame = /<iframe sandbox="" [^>]*srcdoc="([^"]*)"><\/iframe>/.exec(body);
    expect(frame).not.toBeNull();
    const srcdoc = (frame?.[1] ?? '')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
    expect(srcdoc).toContain('You <b>won</b>');
    expect(srcdoc).not.toMatch(/<script|onclick|evil\.example\/pixel/);
    // Outside the frame's attribute, nothing of the part is markup.
    expect(body.replace(frame?.[0] ?? '', '')).not.toMatch(/<script|onclick|<img/);
    const policy = headerValue(page('/message/2', login()).headers, 'content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
  });

  it('answers 404 for a message that is not there', () => {
    const { login, page } = setup();
    expect(page('/message/9', login()).status).toBe(404);
  });

  it('serves the stylesheet to anyone, as CSS', () => {
    const { ask } = setup();
    const response = ask({ target: '/style.css' });
    expect(response.status).toBe(200);
    expect(headerValue(response.headers, 'content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for an unknown path, 405 with Allow for a wrong method, and 400 for a target that is no path', () => {
    const { ask, form } = setup();
    expect(ask({ target: '/admin' }).status).toBe(404);
    expect(ask({ target: '/message/0' }).status).toBe(404);
    expect(ask({ target: '/message/abc' }).status).toBe(404);
    const wrong = ask({ method: 'DELETE', target: '/inbox' });
    expect(wrong.status).toBe(405);
    expect(headerValue(wrong.headers, 'allow')).toBe('GET, HEAD');
    expect(headerValue(ask({ target: '/send' }).headers, 'allow')).toBe('POST');
    expect(headerValue(form('/login', '').headers, 'allow')).toBeUndefined();
    expect(ask({ target: 'http://webmail.hamburger.edu/inbox' }).status).toBe(400);
  });

  it('redirects / to the login page without a session and to the inbox with one', () => {
    const { ask, login, page } = setup();
    expect(headerValue(ask({ target: '/' }).headers, 'location')).toBe('/login');
    expect(headerValue(page('/', login()).headers, 'location')).toBe('/inbox');
  });

  it('answers HEAD where it answers GET, and lists HEAD in Allow', () => {
    const { ask } = setup();
    expect(ask({ method: 'HEAD', target: '/login' }).status).toBe(200);
    expect(headerValue(ask({ method: 'PUT', target: '/login' }).headers, 'allow')).toBe('GET, POST, HEAD');
    expect(ask({ method: 'HEAD', target: '/send' }).status).toBe(405);
  });
});

describe('sending from the webmail', () => {
  it('fills a reply from the message answered: To its sender, Re: its subject, its Message-ID', () => {
    const { login, page } = setup();
    const body = text(page('/compose?reply=1', login()));
    expect(body).toContain('name="to" value="Alice &lt;alice@crepes.fr&gt;"');
    expect(body).toContain('value="Re: Lunch &lt;b&gt;today&lt;/b&gt;"');
    expect(body).toContain('name="in-reply-to" value="&lt;lunch.1@crepes.fr&gt;"');
    // References: the parent's References, then the parent's own Message-ID.
    expect(body).toContain(
      'name="references" value="&lt;menu.1@crepes.fr&gt; &lt;menu.2@crepes.fr&gt; &lt;lunch.1@crepes.fr&gt;"',
    );
    expect(body).toContain('&gt; Do you like ketchup?');
  });

  it('sends the thread the reply form carried as References, and refuses a references field that is not Message-IDs', () => {
    const { login, form, access } = setup();
    const cookie = login();
    const thread = '%3Cmenu.1%40crepes.fr%3E+%3Clunch.1%40crepes.fr%3E';
    const ok = form(
      '/send',
      `to=alice%40crepes.fr&subject=Re&in-reply-to=%3Clunch.1%40crepes.fr%3E&references=${thread}`,
      cookie,
    );
    expect(ok.status).toBe(303);
    expect(access.sent.at(-1)).toMatchObject({
      inReplyTo: '<lunch.1@crepes.fr>',
      references: ['<menu.1@crepes.fr>', '<lunch.1@crepes.fr>'],
    });
    const bad = form(
      '/send',
      'to=alice%40crepes.fr&in-reply-to=%3Clunch.1%40crepes.fr%3E&references=nope',
      cookie,
    );
    expect(bad.status).toBe(400);
    expect(text(bad)).toContain('references is not a list of Message-IDs');
    expect(access.sent).toHaveLength(1);
  });

  it('sends a posted message and redirects to the inbox with a notice', () => {
    const { login, form, access, page } = setup();
    const cookie = login();
    const response = form(
      '/send',
      'to=Alice+%3Calice%40crepes.fr%3E&subject=Re%3A+Lunch&body=Yes%2C+ketchup%21%0D%0A%ED%95%9C%EA%B8%80&in-reply-to=%3Clunch.1%40crepes.fr%3E',
      cookie,
    );
    expect(response.status).toBe(303);
    expect(headerValue(response.headers, 'location')).toBe('/inbox?sent=1');
    expect(access.sent).toEqual([
      {
        to: [{ name: 'Alice', address: 'alice@crepes.fr' }],
        cc: [],
        subject: 'Re: Lunch',
        text: 'Yes, ketchup!\n한글',
        inReplyTo: '<lunch.1@crepes.fr>',
        references: ['<lunch.1@crepes.fr>'],
      },
    ]);
    expect(text(page('/inbox?sent=1', cookie))).toContain('Your message was sent.');
  });

  it('sends back the form with an error, keeping what was typed, for a bad address, and sends nothing', () => {
    const { login, form, access } = setup();
    const cookie = login();
    for (const body of [
      'to=&subject=x',
      'to=alice&subject=x',
      'to=alice%40crepes.fr&cc=%3C%3E',
      'to=a%40b.c&in-reply-to=nope',
    ]) {
      const response = form('/send', body, cookie);
      expect(response.status).toBe(400);
      expect(text(response)).toContain('class="error"');
    }
    expect(text(form('/send', 'to=alice&subject=%3Cb%3EHi', cookie))).toContain('value="&lt;b&gt;Hi"');
    expect(access.sent).toEqual([]);
  });

  it('refuses to send without a session (401), and sends nothing', () => {
    const { form, access } = setup();
    const response = form('/send', 'to=alice%40crepes.fr&subject=x&body=y');
    expect(response.status).toBe(401);
    expect(access.calls).toEqual([]);
  });

  it('answers 503 with the form kept when the mail server cannot take the message', () => {
    const { login, form, access } = setup();
    const cookie = login();
    access.down = true;
    const response = form('/send', 'to=alice%40crepes.fr&subject=Hello&body=y', cookie);
    expect(response.status).toBe(503);
    expect(text(response)).toContain('value="Hello"');
  });

  it('keeps at most MAX_SESSIONS sessions, forgetting the oldest first', () => {
    const { login, page, app } = setup();
    const first = login();
    const second = login();
    for (let i = 2; i < MAX_SESSIONS; i++) login();
    expect(app.sessionCount).toBe(MAX_SESSIONS);
    expect(page('/inbox', first).status).toBe(200);
    login();
    expect(app.sessionCount).toBe(MAX_SESSIONS);
    expect(page('/inbox', first).status).toBe(303);
    expect(page('/inbox', second).status).toBe(200);
  });

  it('draws session ids from the generator it is given, so a replay gives the same cookie', () => {
    const first = setup();
    const second = setup();
    expect(first.login()).toBe(second.login());
  });
});
