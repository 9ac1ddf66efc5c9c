// The terminal as a person uses it (`telnet hamburger.edu 25`): what it reports of its connection, and what the
// lines typed into it mean.
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { Input } from '../../../src/sim/input.ts';
import { Session } from '../../../src/sim/session.ts';
import { isKind } from '../../../src/sim/trace.ts';

function textbookWith(inputs: { at: number; input: Input }[]) {
  const scenario = builtinScenario('textbook');
  if (!scenario) throw new Error('textbook is missing');
  const session = new Session({ ...scenario, inputs }, []);
  session.runUntil(3_600_000);
  return session.events;
}

const open = { type: 'terminal.open', host: 'bob-pc', target: 'hamburger.edu', port: 25 } as const;
const type = (text: string) => ({ type: 'terminal.type', host: 'bob-pc', text }) as const;

describe('the terminal', () => {
  it('reports one connection and one end when the person closes it, even if the server then vanishes', () => {
    const trace = textbookWith([
      { at: 0, input: open },
      { at: 2000, input: { type: 'terminal.close', host: 'bob-pc' } },
      { at: 2000, input: { type: 'fault', fault: { type: 'host.down', host: 'hamburger.edu' } } },
    ]);
    expect(
      trace.filter(isKind('terminal.connected')).map((e) => `${e.target}:${e.port} ${e.protocol}`),
    ).toEqual(['hamburger.edu:25 smtp']);
    expect(trace.filter(isKind('terminal.disconnected')).map((e) => e.how)).toEqual(['closed']);
  });

  it('says the peer closed when the server ends the session after QUIT', () => {
    const trace = textbookWith([
      { at: 0, input: open },
      { at: 2000, input: type('QUIT') },
    ]);
    expect(trace.filter(isKind('terminal.disconnected')).map((e) => e.how)).toEqual(['closed-by-peer']);
  });

  it('says a lookup of an unknown name failed, with no connection', () => {
    const trace = textbookWith([{ at: 0, input: { ...open, target: 'nowhere.example' } }]);
    expect(trace.filter(isKind('terminal.disconnected'))).toMatchObject([{ conn: null, how: 'failed' }]);
  });

  it('gives typed lines the facts the server will read in them: commands, then message text after 354', () => {
    const trace = textbookWith([
      { at: 0, input: open },
      { at: 1000, input: type('HELO bob-pc') },
      { at: 1200, input: type('MAIL FROM:<bob@hamburger.edu>') },
      { at: 1400, input: type('RCPT TO:<bob@hamburger.edu>') },
      { at: 1600, input: type('DATA') },
      { at: 1800, input: type('RCPT TO:<not-a-command@hamburger.edu>') },
      { at: 2000, input: type('.') },
    ]);
    const typed = trace
      .filter(isKind('app.line'))
      .filter((e) => e.host === 'bob-pc')
      .map((e) => e.verb ?? e.content);
    expect(typed).toEqual(['HELO', 'MAIL', 'RCPT', 'DATA', 'data', '.']);
    const replies = trace.filter(isKind('app.line')).filter((e) => e.host === 'hamburger.edu');
    expect(replies.find((e) => e.answers === '.')).toMatchObject({ code: 250, reply: 'smtp.data.accepted' });
    // Left idle, the server gives up after five minutes with a notice that answers nothing.
    expect(replies.at(-1)).toMatchObject({ code: 421, reply: 'smtp.service.timeout' });
    expect(replies.at(-1)?.answers).toBeUndefined();
    expect(trace.filter(isKind('smtp.accepted')).find((e) => e.host === 'hamburger.edu')).toMatchObject({
      from: 'bob@hamburger.edu',
      recipients: ['bob@hamburger.edu'],
      messageId: null,
    });
  });
});

describe('credentials typed into the terminal', () => {
  it('are sent as typed but echoed masked on the screen', () => {
    const secret = Buffer.from('\0alice\0croissant').toString('base64');
    const trace = textbookWith([
      { at: 0, input: { type: 'terminal.open', host: 'alice-pc', target: 'crepes.fr', port: 587 } },
      { at: 1000, input: { type: 'terminal.type', host: 'alice-pc', text: 'EHLO alice-pc' } },
      { at: 2000, input: { type: 'terminal.type', host: 'alice-pc', text: 'AUTH PLAIN' } },
      { at: 3000, input: { type: 'terminal.type', host: 'alice-pc', text: secret } },
    ]);
    const sent = trace.filter(isKind('app.line')).find((e) => e.line === secret);
    expect(sent?.content).toBe('sasl');
    const screen = trace.filter(isKind('terminal.line')).map((e) => e.text);
    expect(screen.some((text) => text.includes(secret))).toBe(false);
    expect(screen).toContain('••••••••');
    expect(trace.filter(isKind('app.line')).find((e) => e.code === 235)?.answers).toBe('AUTH');
  });
});
