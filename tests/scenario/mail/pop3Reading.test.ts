import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/protocols/message/parseMessage.ts';
import { apopDigest } from '../../../src/protocols/pop3/apop.ts';
import type { Fault, TimedInput } from '../../../src/sim/input.ts';
import { Session } from '../../../src/sim/session.ts';
import { shownLine } from '../../../src/sim/shownLine.ts';
import { isKind, traceToJsonLines, type TraceEvent } from '../../../src/sim/trace.ts';
import { at, playSentOnly, run, scenario, sentOnly, typedOn } from './mailWorld.ts';

const SEC = 1000;
const MIN = 60 * SEC;

const typed = typedOn('bob-phone');

function fetch(t: number, host: string, mode: 'delete' | 'keep' = 'delete'): TimedInput {
  return at(t, { type: 'mail.fetch', host, protocol: 'pop3', mode });
}

function fault(t: number, f: Fault): TimedInput {
  return at(t, { type: 'fault', fault: f });
}

function fetched(trace: readonly TraceEvent[], host: string) {
  return trace.filter(isKind('ua.fetched')).filter((e) => e.host === host);
}

function results(trace: readonly TraceEvent[], host: string) {
  return trace.filter(isKind('ua.fetchResult')).filter((e) => e.host === host);
}

function expunged(trace: readonly TraceEvent[]) {
  return trace.filter(isKind('mailbox.expunged'));
}

function pop3Server(trace: readonly TraceEvent[]) {
  return trace.filter(isKind('app.line')).filter((e) => e.protocol === 'pop3' && e.from === 'server');
}

describe('the pop3-delete scenario', () => {
  const trace = run(scenario('pop3-delete'));

  it('downloads Alice’s message to Bob’s PC exactly as the server stored it', () => {
    const [message] = fetched(trace, 'bob-pc');
    const stored = trace.find(isKind('mailbox.stored'));
    expect(fetched(trace, 'bob-pc')).toHaveLength(1);
    expect(message?.raw).toBe(stored?.raw);
    expect(parseMessage(message?.raw ?? '').subject).toBe('Lunch');
    expect(message?.uid).toMatch(/^\d+\.1$/);
    expect(message?.messageId).toMatch(/@crepes\.fr>$/);
  });

  it('says the message was downloaded before the DELE that follows its RETR', () => {
    const downloaded = trace.findIndex((e) => e.kind === 'ua.fetched');
    const dele = trace.findIndex((e) => e.kind === 'app.line' && e.verb === 'DELE');
    expect(downloaded).toBeGreaterThan(-1);
    expect(downloaded).toBeLessThan(dele);
  });

  it('removes the message from the server at QUIT, through the store', () => {
    const quit = trace.find((e) => e.kind === 'app.line' && e.protocol === 'pop3' && e.verb === 'QUIT');
    const [gone] = expunged(trace);
    expect(gone).toMatchObject({ host: 'hamburger.edu', user: 'bob', folder: 'INBOX', uid: 1 });
    expect(gone?.t).toBeGreaterThanOrEqual(quit?.t ?? Infinity);
  });

  it('leaves the phone an empty maildrop', () => {
    expect(fetched(trace, 'bob-phone')).toEqual([]);
    expect(results(trace, 'bob-phone')).toMatchObject([{ outcome: 'ok', count: 0 }]);
    expect(results(trace, 'bob-pc')).toMatchObject([{ outcome: 'ok', count: 1 }]);
  });

  it('logs in with USER and a PASS whose facts mark it as a credential, shown masked', () => {
    const pass = trace.filter(isKind('app.line')).find((e) => e.protocol === 'pop3' && e.verb === 'PASS');
    expect(pass?.line).toBe('PASS hungry');
    expect(pass?.args).toEqual({ password: true });
    expect(pass && shownLine(pass)).not.toContain('hungry');
  });
});

describe('the pop3-keep scenario', () => {
  const trace = run(scenario('pop3-keep'));

  it('gives both devices the message and leaves it on the server', () => {
    expect(fetched(trace, 'bob-pc')).toHaveLength(1);
    expect(fetched(trace, 'bob-phone')).toHaveLength(1);
    expect(expunged(trace)).toEqual([]);
    expect(trace.some((e) => e.kind === 'app.line' && e.verb === 'DELE')).toBe(false);
  });

  it('downloads nothing new on the PC’s second fetch, since it remembers the unique-id', () => {
    expect(results(trace, 'bob-pc').map((r) => [r.outcome, r.count])).toEqual([
      ['ok', 1],
      ['ok', 0],
    ]);
    const retrs = trace.filter((e) => e.kind === 'app.line' && e.verb === 'RETR');
    expect(retrs).toHaveLength(2);
  });
});

