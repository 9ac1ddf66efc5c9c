// Real HTTP clients (curl and Python's http.client) against the bridge's webmail: a message a real SMTP client sent
// to Bob is listed and read in the webmail pages, a real client sends mail through it, and malformed requests get
// the protocol's own answers. What the clients sent is in the trace with its facts and in the log escaped, masked.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { TraceEvent } from '../../src/sim/trace.ts';
import { MASK } from '../../src/sim/shownLine.ts';
import { useBridge } from './bridgeUnderTest.ts';

type EventOf<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;

interface HttpAnswer {
  readonly status: number;
  readonly reason: string;
  readonly version: number;
  readonly headers: [string, string][];
  readonly body: string;
  readonly socket: number;
}

interface HttpClientResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly responses: HttpAnswer[];
}

type Step =
  | { readonly method: string; readonly path: string; readonly headers?: object; readonly body?: string }
  | { readonly raw: string };

const log: string[] = [];
const lab = useBridge({ smtp: 0, http: 0, log: (line) => log.push(line) });
const { processes } = lab;
const jarDir = mkdtempSync(join(tmpdir(), 'mail-lab-curl-'));
afterAll(() => rmSync(jarDir, { recursive: true, force: true }));

function site(path = '/'): string {
  return `http://127.0.0.1:${lab.port('http')}${path}`;
}

function curl(args: readonly string[]) {
  return processes.run('curl', ['-s', '--max-time', '10', ...args]);
}

async function httpClient(requests: readonly Step[]): Promise<HttpClientResult> {
  return JSON.parse(
    await lab.python('httpclient_client.py', { port: lab.port('http'), requests }),
  ) as HttpClientResult;
}

