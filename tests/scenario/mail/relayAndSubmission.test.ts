import { describe, expect, it } from 'vitest';
import type { Input } from '../../../src/sim/input.ts';
import { Session } from '../../../src/sim/session.ts';
import { isKind } from '../../../src/sim/trace.ts';
import { queueStory, scenario } from './mailWorld.ts';

function telnet(
  host: string,
  target: string,
  port: number,
  lines: readonly string[],
): { at: number; input: Input }[] {
  return [
    { at: 0, input: { type: 'terminal.open', host, target, port } },
    ...lines.map((text, i) => ({
      at: 1000 * (i + 1),
      input: { type: 'terminal.type' as const, host, text },
    })),
  ];
}

function serverLines(session: Session, host: string): string[] {
  return session.events
    .filter(isKind('app.line'))
    .filter((e) => e.host === host && e.from === 'server')
    .map((e) => e.line);
}

describe('relaying', () => {
  it('refuses to relay mail for another domain from a stranger, with sendmail’s 550 in the textbook style', () => {
    const world = { ...scenario('textbook'), inputs: [] };
    const session = new Session(
      world,
      telnet('bob-pc', 'crepes.fr', 25, [
        'HELO bob-pc',
        'MAIL FROM:<bob@hamburger.edu>',
        'RCPT TO:<someone@elsewhere.example>',
        'QUIT',
      ]),
    );
    session.runUntil(10_000);
    expect(serverLines(session, 'crepes.fr')).toContain('550 someone@elsewhere.example... Relaying denied');
    expect(queueStory(session.events)).toEqual([]);
  });

  it('accepts mail for its own users from anyone', () => {
    const world = { ...scenario('textbook'), inputs: [] };
    const session = new Session(
      world,
      telnet('bob-pc', 'crepes.fr', 25, [
        'HELO bob-pc',
        'MAIL FROM:<bob@hamburger.edu>',
        'RCPT TO:<alice@crepes.fr>',
        'DATA',
        'Subject: hello',
        '',
        'Hi Alice',
        '.',
        'QUIT',
      ]),
    );
    session.runUntil(15_000);
    expect(serverLines(session, 'crepes.fr')).toContain('250 Message accepted for delivery');
    expect(session.events.filter(isKind('mailbox.stored')).map((e) => `${e.user}@${e.host}`)).toEqual([
      'alice@crepes.fr',
    ]);
  });
});

describe('submission on port 587', () => {
  it('relays for a user who authenticated, and the message goes through the queue', () => {
    const world = { ...scenario('textbook'), inputs: [] };
    const session = new Session(world, [
      {
        at: 1000,
        input: {
          type: 'mail.send',
          host: 'bob-pc',
          to: ['alice@crepes.fr'],
          subject: 'Re: Lunch',
          body: 'Yes!',
        },
      },
    ]);
    session.runUntilQuiet(600_000);
    const lines = session.events.filter(isKind('app.line')).filter((e) => e.host === 'bob-pc');
    expect(lines.some((e) => e.line.startsWith('AUTH PLAIN '))).toBe(true);
    expect(queueStory(session.events)).toContain('1.135 enqueued alice@crepes.fr');
    expect(session.events.filter(isKind('mailbox.stored')).map((e) => `${e.user}@${e.host}`)).toEqual([
      'alice@crepes.fr',
    ]);
  });

  it('completes a submitted message that lacks Date or Message-ID (RFC 6409 §8)', () => {
    const world = { ...scenario('textbook'), inputs: [] };
    const session = new Session(
      world,
      telnet('bob-pc', 'hamburger.edu', 587, [
        'EHLO bob-pc',
        'AUTH PLAIN AGJvYgBodW5ncnk=',
        'MAIL FROM:<bob@hamburger.edu>',
        'RCPT TO:<bob@hamburger.edu>',
        'DATA',
        'Subject: note to self',
        '',
        'buy ketchup',
        '.',
      ]),
    );
    session.runUntil(15_000);
    const stored = session.events.find(isKind('mailbox.stored'));
    expect(stored?.raw).toMatch(/\r\nDate: Tue, 01 Sep 2026 09:00:0\d \+0900\r\n/);
    expect(stored?.raw).toMatch(/\r\nMessage-ID: <\d{14}\.[0-9A-F]{10}@hamburger\.edu>\r\n/);
  });
});