describe('a POP3 session that ends without QUIT', () => {
  const login = [
    at(10 * SEC, { type: 'terminal.open', host: 'bob-phone', target: 'hamburger.edu', port: 110 }),
    typed(11 * SEC, 'USER bob'),
    typed(12 * SEC, 'PASS hungry'),
    typed(13 * SEC, 'DELE 1'),
  ];

  it('deletes nothing when the connection is closed before QUIT, and frees the maildrop', () => {
    const trace = playSentOnly([
      ...login,
      at(14 * SEC, { type: 'terminal.close', host: 'bob-phone' }),
      fetch(30 * SEC, 'bob-pc'),
    ]);
    const dele = pop3Server(trace).find((e) => e.answers === 'DELE');
    expect(dele?.reply).toBe('pop3.dele.ok');
    // Only the PC's later visit, with its own QUIT, removes the message.
    const [gone] = expunged(trace);
    expect(gone?.t).toBeGreaterThan(30 * SEC);
    expect(results(trace, 'bob-pc')).toMatchObject([{ outcome: 'ok', count: 1 }]);
  });

  it('deletes nothing when the link is cut mid-session', () => {
    const trace = playSentOnly([
      ...login,
      fault(14 * SEC, { type: 'link.down', link: 'hamburger.edu--bob-phone' }),
    ]);
    expect(expunged(trace)).toEqual([]);
  });

  it('keeps the maildrop locked while it lasts: a second session gets -ERR [IN-USE]', () => {
    const trace = playSentOnly([...login, fetch(20 * SEC, 'bob-pc')]);
    const refused = pop3Server(trace).find((e) => e.reply === 'pop3.auth.inUse');
    expect(refused?.line).toMatch(/^-ERR \[IN-USE\]/);
    expect(refused?.answers).toBe('PASS');
    expect(results(trace, 'bob-pc')).toMatchObject([{ outcome: 'failed', count: 0 }]);
  });
});

describe('a POP3 server that goes down during a fetch', () => {
  it('loses nothing, and the message is downloaded once the server is back', () => {
    // The PC's RETR goes out at 30.140 s; the server dies just before it.
    const trace = playSentOnly(
      [
        fetch(30 * SEC, 'bob-pc'),
        fault(30.13 * SEC, { type: 'host.down', host: 'hamburger.edu' }),
        fault(20 * MIN, { type: 'host.up', host: 'hamburger.edu' }),
        fetch(25 * MIN, 'bob-pc'),
      ],
      40 * MIN,
    );
    const [first, second] = results(trace, 'bob-pc');
    expect(first).toMatchObject({ outcome: 'failed', count: 0 });
    expect(second).toMatchObject({ outcome: 'ok', count: 1 });
    expect(expunged(trace)).toHaveLength(1);
    expect(expunged(trace)[0]?.t).toBeGreaterThan(25 * MIN);
  });

  it('cannot even be found while it is down, since Bob’s PC reaches DNS through it', () => {
    const trace = playSentOnly([
      fault(10 * SEC, { type: 'host.down', host: 'hamburger.edu' }),
      fetch(30 * SEC, 'bob-pc'),
    ]);
    expect(results(trace, 'bob-pc')).toMatchObject([
      {
        outcome: 'failed',
        count: 0,
        failure: { why: 'no-address', server: 'hamburger.edu', dns: 'timeout' },
      },
    ]);
  });

  it('refuses the connection while its mail service is stopped, and the user agent says so', () => {
    const trace = playSentOnly([
      fault(10 * SEC, { type: 'service.down', host: 'hamburger.edu', service: 'smtp' }),
      fetch(30 * SEC, 'bob-pc'),
    ]);
    const [result] = results(trace, 'bob-pc');
    expect(result?.outcome).toBe('failed');
    expect(result?.failure).toMatchObject({
      why: 'connect',
      server: 'hamburger.edu',
      port: 110,
      error: 'refused',
    });
  });
});

