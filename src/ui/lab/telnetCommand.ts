// The console's telnet client, apart from its looks: what a typed command means, and what a host's terminal
// shows and whether it is connected at a point of the trace (a pure function of trace and cursor).
import type { TraceEvent } from '../../sim/trace.ts';

/** TelnetProblem says why a telnet command could not be understood. */
export type TelnetProblem = 'usage' | 'port' | 'host';

/** TelnetCommand is what one line typed at the terminal's own prompt (not to a server) asks for. */
export type TelnetCommand =
  | { kind: 'empty' }
  | { kind: 'open'; target: string; port: number }
  | { kind: 'close' }
  | { kind: 'help' }
  | { kind: 'invalid'; problem: TelnetProblem }
  | { kind: 'other'; text: string };

/** SERVICE_PORTS are the service names telnet accepts instead of a port number (as in /etc/services). */
export const SERVICE_PORTS: Readonly<Record<string, number>> = {
  echo: 7,
  smtp: 25,
  http: 80,
  pop3: 110,
  imap: 143,
  submission: 587,
};

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;

function parsePort(text: string): number | null {
  const named = SERVICE_PORTS[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

/**
 * parseTelnetCommand reads a line typed while no connection is open (or after the escape character):
 * `telnet host port` and `open host port` connect, `quit` and `close` disconnect, `help` or `?` explain.
 * Anything else is `other`, for the console to answer with a hint rather than send anywhere.
 */
export function parseTelnetCommand(line: string): TelnetCommand {
  const words = line.trim().split(/\s+/).filter(Boolean);
  const verb = words[0]?.toLowerCase();
  if (verb === undefined) return { kind: 'empty' };
  if (verb === 'telnet' || verb === 'open') {
    if (words.length !== 3) return { kind: 'invalid', problem: 'usage' };
    const [, target = '', portText = ''] = words;
    if (!HOST_NAME.test(target)) return { kind: 'invalid', problem: 'host' };
    const port = parsePort(portText);
    if (port === null) return { kind: 'invalid', problem: 'port' };
    return { kind: 'open', target, port };
  }
  if ((verb === 'quit' || verb === 'close') && words.length === 1) return { kind: 'close' };
  if ((verb === 'help' || verb === '?') && words.length === 1) return { kind: 'help' };
  return { kind: 'other', text: line.trim() };
}

/** TerminalStatus is the state of a host's one telnet session at the cursor. */
export type TerminalStatus =
  | { state: 'idle' }
  | { state: 'connecting'; target: string; port: number }
  | { state: 'connected'; target: string; port: number };

/** TerminalRow is one line of the terminal's screen: a command the person gave, or what the terminal printed. */
export interface TerminalRow {
  readonly seq: number;
  readonly stream: 'command' | 'in' | 'out' | 'info';
  readonly text: string;
}

/** TerminalScreen is a host's terminal at the cursor: its lines so far, its connection, and whether it is up. */
export interface TerminalScreen {
  readonly rows: readonly TerminalRow[];
  readonly status: TerminalStatus;
  readonly hostUp: boolean;
}

// The terminal reports its connection only in the messages real telnet prints (sim/hosts/terminal.ts), so
// these are what tell a connection has ended.
const ENDED = /^(Connection closed|telnet: )/;

/**
 * terminalScreen folds the trace up to position `cursor` for one host: every `terminal.line` it printed, with
 * the open and close commands given to it, and whether a connection is open. A host going down ends it.
 */
export function terminalScreen(trace: readonly TraceEvent[], cursor: number, host: string): TerminalScreen {
  const rows: TerminalRow[] = [];
  let status: TerminalStatus = { state: 'idle' };
  let hostUp = true;
  const last = Math.min(cursor, trace.length - 1);
  for (let i = 0; i <= last; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'input') {
      const input = e.input;
      if (input.type === 'terminal.open' && input.host === host) {
        rows.push({ seq: e.seq, stream: 'command', text: `telnet ${input.target} ${input.port}` });
        if (status.state === 'idle') status = { state: 'connecting', target: input.target, port: input.port };
      } else if (input.type === 'terminal.close' && input.host === host) {
        rows.push({ seq: e.seq, stream: 'command', text: 'telnet> close' });
      }
    } else if (e.kind === 'terminal.line' && e.host === host) {
      rows.push({ seq: e.seq, stream: e.stream, text: e.text });
      if (e.stream !== 'info' || status.state === 'idle') continue;
      if (e.text.startsWith('Connected to '))
        status = { state: 'connected', target: status.target, port: status.port };
      else if (ENDED.test(e.text)) status = { state: 'idle' };
    } else if ((e.kind === 'host.down' || e.kind === 'host.up') && e.host === host) {
      hostUp = e.kind === 'host.up';
      status = { state: 'idle' };
    }
  }
  return { rows, status, hostUp };
}
