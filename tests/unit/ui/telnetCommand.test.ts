import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import { Session } from '../../../src/sim/session.ts';
import type { Input } from '../../../src/sim/input.ts';
import type { TraceEvent, UnstampedEvent } from '../../../src/sim/trace.ts';
import {
  parseTelnetCommand,
  registryEntry,
  SERVICE_PORTS,
  terminalScreen,
} from '../../../src/ui/lab/telnetCommand.ts';

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

  it('knows each protocol of the registry by name, on its default port, besides submission and echo', () => {
    expect(SERVICE_PORTS).toEqual({ smtp: 25, pop3: 110, imap: 143, http: 80, submission: 587, echo: 7 });
    expect(parseTelnetCommand('telnet hamburger.edu imap')).toMatchObject({ port: 143 });
  });
});

describe('registryEntry', () => {
  it('gives the registry’s entry for a registered protocol, and none for echo or raw TCP', () => {
    expect(registryEntry('smtp')?.title).toBe('SMTP');
    expect(registryEntry('pop3')?.title).toBe('POP3');
    expect(registryEntry('echo')).toBeNull();
    expect(registryEntry('raw')).toBeNull();
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
    expect(terminalScreen(s.events, s.events.length - 1, 'alice-pc')).toEqual({
      rows: [],
      status: { state: 'idle' },
      hostUp: true,
    });
  });

  it('shows the command, telnet’s messages and the greeting, and is connected once the server answers', () => {
    const s = session();
    act(s, { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 });
    act(s, { type: 'terminal.type', host: 'alice-pc', text: 'HELO crepes.fr' });
    const screen = terminalScreen(s.events, s.events.length - 1, 'alice-pc');
    expect(screen.status).toEqual({
      state: 'connected',
      target: 'hamburger.edu',
      port: 25,
      conn: 'c1',
      protocol: 'smtp',
    });
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
    const opened = s.events.findIndex((e) => e.kind === 'input' && e.input.type === 'terminal.open');
    expect(terminalScreen(s.events, opened, 'alice-pc').status.state).toBe('connecting');
    expect(terminalScreen(s.events, opened - 1, 'alice-pc').rows).toEqual([]);
  });

  it('is idle again after the server closes the connection', () => {
    const s = session();
    act(s, { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 });
    act(s, { type: 'terminal.type', host: 'alice-pc', text: 'QUIT' });
    const screen = terminalScreen(s.events, s.events.length - 1, 'alice-pc');
    expect(screen.status).toEqual({ state: 'idle' });
    expect(screen.rows.at(-1)?.text).toBe('Connection closed by foreign host.');
  });

  it('is idle after the person closes it or the host goes down, and after a failed lookup', () => {
    const s = session();
    act(s, { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 });
    act(s, { type: 'terminal.close', host: 'alice-pc' });
    expect(terminalScreen(s.events, s.events.length - 1, 'alice-pc').status.state).toBe('idle');
    act(s, { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 });
    act(s, { type: 'fault', fault: { type: 'host.down', host: 'alice-pc' } });
    expect(terminalScreen(s.events, s.events.length - 1, 'alice-pc')).toMatchObject({
      status: { state: 'idle' },
      hostUp: false,
    });
    act(s, { type: 'fault', fault: { type: 'host.up', host: 'alice-pc' } });
    act(s, { type: 'terminal.open', host: 'alice-pc', target: 'nowhere.example', port: 25 });
    const screen = terminalScreen(s.events, s.events.length - 1, 'alice-pc');
    expect(screen.status.state).toBe('idle');
    expect(screen.rows.at(-1)?.text).toMatch(/^telnet: could not resolve nowhere\.example/);
  });

  it('leaves out other hosts’ terminals', () => {
    const s = session();
    act(s, { type: 'terminal.open', host: 'bob-pc', target: 'hamburger.edu', port: 25 });
    expect(terminalScreen(s.events, s.events.length - 1, 'alice-pc').rows).toEqual([]);
  });
});