describe('a teacher forcing -ERR from the POP3 server', () => {
  it('refuses RETR: nothing is downloaded or deleted, and the line says which fault answered', () => {
    const trace = playSentOnly([
      fault(10 * SEC, { type: 'pop3.reply', host: 'hamburger.edu', command: 'RETR', text: 'disk error' }),
      fetch(30 * SEC, 'bob-pc'),
    ]);
    const forced = pop3Server(trace).find((e) => e.reply === 'pop3.fault.forced');
    expect(forced).toMatchObject({ line: '-ERR disk error', answers: 'RETR', status: '-ERR' });
    expect(fetched(trace, 'bob-pc')).toEqual([]);
    expect(expunged(trace)).toEqual([]);
  });

  it('refuses PASS, so the fetch fails, until the server is set back to normal', () => {
    const trace = playSentOnly([
      fault(10 * SEC, { type: 'pop3.reply', host: 'hamburger.edu', command: 'PASS' }),
      fetch(30 * SEC, 'bob-pc'),
      fault(40 * SEC, { type: 'pop3.normal', host: 'hamburger.edu' }),
      fetch(50 * SEC, 'bob-pc'),
    ]);
    expect(results(trace, 'bob-pc').map((r) => [r.outcome, r.count])).toEqual([
      ['failed', 0],
      ['ok', 1],
    ]);
  });
});

describe('POP3 on port 110 by hand', () => {
  it('greets every connection with its own APOP timestamp from the virtual clock, and takes APOP', () => {
    const world = sentOnly();
    const session = new Session({
      ...world,
      inputs: [
        ...world.inputs,
        at(10 * SEC, { type: 'terminal.open', host: 'bob-phone', target: 'hamburger.edu', port: 110 }),
      ],
    });
    session.runUntil(12 * SEC);
    const greeting = pop3Server(session.events).find((e) => e.reply === 'pop3.greeting.apop');
    const timestamp = /<[^>]+>/.exec(greeting?.line ?? '')?.[0] ?? '';
    const calendarSeconds = Math.floor((world.startsAt + 10 * SEC) / SEC);
    expect(timestamp).toMatch(
      new RegExp(`^<\\d+\\.(${calendarSeconds}|${calendarSeconds + 1})@hamburger\\.edu>$`),
    );
    session.input(13 * SEC, {
      type: 'terminal.type',
      host: 'bob-phone',
      text: `APOP bob ${apopDigest(timestamp, 'hungry')}`,
    });
    session.input(14 * SEC, { type: 'terminal.type', host: 'bob-phone', text: 'QUIT' });
    session.input(20 * SEC, { type: 'terminal.open', host: 'bob-phone', target: 'hamburger.edu', port: 110 });
    session.runUntilQuiet(30 * MIN);
    const lines = pop3Server(session.events);
    expect(lines.find((e) => e.answers === 'APOP')?.reply).toBe('pop3.apop.ok');
    const greetings = lines.filter((e) => e.reply === 'pop3.greeting.apop').map((e) => e.line);
    expect(greetings).toHaveLength(2);
    expect(greetings[0]).not.toBe(greetings[1]);
  });

  it('does not list mail that arrives after the maildrop was locked', () => {
    const world = sentOnly();
    const trace = playSentOnly([
      at(0, { type: 'terminal.open', host: 'bob-phone', target: 'hamburger.edu', port: 110 }),
      typed(0.3 * SEC, 'USER bob'),
      typed(0.6 * SEC, 'PASS hungry'),
      // Alice's message is stored at about 1.7 s.
      typed(5 * SEC, 'STAT'),
      typed(6 * SEC, 'QUIT'),
      at(7 * SEC, { type: 'terminal.open', host: 'bob-phone', target: 'hamburger.edu', port: 110 }),
      typed(8 * SEC, 'USER bob'),
      typed(9 * SEC, 'PASS hungry'),
      typed(10 * SEC, 'STAT'),
    ]);
    expect(world.inputs).toHaveLength(1);
    const stats = pop3Server(trace)
      .filter((e) => e.answers === 'STAT')
      .map((e) => e.line);
    expect(stats).toEqual(['+OK 0 0', expect.stringMatching(/^\+OK 1 \d+$/)]);
  });
});

describe('replaying a POP3 scenario', () => {
  it('gives a byte-identical trace, APOP timestamps and all', () => {
    const once = traceToJsonLines(run(scenario('pop3-keep')));
    expect(once).toContain('pop3.greeting.apop');
    expect(traceToJsonLines(run(scenario('pop3-keep')))).toBe(once);
  });
});
