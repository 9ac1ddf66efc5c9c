import { describe, expect, it } from 'vitest';
import type { TimedInput } from '../../../src/sim/input.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import { at, playSentOnly, typedOn } from './mailWorld.ts';

const SEC = 1000;

function imapServerLines(trace: readonly TraceEvent[]) {
  return trace
    .filter(isKind('app.line'))
    .filter((e) => e.protocol === 'imap' && e.from === 'server' && e.host === 'hamburger.edu');
}

// Bob's phone logs in, selects INBOX and is in IDLE from 13 s, so that it hears what another device does.
const phone = typedOn('bob-phone');
const phoneIdling: readonly TimedInput[] = [
  at(10 * SEC, { type: 'terminal.open', host: 'bob-phone', target: 'hamburger.edu', port: 143 }),
  phone(11 * SEC, 'p1 LOGIN bob hungry'),
  phone(12 * SEC, 'p2 SELECT INBOX'),
  phone(13 * SEC, 'p3 IDLE'),
];

describe('IMAP on port 143 of a mail server', () => {
  it('reads the mail SMTP delivered, from the same store', () => {
    const trace = playSentOnly([
      at(10 * SEC, { type: 'terminal.open', host: 'bob-phone', target: 'hamburger.edu', port: 143 }),
      phone(11 * SEC, 'a1 LOGIN bob hungry'),
      phone(12 * SEC, 'a2 SELECT INBOX'),
      phone(13 * SEC, 'a3 UID STORE 1 +FLAGS.SILENT (\\Seen)'),
      phone(14 * SEC, 'a4 LOGOUT'),
    ]);
    const stored = trace.filter(isKind('mailbox.stored')).filter((e) => e.user === 'bob');
    expect(stored).toHaveLength(1);
    const lines = imapServerLines(trace).map((e) => e.line);
    expect(lines).toContain('* 1 EXISTS');
    expect(lines.some((l) => /^a2 OK \[READ-WRITE\]/.test(l))).toBe(true);
    expect(trace.filter(isKind('mailbox.flags'))).toMatchObject([{ user: 'bob', uid: 1, flags: ['\\Seen'] }]);
    expect(trace.filter(isKind('session.state')).some((e) => e.machine === 'imap-server')).toBe(true);
  });

  it('wakes a session in IDLE on another device when a flag changes', () => {
    const pc = typedOn('bob-pc');
    const trace = playSentOnly([
      ...phoneIdling,
      at(14 * SEC, { type: 'terminal.open', host: 'bob-pc', target: 'hamburger.edu', port: 143 }),
      pc(15 * SEC, 'c1 LOGIN bob hungry'),
      pc(16 * SEC, 'c2 SELECT INBOX'),
      pc(17 * SEC, 'c3 STORE 1 +FLAGS (\\Flagged)'),
    ]);
    const fetches = trace
      .filter(isKind('app.line'))
      .filter((e) => e.protocol === 'imap' && e.from === 'server' && e.line.startsWith('* 1 FETCH'));
    // Each of the two sessions hears of the flag once: the PC as its STORE reply, the phone while idling.
    expect(fetches).toHaveLength(2);
    expect(new Set(fetches.map((e) => e.conn)).size).toBe(2);
    expect(fetches.map((e) => e.line)).toContain('* 1 FETCH (FLAGS (\\Flagged))');
    expect(fetches.every((e) => e.t >= 17 * SEC)).toBe(true);
  });

  it('shows a POP3 DELE and QUIT to an IMAP session in IDLE as an expunge', () => {
    const pc = typedOn('bob-pc');
    const trace = playSentOnly([
      ...phoneIdling,
      at(14 * SEC, { type: 'terminal.open', host: 'bob-pc', target: 'hamburger.edu', port: 110 }),
      pc(15 * SEC, 'USER bob'),
      pc(16 * SEC, 'PASS hungry'),
      pc(17 * SEC, 'DELE 1'),
      pc(18 * SEC, 'QUIT'),
    ]);
    const expunge = imapServerLines(trace).find((e) => e.line === '* 1 EXPUNGE');
    expect(expunge?.t).toBeGreaterThanOrEqual(18 * SEC);
    expect(trace.filter(isKind('mailbox.expunged'))).toMatchObject([
      { user: 'bob', folder: 'INBOX', uid: 1 },
    ]);
  });
});
