// The built-in webmail scenarios played whole: Bob's browser over HTTP, the webmail over IMAP and SMTP behind it.
import { describe, expect, it } from 'vitest';
import { findField } from '../../../src/protocols/message/headers.ts';
import { parseMessage } from '../../../src/protocols/message/parseMessage.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import { mailbox, run, scenario, subjects } from '../mail/mailWorld.ts';
import { WEBMAIL } from './webmailWorld.ts';

function exchanges(trace: readonly TraceEvent[]) {
  return trace.filter(isKind('http.exchange')).filter((e) => e.host === WEBMAIL);
}

function opened(trace: readonly TraceEvent[], client: string, port: number) {
  return trace.filter(isKind('conn.opened')).filter((e) => e.client === client && e.port === port);
}

describe('the webmail scenario', () => {
  const trace = run(scenario('webmail'));

  it('shows Bob Alice’s message in a page his browser pulled over HTTP, with its stylesheet', () => {
    const done = exchanges(trace).map((e) => `${e.method} ${e.target} ${e.status}`);
    expect(done).toEqual(expect.arrayContaining(['POST /login 303', 'GET /inbox 200', 'GET /message/1 200']));
    expect(done).toContain('GET /style.css 200');
    const page = trace
      .filter(isKind('http.body'))
      .find((e) => e.host === WEBMAIL && e.from === 'server' && e.content.includes('Do you like ketchup?'));
    expect(page).toBeDefined();
    expect(opened(trace, 'bob-pc', 80).every((e) => e.server === WEBMAIL)).toBe(true);
  });

  it('shows the IMAP session behind each page on the mail server’s side of the trace', () => {
    const imapServer = trace
      .filter(isKind('app.line'))
      .filter((e) => e.host === 'hamburger.edu' && e.protocol === 'imap' && e.from === 'server');
    expect(imapServer.filter((e) => e.answers === 'LOGIN').every((e) => e.status === 'OK')).toBe(true);
    expect(imapServer.some((e) => e.answers === 'UID FETCH')).toBe(true);
    const states = trace.filter(isKind('session.state')).filter((e) => e.host === 'hamburger.edu');
    expect(states.some((e) => e.machine === 'imap-server')).toBe(true);
    expect(opened(trace, WEBMAIL, 143).every((e) => e.server === 'hamburger.edu')).toBe(true);
    expect(trace.filter(isKind('mailbox.flags'))).toMatchObject([{ user: 'bob', uid: 1, flags: ['\\Seen'] }]);
  });

  it('answers each page only after the IMAP visit behind it has ended', () => {
    const message = exchanges(trace).find((e) => e.target === '/message/1');
    const fetch = trace
      .filter(isKind('app.line'))
      .find((e) => e.host === 'hamburger.edu' && e.protocol === 'imap' && e.answers === 'UID FETCH');
    expect(fetch).toBeDefined();
    expect((fetch?.seq ?? Infinity) < (message?.seq ?? -1)).toBe(true);
  });
});

describe('the webmail-send scenario', () => {
  const trace = run(scenario('webmail-send'));

  it('delivers Bob’s reply to Alice’s mailbox at crepes.fr', () => {
    expect(subjects(mailbox(trace, 'crepes.fr', 'alice'))).toEqual(['Re: Lunch']);
  });

  it('carries the reply by HTTP to the webmail, then by SMTP to hamburger.edu and on to crepes.fr', () => {
    const post = exchanges(trace).find((e) => e.method === 'POST' && e.target === '/send');
    expect(post?.status).toBe(303);
    const postLine = trace
      .filter(isKind('app.line'))
      .find((e) => e.host === 'bob-pc' && e.protocol === 'http' && e.line === 'POST /send HTTP/1.1');
    const [submission] = opened(trace, WEBMAIL, 587);
    const relay = opened(trace, 'hamburger.edu', 25).find((e) => e.server === 'crepes.fr');
    const stored = trace.filter(isKind('mailbox.stored')).find((e) => e.host === 'crepes.fr');
    expect(submission?.server).toBe('hamburger.edu');
    const order = [postLine, submission, post, relay, stored].map((e) => e?.seq ?? Number.NaN);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((seq) => Number.isFinite(seq))).toBe(true);
  });

  it('threads Bob’s reply under Alice’s message, as the reply form he opened names it', () => {
    // Alice's message as Bob's server took it, by the fact it recorded; the reply as Alice's mailbox holds it.
    const parent = trace.filter(isKind('smtp.accepted')).find((e) => e.host === 'hamburger.edu')?.messageId;
    const [reply] = mailbox(trace, 'crepes.fr', 'alice').map(parseMessage);
    const field = (name: string) => (reply ? findField(reply.root.headers, name)?.value.trim() : undefined);
    expect(parent).toMatch(/^<.+@crepes\.fr>$/);
    expect(field('In-Reply-To')).toBe(parent);
    expect(field('References')).toBe(parent);
  });

  it('submits as Bob with AUTH on port 587, the webmail being his user agent', () => {
    const auth = trace
      .filter(isKind('app.line'))
      .find((e) => e.host === 'hamburger.edu' && e.protocol === 'smtp' && e.answers === 'AUTH');
    expect(auth?.code).toBe(235);
    expect(trace.filter(isKind('ua.result')).find((e) => e.host === WEBMAIL)?.outcome).toBe('accepted');
  });
});

describe('the push-vs-pull scenario', () => {
  const trace = run(scenario('push-vs-pull'));

  it('finds the inbox empty before the push, and the message only when Bob pulls again', () => {
    const stored = trace.filter(isKind('mailbox.stored')).find((e) => e.user === 'bob');
    const inboxes = exchanges(trace).filter((e) => e.target === '/inbox');
    expect(inboxes.length).toBeGreaterThanOrEqual(2);
    expect(inboxes[0]?.t).toBeLessThan(stored?.t ?? 0);
    const bodies = trace.filter(isKind('http.body')).filter((e) => e.host === WEBMAIL && e.from === 'server');
    const before = bodies.filter((e) => e.t < (stored?.t ?? 0));
    expect(before.some((e) => e.content.includes('No messages.'))).toBe(true);
    // Nothing crosses to the browser between the push and Bob's reload at 45 s.
    const between = exchanges(trace).filter((e) => e.t > (stored?.t ?? 0) && e.t < 45_000);
    expect(between).toEqual([]);
    expect(inboxes.at(-1)?.t).toBeGreaterThanOrEqual(45_000);
  });

  it('pushes the message in 7-bit ASCII by SMTP and pulls its Korean as 8-bit UTF-8 by HTTP', () => {
    const data = trace
      .filter(isKind('app.line'))
      .filter((e) => e.protocol === 'smtp' && e.host === 'crepes.fr' && e.content === 'data');
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((e) => [...e.line].every((c) => c.charCodeAt(0) < 0x80))).toBe(true);
    const page = trace
      .filter(isKind('http.body'))
      .find((e) => e.host === WEBMAIL && e.from === 'server' && e.content.includes('ketchup'));
    // The body is octets: 김 is EA B9 80 in UTF-8.
    expect(page?.content).toContain('\xea\xb9\x80');
  });
});