function header(answer: HttpAnswer | undefined, name: string): string | undefined {
  return answer?.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

// The exchanges and client lines of the bridge's own connections (b1, b2 …) traced since `from`.
function exchanges(from: number): EventOf<'http.exchange'>[] {
  return lab.bridge.kernel.trace
    .slice(from)
    .filter((e): e is EventOf<'http.exchange'> => e.kind === 'http.exchange' && e.conn.startsWith('b'));
}

function clientLines(from: number): EventOf<'app.line'>[] {
  return lab.bridge.kernel.trace
    .slice(from)
    .filter(
      (e): e is EventOf<'app.line'> =>
        e.kind === 'app.line' && e.protocol === 'http' && e.from === 'client' && e.conn.startsWith('b'),
    );
}

function inbox(user: string, host: string): string[] {
  return (lab.bridge.world.mailServer(host)?.store.folder(user)?.messages ?? []).map((m) => m.raw);
}

// curlSendToBob has curl submit a message from Alice to Bob on the bridge's SMTP port.
async function curlSendToBob(subject: string, body: string): Promise<void> {
  const file = join(jarDir, 'message.eml');
  writeFileSync(
    file,
    `From: Alice <alice@crepes.fr>\r\nTo: Bob <bob@hamburger.edu>\r\nSubject: ${subject}\r\n\r\n${body}`,
  );
  const out = await curl([
    '--mail-from',
    'alice@crepes.fr',
    '--mail-rcpt',
    'bob@hamburger.edu',
    '-T',
    file,
    `smtp://127.0.0.1:${lab.port('smtp')}`,
  ]);
  expect(out.code).toBe(0);
}

const LOGIN_FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

describe('curl against the bridge’s webmail', () => {
  it('gets the login page: 200, an HTML form that posts user and password to /login', async () => {
    const from = lab.bridge.kernel.emitted;
    const out = await curl(['-i', site('/login')]);
    expect(out.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(out.stdout).toMatch(/\r\nContent-Type: text\/html; charset=utf-8\r\n/);
    expect(out.stdout).toContain('<form method="post" action="/login">');
    expect(out.stdout).toContain('name="password" type="password"');
    expect(exchanges(from)).toMatchObject([{ method: 'GET', target: '/login', status: 200, request: 1 }]);
    expect(clientLines(from)[0]).toMatchObject({
      line: 'GET /login HTTP/1.1',
      verb: 'GET',
      args: { target: '/login', version: 'HTTP/1.1', request: 1 },
    });
  });

  it('logs in with a form, keeps the HttpOnly session cookie, and lists the message smtplib sent, then reads it', async () => {
    await lab.sendToBob('Read me on the web', 'Do you like ketchup?\r\n<b>not bold</b>\r\n');
    const jar = join(jarDir, 'bob.txt');
    // -L follows the 303 to /inbox with a GET (RFC 9110 §15.4.4), the cookie from the jar going with it.
    const login = await curl([
      '-i',
      '-L',
      '-c',
      jar,
      '-b',
      jar,
      '-d',
      'user=bob&password=hungry',
      site('/login'),
    ]);
    expect(login.stdout).toMatch(/^HTTP\/1\.1 303 See Other\r\n/);
    expect(login.stdout).toMatch(/\r\nLocation: \/inbox\r\n/);
    expect(login.stdout).toMatch(
      /\r\nSet-Cookie: session=[0-9a-f]{32}; Path=\/; HttpOnly; SameSite=Strict\r\n/,
    );
    expect(login.stdout).toMatch(/\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
    expect(login.stdout).toContain('Read me on the web');
    // curl writes an HttpOnly cookie with the #HttpOnly_ prefix, for this host only.
    expect(readFileSync(jar, 'utf8')).toMatch(
      /^#HttpOnly_127\.0\.0\.1\tFALSE\t\/\tFALSE\t0\tsession\t[0-9a-f]{32}$/m,
    );

    const link = /href="(\/message\/\d+)"[^>]*>Read me on the web</.exec(login.stdout);
    expect(link).not.toBeNull();
    const message = await curl(['-b', jar, site(link?.[1])]);
    expect(message.stdout).toContain('Do you like ketchup?');
    // Markup in the message's text is text on the page.
    expect(message.stdout).toContain('&lt;b&gt;not bold&lt;/b&gt;');
    expect(message.stdout).not.toContain('<b>not bold</b>');
  });

  it('refuses a wrong password with 401 and the form again, setting no cookie', async () => {
    const out = await curl(['-i', '-d', 'user=bob&password=ketchup', site('/login')]);
    expect(out.stdout).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
    expect(out.stdout).not.toMatch(/Set-Cookie/i);
    expect(out.stdout).toContain('Wrong user name or password.');
  });

  it('sends mail posted as a chunked body, which Alice then finds at crepes.fr', async () => {
    const jar = join(jarDir, 'sender.txt');
    await curl(['-c', jar, '-d', 'user=bob&password=hungry', site('/login')]);
    const from = lab.bridge.kernel.emitted;
    const form = 'to=alice%40crepes.fr&subject=Chunked+from+curl&body=Ketchup%2C+yes.';
    const out = await curl([
      '-i',
      '-b',
      jar,
      '-H',
      'Transfer-Encoding: chunked',
      '--data-binary',
      form,
      site('/send'),
    ]);
    expect(out.stdout).toMatch(/^HTTP\/1\.1 303 See Other\r\n/);
    expect(out.stdout).toMatch(/\r\nLocation: \/inbox\?sent=1\r\n/);
    const body = lab.bridge.kernel.trace
      .slice(from)
      .find((e): e is EventOf<'http.body'> => e.kind === 'http.body' && e.from === 'client');
    expect(body).toMatchObject({ content: form, size: form.length });
    expect(body?.chunks).toBeGreaterThanOrEqual(1);
    expect(body?.wireOctets).toBeGreaterThan(form.length);
    await vi.waitFor(
      () =>
        expect(
          inbox('alice', 'crepes.fr').filter((raw) => raw.includes('Subject: Chunked from curl')),
        ).toHaveLength(1),
      { timeout: 10_000, interval: 50 },
    );
  });

  it('asks several pages over one kept-alive connection', async () => {
    const from = lab.bridge.kernel.emitted;
    const out = await curl(['-v', '-o', '/dev/null', '-o', '/dev/null', site('/login'), site('/style.css')]);
    expect(out.stderr).toMatch(/Re-using existing connection/);
    const seen = exchanges(from);
    expect(seen.map((e) => [e.target, e.status, e.request, e.connection])).toEqual([
      ['/login', 200, 1, 'keep-alive'],
      ['/style.css', 200, 2, 'keep-alive'],
    ]);
    expect(new Set(seen.map((e) => e.conn)).size).toBe(1);
  });
});

describe('Python http.client against the bridge’s webmail', () => {
  it('logs in, is sent the cookie back, and reads the inbox and a message over one connection', async () => {
    // curl sends it over SMTP: one Python start-up per test is slow enough on a loaded machine.
    await curlSendToBob('Read me from Python', 'Pickles, never.\r\n');
    const stored = lab.bridge.world
      .mailServer('hamburger.edu')
      ?.store.folder('bob')
      ?.messages.find((m) => m.raw.includes('Subject: Read me from Python'));
    const result = await httpClient([
      { method: 'GET', path: '/login' },
      { method: 'POST', path: '/login', headers: LOGIN_FORM, body: 'user=bob&password=hungry' },
      { method: 'GET', path: '/inbox' },
      { method: 'GET', path: `/message/${stored?.uid}` },
    ]);
    expect(result).toMatchObject({ ok: true });
    const [page, login, inboxPage, message] = result.responses;
    expect(page?.status).toBe(200);
    expect(login).toMatchObject({ status: 303, reason: 'See Other', version: 11 });
    expect(header(login, 'Set-Cookie')).toMatch(/HttpOnly/);
    expect(inboxPage?.status).toBe(200);
    expect(inboxPage?.body).toContain(`href="/message/${stored?.uid}"`);
    expect(inboxPage?.body).toContain('Read me from Python');
    expect(message?.status).toBe(200);
    expect(message?.body).toContain('Pickles, never.');
    expect(result.responses.map((r) => r.socket)).toEqual([1, 1, 1, 1]);
  });

  it('sends a cookie-less inbox request to the login page with 303', async () => {
    const result = await httpClient([{ method: 'GET', path: '/inbox' }]);
    expect(result.responses[0]).toMatchObject({ status: 303 });
    expect(header(result.responses[0], 'Location')).toBe('/login');
  });

  it('answers a malformed request line with 400 and closes', async () => {
    const from = lab.bridge.kernel.emitted;
    const result = await httpClient([{ raw: 'GET  /inbox HTTP/1.1\r\nHost: webmail\r\n\r\n' }]);
    expect(result.responses[0]).toMatchObject({ status: 400, reason: 'Bad Request', version: 11 });
    expect(header(result.responses[0], 'Connection')).toBe('close');
    expect(exchanges(from)).toMatchObject([{ method: null, status: 400, connection: 'close' }]);
  });

  it('answers a header line without a colon with 400', async () => {
    const result = await httpClient([{ raw: 'GET /login HTTP/1.1\r\nHost webmail\r\n\r\n' }]);
    expect(result.responses[0]).toMatchObject({ status: 400 });
  });

  it('answers an HTTP version it does not speak with 505', async () => {
    const result = await httpClient([{ raw: 'GET /login HTTP/2.0\r\nHost: webmail\r\n\r\n' }]);
    expect(result.responses[0]).toMatchObject({
      status: 505,
      reason: 'HTTP Version Not Supported',
      version: 11,
    });
  });

  it('answers a well-formed request for a page that is not there with 404, keeping the connection', async () => {
    const result = await httpClient([
      { method: 'GET', path: '/nowhere' },
      { method: 'GET', path: '/login' },
    ]);
    expect(result.responses.map((r) => [r.status, r.socket])).toEqual([
      [404, 1],
      [200, 1],
    ]);
  });
});

describe('the bridge’s log of HTTP', () => {
  it('shows request and response heads, counts bodies without showing them, and masks cookies', () => {
    const text = log.join('\n');
    expect(text).toMatch(/ready http 127\.0\.0\.1:\d+ \(webmail\.hamburger\.edu\)/);
    expect(text).toMatch(/b\d+ +C: GET \/login HTTP\/1\.1/);
    expect(text).toMatch(/b\d+ +S: HTTP\/1\.1 303 See Other/);
    expect(text).toMatch(/b\d+ +C: \[body: 24 octets, not shown\]/);
    expect(text).toContain(`S: Set-Cookie: ${MASK}`);
    expect(text).toContain(`C: Cookie: ${MASK}`);
    expect(text).not.toContain('hungry');
    expect(text).not.toMatch(/session=[0-9a-f]{32}/);
    // Behind the webmail, its own IMAP session logs in to Bob's mail server, the password masked there too.
    expect(text).toMatch(/C: A\d+ LOGIN bob /);
  });

  it('escapes control characters a client sends in a request line', async () => {
    await httpClient([{ raw: 'GET /\x1b[31mred HTTP/1.1\r\nHost: w\r\n\r\n' }]);
    const line = log.find((l) => l.includes('red HTTP/1.1'));
    expect(line).toBeDefined();
    expect(line).not.toContain('\x1b');
  });
});
