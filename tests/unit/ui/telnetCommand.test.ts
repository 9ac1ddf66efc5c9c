import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import { Session } from '../../../src/sim/session.ts';
import type { Input } from '../../../src/sim/input.ts';
import { parseTelnetCommand, terminalScreen } from '../../../src/ui/lab/telnetCommand.ts';

describe('parseTelnetCommand', () => {
  it('reads telnet host port as a connection to open', () => {
    expect(parseTelnetCommand('telnet hamburger.edu 25')).toEqual({
      kind: 'open',
      target: 'hamburger.edu',
      port: 25,
    });
  });

  it('reads open host port the same way, ignoring case and extra spaces', () => {
    expect(parseTelnetCommand('  OPEN   192.0.2.14   110 ')).toEqual({
      kind: 'open',
      target: '192.0.2.14',
      port: 110,
    });
  });

  it('accepts a well-known service name for the port', () => {
    expect(parseTelnetCommand('telnet hamburger.edu smtp')).toEqual({
      kind: 'open',
      target: 'hamburger.edu',
      port: 25,
    });
  });

  it('answers a telnet command without a port, or with too many words, with the usage', () => {
    expect(parseTelnetCommand('telnet hamburger.edu')).toEqual({ kind: 'invalid', problem: 'usage' });
    expect(parseTelnetCommand('telnet')).toEqual({ kind: 'invalid', problem: 'usage' });
    expect(parseTelnetCommand('telnet hamburger.edu 25 now')).toEqual({ kind: 'invalid', problem: 'usage' });
  });

  it('says which part is wrong when the port or host cannot be one', () => {
    expect(parseTelnetCommand('telnet hamburger.edu 70000')).toEqual({ kind: 'invalid', problem: 'port' });
    expect(parseTelnetCommand('telnet hamburger.edu twenty')).toEqual({ kind: 'invalid', problem: 'port' });
    expect(parseTelnetCommand('telnet hamburger_edu! 25')).toEqual({ kind: 'invalid', problem: 'host' });
  });

  it('reads quit and close as closing, and help or ? as asking for help', () => {
    expect(parseTelnetCommand('quit')).toEqual({ kind: 'close' });
    expect(parseTelnetCommand('Close')).toEqual({ kind: 'close' });
    expect(parseTelnetCommand('help')).toEqual({ kind: 'help' });
    expect(parseTelnetCommand('?')).toEqual({ kind: 'help' });
  });

  it('leaves anything else, such as an SMTP command, for the console to explain', () => {
    expect(parseTelnetCommand('HELO crepes.fr')).toEqual({ kind: 'other', text: 'HELO crepes.fr' });
    expect(parseTelnetCommand('   ')).toEqual({ kind: 'empty' });
  });
});

describe('terminalScreen', () => {
  function session(): Session {
    const scenario = builtinScenario('textbook');
    if (scenario === undefined) throw new Error('textbook is missing');
    const s = new Session({ ...scenario, inputs: [] });
    s.runUntilQuiet(10_000);
    return s;
  }

  function act(s: Session, input: Input): void {
    s.input(s.now, input);
    s.runUntilQuiet(s.now + 5_000);
  }

  it('is idle before anything was typed', () => {
    const s = session();
    expect(terminalScreen(s.trace, s.trace.length - 1, 'alice-pc')).toEqual({
      rows: [],
      status: { state: 'idle' },
      hostUp: true,
    });
  });

  it('shows the command, telnet’s messages and the greeting, and is connected once the server answers', () => {
    const s = session();
    act(s, { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 });
    act(s, { type: 'terminal.type', host: 'alice-pc', text: 'HELO crepes.fr' });
    const screen = terminalScreen(s.trace, s.trace.length - 1, 'alice-pc');
    expect(screen.status).toEqual({ state: 'connected', target: 'hamburger.edu', port: 25 });
    expect(screen.rows.map((r) => [r.stream, r.text])).toEqual([
      ['command', 'telnet hamburger.edu 25'],
      ['info', 'Trying 192.0.2.14...'],
      ['info', 'Connected to hamburger.edu.'],
      ['info', "Escape character is '^]'."],
      ['in', '220 hamburger.edu'],
      ['out', 'HELO crepes.fr'],
      ['in', '250 Hello crepes.fr, pleased to meet you'],
    ]);
  });

  it('shows the world as it was at the cursor, not as it is at the end', () => {
    const s = session();
    act(s, { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 });
    const opened = s.trace.findIndex((e) => e.kind === 'input' && e.input.type === 'terminal.open');
    expect(terminalScreen(s.trace, opened, 'alice-pc').status.state).toBe('connecting');
    expect(terminalScreen(s.trace, opened - 1, 'alice-pc').rows).toEqual([]);
  });

  it('is idle again after the server closes the connection', () => {
    const s = session();
    act(s, { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 });
    act(s, { type: 'terminal.type', host: 'alice-pc', text: 'QUIT' });
    const screen = terminalScreen(s.trace, s.trace.length - 1, 'alice-pc');
    expect(screen.status).toEqual({ state: 'idle' });
    expect(screen.rows.at(-1)?.text).toBe('Connection closed by foreign host.');
  });

  it('is idle after the person closes it or the host goes down, and after a failed lookup', () => {
    const s = session();
    act(s, { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 });
    act(s, { type: 'terminal.close', host: 'alice-pc' });
    expect(terminalScreen(s.trace, s.trace.length - 1, 'alice-pc').status.state).toBe('idle');
    act(s, { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 });
    act(s, { type: 'fault', fault: { type: 'host.down', host: 'alice-pc' } });
    expect(terminalScreen(s.trace, s.trace.length - 1, 'alice-pc')).toMatchObject({
      status: { state: 'idle' },
      hostUp: false,
    });
    act(s, { type: 'fault', fault: { type: 'host.up', host: 'alice-pc' } });
    act(s, { type: 'terminal.open', host: 'alice-pc', target: 'nowhere.example', port: 25 });
    const screen = terminalScreen(s.trace, s.trace.length - 1, 'alice-pc');
    expect(screen.status.state).toBe('idle');
    expect(screen.rows.at(-1)?.text).toMatch(/^telnet: could not resolve nowhere\.example/);
  });

  it('leaves out other hosts’ terminals', () => {
    const s = session();
    act(s, { type: 'terminal.open', host: 'bob-pc', target: 'hamburger.edu', port: 25 });
    expect(terminalScreen(s.trace, s.trace.length - 1, 'alice-pc').rows).toEqual([]);
  });
});
