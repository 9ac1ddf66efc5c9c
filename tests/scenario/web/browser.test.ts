// The browser as a user agent over simulated TCP: pages and their stylesheet over one kept-alive connection,
// cookies after a login, a new connection once the server has closed the idle one, and a connection error (not a
// hang) when the web server's host is down. The site is a small application served through listenHttp.
import { describe, expect, it } from 'vitest';
import { headerValue, type HttpResponse } from '../../../src/protocols/http/message.ts';
import type { ServiceContext } from '../../../src/sim/services/service.ts';
import { isKind } from '../../../src/sim/trace.ts';
import { Browser } from '../../../src/sim/web/browser.ts';
import { webHarness } from '../../unit/sim/httpHarness.ts';

const html = (title: string): HttpResponse => ({
  status: 200,
  reason: 'OK',
  headers: [['Content-Type', 'text/html; charset=utf-8']],
  body: `<!doctype html><title>${title}</title><link rel="stylesheet" href="/style.css"><p>${title}</p>`,
});
const seeOther = (location: string, cookie?: string): HttpResponse => ({
  status: 303,
  reason: 'See Other',
  headers: [['Location', location], ...(cookie === undefined ? [] : [['Set-Cookie', cookie] as const])],
  body: '',
});

function site() {
  const web = webHarness({
    allow: (path) =>
      ({ '/': ['GET'], '/style.css': ['GET'], '/login': ['POST'], '/inbox': ['GET'] })[path] ?? null,
    respond: (request, reply) => {
      const signedIn = headerValue(request.headers, 'cookie') === 'session=s3cr3t';
      if (request.target === '/style.css')
        return reply({ status: 200, reason: 'OK', headers: [['Content-Type', 'text/css']], body: 'p{}' });
      if (request.target === '/login')
        return reply(
          request.body === 'user=bob&password=hungry'
            ? seeOther('/inbox', 'session=s3cr3t; Path=/; HttpOnly')
            : seeOther('/'),
        );
      if (request.target === '/inbox') return reply(signedIn ? html('Inbox') : seeOther('/'));
      reply(html('Welcome'));
    },
  });
  const clientCtx: ServiceContext = { ...web.ctx, host: 'client', httpFaults: undefined };
  const browser = new Browser(clientCtx);
  const pages = () => web.kernel.trace.slice().filter(isKind('web.page'));
  const fetches = () => web.kernel.trace.slice().filter(isKind('web.fetch'));
  return { web, browser, pages, fetches };
}

describe('the browser as a user agent', () => {
  it('loads a page and its stylesheet on one kept-alive connection', () => {
    const { web, browser, pages, fetches } = site();
    browser.open('http://192.0.2.2/');
    web.run(2000);
    expect(pages()).toMatchObject([
      {
        action: 'open',
        target: '/',
        status: 200,
        title: 'Welcome',
        requests: 2,
        objects: 2,
        connections: ['c1'],
      },
    ]);
    expect(fetches().map((f) => [f.target, f.conn, f.request, f.reused])).toEqual([
      ['/', 'c1', 1, false],
      ['/style.css', 'c1', 2, true],
    ]);
    expect(web.kernel.trace.slice().filter(isKind('conn.opened'))).toHaveLength(1);
  });

  it('posts the login form, keeps the cookie, and follows 303 to the inbox', () => {
    const { web, browser, pages } = site();
    browser.open('http://192.0.2.2/');
    web.run(1000);
    browser.login('bob', 'hungry');
    web.run(1000);
    expect(pages()[1]).toMatchObject({
      action: 'login',
      target: '/inbox',
      status: 200,
      title: 'Inbox',
      requests: 2,
    });
    const cookieLines = web.lines('client').filter((l) => l.args?.['name'] === 'Cookie');
    expect(cookieLines.map((l) => [l.line, l.args?.['credential']])).toEqual([
      ['Cookie: session=s3cr3t', true],
    ]);
    expect(
      web.kernel.trace
        .slice()
        .filter(isKind('http.body'))
        .filter((b) => b.from === 'client'),
    ).toMatchObject([{ content: 'user=bob&password=hungry', credential: true }]);
  });

  it('opens a new connection when the server has closed the idle one', () => {
    const { web, browser, fetches } = site();
    browser.open('http://192.0.2.2/');
    web.run(10_000);
    expect(web.exchanges().every((e) => e.conn === 'c1')).toBe(true);
    browser.open('/');
    web.run(1000);
    expect(fetches().at(-1)).toMatchObject({
      target: '/',
      conn: 'c2',
      request: 1,
      reused: false,
      status: 200,
    });
    expect(
      web.kernel.trace
        .slice()
        .filter(isKind('conn.opened'))
        .map((c) => c.conn),
    ).toEqual(['c1', 'c2']);
  });

  it('reports a connection error, not a hang, when the web server is down', () => {
    const { web, browser, pages } = site();
    web.net.setHostUp('server', false);
    browser.open('http://192.0.2.2/');
    web.run(10 * 60_000);
    expect(pages()).toMatchObject([{ action: 'open', outcome: 'failed', status: null }]);
    expect(pages()[0]?.failure).toMatchObject({
      why: 'connect',
      server: '192.0.2.2',
      address: '192.0.2.2',
      port: 80,
    });
  });

  it('shows the forced 503 page a teacher injected', () => {
    const { web, browser, pages } = site();
    web.ctx.httpFaults?.add({ status: 503, every: 1 });
    browser.open('http://192.0.2.2/');
    web.run(1000);
    expect(pages()).toMatchObject([{ status: 503, outcome: 'ok', objects: 1 }]);
  });

  it('needs a site open before it can log in', () => {
    const { web, browser, pages } = site();
    browser.login('bob', 'hungry');
    web.run(1000);
    expect(pages()).toMatchObject([{ action: 'login', outcome: 'failed' }]);
  });
});
