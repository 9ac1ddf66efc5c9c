// A person reads Bob's mail by hand: `telnet hamburger.edu 110` from Bob's PC, as the console's hint suggests.
// The connection is POP3 from its first segment, every typed line carries its verb, and the server's state
// machine walks through the RFC's states.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/sim/session.ts';
import { shownLine } from '../../src/sim/shownLine.ts';
import { isKind } from '../../src/sim/trace.ts';
import { textbookWorld, typeAt, typedInputs } from './terminalSession.ts';

describe('telnet hamburger.edu 110', () => {
  const session = typeAt('bob-pc', 'hamburger.edu', 110, ['USER bob', 'PASS hungry', 'STAT', 'QUIT']);
  const lines = session.events.filter(isKind('app.line'));

  it('connects to a POP3 server that greets, takes USER and PASS, and signs off', () => {
    expect(session.events.find(isKind('terminal.connected'))?.protocol).toBe('pop3');
    expect(lines.filter((e) => e.from === 'server').map((e) => e.reply)).toEqual([
      'pop3.greeting.apop',
      'pop3.user.ok',
      'pop3.pass.ok',
      'pop3.stat',
      'pop3.quit.updated',
    ]);
    expect(lines.filter((e) => e.from === 'client').map((e) => e.verb)).toEqual([
      'USER',
      'PASS',
      'STAT',
      'QUIT',
    ]);
  });

  it('never shows the typed password', () => {
    const pass = lines.find((e) => e.verb === 'PASS');
    expect(pass && shownLine(pass)).not.toContain('hungry');
    const screen = session.events.filter(isKind('terminal.line')).map((e) => e.text);
    expect(screen.join('\n')).not.toContain('hungry');
  });

  it('runs the server machine through AUTHORIZATION and TRANSACTION to UPDATE', () => {
    const states = session.events
      .filter(isKind('session.state'))
      .filter((e) => e.machine === 'pop3-server')
      .map((e) => e.to);
    expect(states.some((s) => s.includes('TRANSACTION'))).toBe(true);
    expect(states).toContain('UPDATE');
  });
});

describe('the POP3 service and its host', () => {
  it('goes down with the host and answers again once the host is back', () => {
    const inputs = [
      {
        at: 0,
        input: { type: 'fault' as const, fault: { type: 'host.down' as const, host: 'hamburger.edu' } },
      },
      ...typedInputs('bob-pc', 'hamburger.edu', 110, []).map((i) => ({ ...i, at: 1000 })),
      {
        at: 60_000,
        input: { type: 'fault' as const, fault: { type: 'host.up' as const, host: 'hamburger.edu' } },
      },
      ...typedInputs('bob-pc', 'hamburger.edu', 110, []).map((i) => ({ ...i, at: 70_000 })),
    ];
    const session = new Session(textbookWorld(), inputs);
    session.runUntilQuiet(30 * 60_000);
    const greetings = session.events
      .filter(isKind('app.line'))
      .filter((e) => e.reply === 'pop3.greeting.apop');
    expect(greetings).toHaveLength(1);
    expect(greetings[0]?.t).toBeGreaterThan(70_000);
  });
});
