// The console's telnet client, apart from its looks: what a typed command means, and what a host's terminal
// shows and whether it is connected at a point of the trace (a pure function of trace and cursor).
import type { ConnId } from '../../net/types.ts';
import { PROTOCOLS, type ProtocolEntry } from '../../protocols/registry.ts';
import { ECHO_PORT } from '../../sim/protocolForPort.ts';
import type { Protocol, TraceEvent } from '../../sim/trace.ts';

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

/** SUBMISSION_PORT is where mail is submitted (RFC 6409 §3.1); /etc/services calls it `submission`. */
const SUBMISSION_PORT = 587;

/**
 * SERVICE_PORTS are the service names telnet accepts instead of a port number, as /etc/services names them: each
 * protocol of the registry on its default port, then submission and the echo service (RFC 862).
 */
export const SERVICE_PORTS: Readonly<Record<string, number>> = Object.fromEntries([
  ...Object.values(PROTOCOLS).map((entry) => [entry.name, entry.ports[0] as number] as const),
  ['submission', SUBMISSION_PORT],
  ['echo', ECHO_PORT],
]);

/** registryEntry is what the protocol registry says of a connection's protocol, or null for echo and raw TCP. */
export function registryEntry(protocol: Protocol): ProtocolEntry | null {
  return protocol === 'echo' || protocol === 'raw' ? null : PROTOCOLS[protocol];
}

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
  | { state: 'connected'; target: string; port: number; conn: ConnId; protocol: Protocol };

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

/**
 * terminalScreen folds the trace up to position `cursor` for one host: every `terminal.line` it printed, with
 * the open and close commands given to it, and whether a connection is open. The terminal says so itself
 * (`terminal.connected`, `terminal.disconnected`); its printed lines are only shown, never read. A host going
 * down ends its connection.
 */
export function terminalScreen(trace: readonly TraceEvent[], cursor: number, host: string): TerminalScreen {
  const rows: TerminalRow[] = [];
  let status: TerminalStatus = { state: 'idle' };
  let hostUp = true;
  // A connection's end is reported once more if it then fails too (a FIN unanswered after our close); by then
  // the terminal may be opening the next one, which that late report must not end.
  const ended = new Set<ConnId>();
  const last = Math.min(cursor, trace.length - 1);
  for (let i = 0; i <= last; i++) {
    const e = trace[i] as TraceEvent;
    if (e.kind === 'input') {
      const input = e.input;
      if (input.type === 'terminal.open' && input.host === host) {
        rows.push({ seq: e.seq, stream: 'command', text: `telnet ${input.target} ${input.port}` });
        if (status.state === 'idle' && hostUp)
          status = { state: 'connecting', target: input.target, port: input.port };
      } else if (input.type === 'terminal.close' && input.host === host) {
        rows.push({ seq: e.seq, stream: 'command', text: 'telnet> close' });
      }
    } else if (e.kind === 'terminal.line' && e.host === host) {
      rows.push({ seq: e.seq, stream: e.stream, text: e.text });
    } else if (e.kind === 'terminal.connected' && e.host === host) {
      status = { state: 'connected', target: e.target, port: e.port, conn: e.conn, protocol: e.protocol };
    } else if (e.kind === 'terminal.disconnected' && e.host === host) {
      if (e.conn !== null && ended.has(e.conn)) continue;
      if (e.conn !== null) ended.add(e.conn);
      if (status.state === 'connected' && e.conn !== status.conn) continue;
      status = { state: 'idle' };
    } else if ((e.kind === 'host.down' || e.kind === 'host.up') && e.host === host) {
      hostUp = e.kind === 'host.up';
      status = { state: 'idle' };
    }
  }
  return { rows, status, hostUp };
}
