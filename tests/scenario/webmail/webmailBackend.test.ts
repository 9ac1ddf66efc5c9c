// The webmail application on its host, asked directly (no HTTP yet between): what it asks of the mail server over
// IMAP and SMTP submission, as the trace shows it.
import { describe, expect, it } from 'vitest';
import { headerValue, type HttpRequest, type HttpResponse } from '../../../src/protocols/http/message.ts';
import { octetsToUtf8 } from '../../../src/protocols/shared/octets.ts';
import { Kernel } from '../../../src/sim/kernel.ts';
import { isKind } from '../../../src/sim/trace.ts';
import { World } from '../../../src/sim/world.ts';
import { mailbox, subjects } from '../mail/mailWorld.ts';
import { WEBMAIL, withWebmail } from './webmailWorld.ts';

const FORM = [['Content-Type', 'application/x-www-form-urlencoded']] as const;

/** A webmail world, and a way to ask its webmail at a moment. */
function webmailWorld() {
  const world0 = withWebmail();
  const kernel = new Kernel(world0.seed);
  const world = new World(world0, kernel);
  for (const { at, input } of world0.inputs) kernel.schedule(at, () => world.apply(input), 'input');
  const answers = new Map<string, HttpResponse>();
  const ask = (at: number, name: string, request: Partial<HttpRequest> & { target: string }) =>
    kernel.schedule(at, () =>
      world
        .webmail(WEBMAIL)
        ?.app.respond({ method: 'GET', version: 'HTTP/1.1', headers: [], body: '', ...request }, (response) =>
          answers.set(name, response),
        ),
    );
  return { world, kernel, answers, ask };
}

function cookieOf(response: HttpResponse | undefined): string {
  return (headerValue(response?.headers ?? [], 'set-cookie') ?? '').split(';')[0] ?? '';
}

describe('the webmail behind its HTTP side', () => {
  it('checks a login with the mail server over IMAP, seen server-side on hamburger.edu', () => {
    const { kernel, answers, ask } = webmailWorld();
    ask(10_000, 'good', {
      method: 'POST',
      target: '/login',
      headers: FORM,
      body: 'user=bob&password=hungry',
    });
    ask(20_000, 'bad', { method: 'POST', target: '/login', headers: FORM, body: 'user=bob&password=hungy' });
    kernel.runUntilQuiet(60_000);
    expect(answers.get('good')?.status).toBe(303);
    expect(answers.get('bad')?.status).toBe(401);
    const trace = kernel.trace.slice();
    const opened = trace.filter(isKind('conn.opened')).filter((e) => e.client === WEBMAIL);
    expect(opened.map((e) => [e.server, e.port, e.protocol])).toEqual([
      ['hamburger.edu', 143, 'imap'],
      ['hamburger.edu', 143, 'imap'],
    ]);
    const serverLines = trace
      .filter(isKind('app.line'))
      .filter((e) => e.protocol === 'imap' && e.host === 'hamburger.edu' && e.from === 'server');
    expect(serverLines.filter((e) => e.answers === 'LOGIN').map((e) => e.status)).toEqual(['OK', 'NO']);
    expect(
      trace
        .filter(isKind('session.state'))
        .some((e) => e.machine === 'imap-server' && e.host === 'hamburger.edu'),
    ).toBe(true);
    expect(trace.filter(isKind('webmail.session')).map((e) => [e.user, e.action])).toEqual([
      ['bob', 'login'],
      ['bob', 'refused'],
    ]);
  });

  it('lists the inbox and shows Alice’s message from what IMAP fetched, marking it seen', () => {
    const { kernel, answers, ask } = webmailWorld();
    ask(10_000, 'login', {
      method: 'POST',
      target: '/login',
      headers: FORM,
      body: 'user=bob&password=hungry',
    });
    kernel.runUntilQuiet(15_000);
    const cookie = cookieOf(answers.get('login'));
    ask(20_000, 'inbox', { target: '/inbox', headers: [['Cookie', cookie]] });
    ask(30_000, 'message', { target: '/message/1', headers: [['Cookie', cookie]] });
    ask(40_000, 'missing', { target: '/message/7', headers: [['Cookie', cookie]] });
    ask(50_000, 'folders', { target: '/folders', headers: [['Cookie', cookie]] });
    ask(60_000, 'nowhere', { target: '/inbox?folder=Nowhere', headers: [['Cookie', cookie]] });
    kernel.runUntilQuiet(120_000);
    expect(octetsToUtf8(answers.get('inbox')?.body ?? '')).toContain('<a href="/message/1">Lunch</a>');
    const message = octetsToUtf8(answers.get('message')?.body ?? '');
    expect(message).toContain('Do you like ketchup?');
    expect(message).toContain('Alice &lt;alice@crepes.fr&gt;');
    expect(answers.get('missing')?.status).toBe(404);
    expect(answers.get('nowhere')?.status).toBe(404);
    expect(octetsToUtf8(answers.get('folders')?.body ?? '')).toContain('INBOX');
    expect(kernel.trace.slice().filter(isKind('mailbox.flags'))).toMatchObject([
      { user: 'bob', uid: 1, flags: ['\\Seen'] },
    ]);
    // Each page is its own IMAP visit: logged out at the end of each.
    const logouts = kernel.trace
      .slice()
      .filter(isKind('app.line'))
      .filter((e) => e.host === WEBMAIL && e.protocol === 'imap' && e.verb === 'LOGOUT');
    expect(logouts).toHaveLength(6);
  });

  it('submits a reply on port 587 as Bob, and his server relays it to Alice at crepes.fr by SMTP', () => {
    const { kernel, answers, ask } = webmailWorld();
    ask(10_000, 'login', {
      method: 'POST',
      target: '/login',
      headers: FORM,
      body: 'user=bob&password=hungry',
    });
    kernel.runUntilQuiet(15_000);
    const cookie = cookieOf(answers.get('login'));
    const body = 'to=alice%40crepes.fr&subject=Re%3A+Lunch&body=Yes%2C+ketchup.&in-reply-to=';
    ask(20_000, 'send', { method: 'POST', target: '/send', headers: [...FORM, ['Cookie', cookie]], body });
    kernel.runUntilQuiet(600_000);
    expect(answers.get('send')?.status).toBe(303);
    const trace = kernel.trace.slice();
    const submission = trace
      .filter(isKind('conn.opened'))
      .find((e) => e.client === WEBMAIL && e.port === 587);
    expect(submission?.server).toBe('hamburger.edu');
    expect(subjects(mailbox(trace, 'crepes.fr', 'alice'))).toEqual(['Re: Lunch']);
    const relay = trace
      .filter(isKind('conn.opened'))
      .find((e) => e.client === 'hamburger.edu' && e.server === 'crepes.fr');
    expect(relay?.port).toBe(25);
    expect(trace.filter(isKind('ua.result')).find((e) => e.host === WEBMAIL)?.outcome).toBe('accepted');
  });

  it('answers 503 with the form when the mail server is down, and opens no session', () => {
    const { kernel, answers, ask, world } = webmailWorld();
    kernel.schedule(5_000, () => world.inject({ type: 'host.down', host: 'hamburger.edu' }));
    ask(10_000, 'login', {
      method: 'POST',
      target: '/login',
      headers: FORM,
      body: 'user=bob&password=hungry',
    });
    kernel.runUntilQuiet(600_000);
    expect(answers.get('login')?.status).toBe(503);
    expect(world.webmail(WEBMAIL)?.app.sessionCount).toBe(0);
  });
});
