// A person reads Bob's mail by hand: `telnet hamburger.edu 143` from Bob's PC, as the console's hint suggests,
// literals typed as the RFC has them: `{n}` at the end of a line, the server's `+`, then the n octets.
import { describe, expect, it } from 'vitest';
import { shownLine } from '../../src/sim/shownLine.ts';
import { isKind } from '../../src/sim/trace.ts';
import { typeAt } from './terminalSession.ts';

describe('telnet hamburger.edu 143', () => {
  const session = typeAt('bob-pc', 'hamburger.edu', 143, [
    'a1 LOGIN bob {6}',
    'hungry',
    'a2 CREATE {8}',
    'Receipts',
    'a3 SELECT INBOX',
    'a4 LOGOUT',
  ]);
  const lines = session.events.filter(isKind('app.line'));
  const server = lines.filter((e) => e.from === 'server');

  it('connects to an IMAP server and takes a login whose password is a literal', () => {
    expect(session.events.find(isKind('terminal.connected'))?.protocol).toBe('imap');
    const tagged = server.filter((e) => e.tag !== undefined && e.tag !== '*' && e.tag !== '+');
    expect(tagged.map((e) => [e.tag, e.status])).toEqual([
      ['a1', 'OK'],
      ['a2', 'OK'],
      ['a3', 'OK'],
      ['a4', 'OK'],
    ]);
    expect(server.filter((e) => e.line.startsWith('+ ')).length).toBe(2);
  });

  it('creates the folder named by a literal of eight octets, the line end not counted', () => {
    const created = session.events.find(isKind('mailbox.created'));
    expect(created).toMatchObject({ user: 'bob', folder: 'Receipts' });
  });

  it('never shows the password sent as a literal', () => {
    for (const line of lines.filter((e) => e.from === 'client'))
      expect(shownLine(line)).not.toContain('hungry');
    const screen = session.events.filter(isKind('terminal.line')).map((e) => e.text);
    expect(screen.join('\n')).not.toContain('hungry');
  });

  it('answers a command typed wrong with BAD, and goes on', () => {
    const bad = typeAt('bob-pc', 'hamburger.edu', 143, ['a1 FROB', 'a2 NOOP', 'a3 LOGOUT']);
    const answers = bad.events
      .filter(isKind('app.line'))
      .filter((e) => e.from === 'server' && (e.tag === 'a1' || e.tag === 'a2'))
      .map((e) => [e.tag, e.status]);
    expect(answers).toEqual([
      ['a1', 'BAD'],
      ['a2', 'OK'],
    ]);
  });
});