describe('terminalScreen reads the terminal’s own reports, not its words', () => {
  const HOST = 'alice-pc';

  /** A trace written by hand: the events, stamped in order. */
  function trace(...events: UnstampedEvent[]): TraceEvent[] {
    return events.map((e, seq) => ({ ...e, t: seq * 10, seq }) as TraceEvent);
  }

  const open: UnstampedEvent = {
    kind: 'input',
    index: 0,
    input: { type: 'terminal.open', host: HOST, target: 'hamburger.edu', port: 25 },
  };
  const said = (text: string, conn: string | null = 'c1'): UnstampedEvent => ({
    kind: 'terminal.line',
    host: HOST,
    conn,
    stream: 'info',
    text,
  });
  const connected: UnstampedEvent = {
    kind: 'terminal.connected',
    host: HOST,
    conn: 'c1',
    target: 'hamburger.edu',
    port: 25,
    protocol: 'smtp',
  };
  const status = (events: readonly TraceEvent[], cursor = events.length - 1) =>
    terminalScreen(events, cursor, HOST).status;

  it('is connected on terminal.connected however its lines are worded, and idle on terminal.disconnected', () => {
    const events = trace(
      open,
      said('Versuche 192.0.2.14 …', null),
      connected,
      said('Verbunden mit hamburger.edu'),
      { kind: 'terminal.line', host: HOST, conn: 'c1', stream: 'in', text: '220 hamburger.edu' },
      said('Verbindung vom Gegenüber geschlossen'),
      { kind: 'terminal.disconnected', host: HOST, conn: 'c1', how: 'closed-by-peer' },
    );
    expect(status(events, 1)).toEqual({ state: 'connecting', target: 'hamburger.edu', port: 25 });
    expect(status(events, 2)).toEqual({
      state: 'connected',
      target: 'hamburger.edu',
      port: 25,
      conn: 'c1',
      protocol: 'smtp',
    });
    // The words that used to mean "ended" mean nothing without the event.
    expect(status(events, 5).state).toBe('connected');
    expect(status(events)).toEqual({ state: 'idle' });
    expect(terminalScreen(events, events.length - 1, HOST).rows.map((r) => r.text)).toContain(
      'Verbunden mit hamburger.edu',
    );
  });

  it('stays connecting on lines that read like a connection, until the event says so', () => {
    const events = trace(open, said('Connected to hamburger.edu.'), said('telnet: it looks like it ended'));
    expect(status(events).state).toBe('connecting');
  });

  it('is idle after a failed lookup, which names no connection', () => {
    const events = trace(
      { ...open, input: { type: 'terminal.open', host: HOST, target: 'nowhere.example', port: 25 } },
      said('could not find it', null),
      { kind: 'terminal.disconnected', host: HOST, conn: null, how: 'failed' },
    );
    expect(status(events)).toEqual({ state: 'idle' });
  });

  it('is idle when its host goes down, and knows the host is down', () => {
    const events = trace(open, connected, { kind: 'host.down', host: HOST });
    expect(terminalScreen(events, events.length - 1, HOST)).toMatchObject({
      status: { state: 'idle' },
      hostUp: false,
    });
  });

  it('stays on a new connection when a late report about an ended one arrives', () => {
    const events = trace(
      open,
      connected,
      { kind: 'terminal.disconnected', host: HOST, conn: 'c1', how: 'closed' },
      open,
      // c1's FIN was never answered, so it fails after all; that is no news about the connection now opening.
      { kind: 'terminal.disconnected', host: HOST, conn: 'c1', how: 'reset' },
      { ...connected, conn: 'c2' },
      { kind: 'terminal.disconnected', host: HOST, conn: 'c1', how: 'reset' },
    );
    expect(status(events, 4).state).toBe('connecting');
    expect(status(events)).toMatchObject({ state: 'connected', conn: 'c2' });
  });

  it('ignores other hosts’ terminals', () => {
    const events = trace(open, { ...connected, host: 'bob-pc' });
    expect(status(events).state).toBe('connecting');
  });
});
