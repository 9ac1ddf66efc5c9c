// The webmail over HTTP on port 80, typed by hand as with `telnet webmail.hamburger.edu 80`: what the server
// answers, and what it asked of the mail server meanwhile.
import { describe, expect, it } from 'vitest';
import type { TimedInput } from '../../../src/sim/input.ts';
import { Session } from '../../../src/sim/session.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import { at, typedOn } from '../mail/mailWorld.ts';
import { WEBMAIL, withWebmail } from './webmailWorld.ts';

const bob = typedOn('bob-pc');

function play(inputs: readonly TimedInput[]): readonly TraceEvent[] {
  const world = withWebmail();
  const session = new Session({ ...world, inputs: [...world.inputs, ...inputs] });
  session.runUntilQuiet(600_000);
  return session.events;
}

function exchanges(trace: readonly TraceEvent[]) {
  return trace.filter(isKind('http.exchange')).filter((e) => e.host === WEBMAIL);
}

describe('the webmail on port 80, typed by hand', () => {
  it('answers GET /login with the form, and GET /inbox without a cookie with 303 to /login', () => {
    const trace = play([
      at(10_000, { type: 'terminal.open', host: 'bob-pc', target: WEBMAIL, port: 80 }),
      bob(10_500, 'GET /login HTTP/1.1'),
      bob(10_600, `Host: ${WEBMAIL}`),
      bob(10_700, ''),
      bob(11_000, 'GET /inbox HTTP/1.1'),
      bob(11_100, `Host: ${WEBMAIL}`),
      bob(11_200, ''),
    ]);
    expect(exchanges(trace).map((e) => [e.method, e.target, e.status])).toEqual([
      ['GET', '/login', 200],
      ['GET', '/inbox', 303],
    ]);
    const body = trace.filter(isKind('http.body')).find((e) => e.host === WEBMAIL && e.from === 'server');
    expect(body?.content).toContain('<form method="post" action="/login">');
    // No session, no IMAP: the webmail asked nothing of hamburger.edu.
    expect(trace.filter(isKind('conn.opened')).some((e) => e.client === WEBMAIL)).toBe(false);
  });

  it('logs in by a typed POST, answering only after its IMAP login at hamburger.edu succeeded', () => {
    const form = 'user=bob&password=hungry';
    const trace = play([
      at(10_000, { type: 'terminal.open', host: 'bob-pc', target: WEBMAIL, port: 80 }),
      bob(10_500, 'POST /login HTTP/1.1'),
      bob(10_600, `Host: ${WEBMAIL}`),
      bob(10_700, 'Content-Type: application/x-www-form-urlencoded'),
      bob(10_800, `Content-Length: ${form.length}`),
      bob(10_900, ''),
      bob(11_000, form),
    ]);
    const [login] = exchanges(trace);
    expect(login?.status).toBe(303);
    const imapOk = trace
      .filter(isKind('app.line'))
      .find((e) => e.host === 'hamburger.edu' && e.protocol === 'imap' && e.answers === 'LOGIN');
    expect(imapOk?.status).toBe('OK');
    const response = trace
      .filter(isKind('app.line'))
      .find((e) => e.host === WEBMAIL && e.protocol === 'http' && e.from === 'server');
    expect(response?.line).toBe('HTTP/1.1 303 See Other');
    expect((imapOk?.seq ?? Infinity) < (response?.seq ?? -1)).toBe(true);
    const cookie = trace
      .filter(isKind('app.line'))
      .find((e) => e.host === WEBMAIL && e.line.startsWith('Set-Cookie:'));
    expect(cookie?.line).toMatch(/^Set-Cookie: session=[0-9a-f]{32}; Path=\/; HttpOnly; SameSite=Strict$/);
  });
});
