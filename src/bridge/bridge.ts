// The bridge: a mail server of the built-in textbook world answers real TCP connections on 127.0.0.1, so telnet,
// Python's smtplib, poplib and imaplib or curl talk to the very SMTP, POP3 and IMAP machines the browser animates,
// in a world whose time keeps pace; with --http, the webmail world's webmail host answers a real browser too.
import { createServer, type Server, type Socket as NetSocket } from 'node:net';
import type { ConnId } from '../net/types.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import type { Socket } from '../net/socket.ts';
import { LineFramer } from '../protocols/shared/lineFramer.ts';
import { TEXT_LINE_MAX } from '../protocols/shared/limits.ts';
import { COMMAND_LINE_MAX } from '../protocols/pop3/limits.ts';
import { octetsToUtf8 } from '../protocols/shared/octets.ts';
import { builtinScenario } from '../sim/builtinScenarios.ts';
import { describeEvent } from '../sim/formatTrace.ts';
import { Kernel } from '../sim/kernel.ts';
import {
  IMAP_LINE_MAX,
  IMAP_PORT,
  POP3_PORT,
  SMTP_PORT,
  SUBMISSION_PORT,
  type MailServer,
} from '../sim/mail/mailServer.ts';
import { escapeControls, shownLine } from '../sim/shownLine.ts';
import type { Protocol, TraceEvent } from '../sim/trace.ts';
import type { WebmailService } from '../sim/webmail/webmailService.ts';
import { HTTP_PORT } from '../sim/services/httpService.ts';
import { World } from '../sim/world.ts';
import { HttpRequestReader } from './httpRequestReader.ts';
import { NodeSocket } from './nodeSocket.ts';

/**
 * BRIDGE_ADDRESS is the address the bridge listens on unless told otherwise: a lab server must not be reachable
 * from outside by accident.
 */
export const BRIDGE_ADDRESS = '127.0.0.1';

/**
 * BRIDGE_TRACE_WINDOW is about how many octets of the newest trace events the bridge keeps (up to twice as many
 * before it drops the oldest; see Kernel): the log is written as events come, so nothing needs the old ones.
 */
export const BRIDGE_TRACE_WINDOW = 16 * 1024 * 1024;

/**
 * BRIDGE_STORAGE_LIMIT is how many octets of messages each mail server of the bridge's world keeps, in mailboxes
 * and queue together; past it, RCPT gets 452 until someone reads and deletes mail.
 */
export const BRIDGE_STORAGE_LIMIT = 64 * 1024 * 1024;

/** SHOWN_TEXT_LINES is how many lines of a message's text (after DATA, in a RETR) the log shows before counting. */
export const SHOWN_TEXT_LINES = 5;

/** SHOWN_LINE_OCTETS is how much of one long line the log shows before counting the rest. */
export const SHOWN_LINE_OCTETS = 200;

/** DEFAULT_BRIDGE_HOST is the textbook world's mail server the bridge serves unless told otherwise: Bob's. */
export const DEFAULT_BRIDGE_HOST = 'hamburger.edu';

/** BridgeOptions says which real ports to open (0 picks a free one), for which mail server, and where to log. */
export interface BridgeOptions {
  /** smtp is the real port served as the mail server's port 25. */
  readonly smtp?: number;
  /** submission is the real port served as its port 587, where AUTH is required (RFC 6409). */
  readonly submission?: number;
  /** pop3 is the real port served as its POP3 port 110 (RFC 1939), reading the mailboxes SMTP delivers to. */
  readonly pop3?: number;
  /** imap is the real port served as its IMAP port 143 (RFC 3501), over the same mailboxes as POP3. */
  readonly imap?: number;
  /**
   * http is the real port served as port 80 of the mail server's webmail host (webmail.hamburger.edu), whose
   * users log in, read over IMAP and send over submission; asking for it builds the `webmail` world.
   */
  readonly http?: number;
  /** host names the mail server of the textbook world, `hamburger.edu` by default. */
  readonly host?: string;
  /**
   * listen is the address to listen on, BRIDGE_ADDRESS by default. Any other address makes the lab's server, with
   * its well-known passwords, reachable by whoever can reach it; the log says so first.
   */
  readonly listen?: string;
  /** storageLimit overrides BRIDGE_STORAGE_LIMIT, the octets of messages each mail server keeps. */
  readonly storageLimit?: number;
  /** traceWindow overrides BRIDGE_TRACE_WINDOW, the octets of newest trace events kept. */
  readonly traceWindow?: number;
  /** log receives the teaching log, one line at a time, without a line end. */
  readonly log?: (line: string) => void;
}

/** Bridge is a running bridge: the ports it listens on, the world behind them, and how to stop it. */
export interface Bridge {
  readonly ports: { readonly [K in ServiceKind]?: number };
  readonly world: World;
  readonly kernel: Kernel;
  readonly mailServer: MailServer;
  /** webmail is the webmail host's service when `http` was asked for. */
  readonly webmail: WebmailService | null;
  /** stop says 421 to open sessions (RFC 5321 §3.8), stops listening and resolves once every socket is gone. */
  stop(): Promise<void>;
}

/**
 * ServiceKind names a service the bridge can open a real port for: each has a SERVICES entry, an option, and a
 * flag in src/cli/bridge.ts.
 */
export type ServiceKind = 'smtp' | 'submission' | 'pop3' | 'imap' | 'http';

/** Served is what answers the bridge's connections: the mail server, and its webmail host when `http` was asked. */
interface Served {
  readonly mailServer: MailServer;
  readonly webmail: { readonly host: string; readonly service: WebmailService } | null;
}

/** BridgeService is how the bridge serves one kind: the simulated port it stands for and whose machine answers. */
interface BridgeService {
  readonly port: number;
  readonly protocol: Extract<Protocol, 'smtp' | 'pop3' | 'imap' | 'http'>;
  /**
   * maxLine frames what a real client sends as the server's own framer will; null for HTTP, whose bodies are
   * octets, not lines (HttpRequestReader frames it).
   */
  readonly maxLine: number | null;
  /** server is the simulated host the connection reaches. */
  server(served: Served): string;
  serve(served: Served, socket: NodeSocket): void;
}

const mailHost = (served: Served) => served.mailServer.hostname;

const SERVICES: { readonly [K in ServiceKind]: BridgeService } = {
  smtp: {
    port: SMTP_PORT,
    protocol: 'smtp',
    maxLine: TEXT_LINE_MAX * 4,
    server: mailHost,
    serve: ({ mailServer }, socket) => mailServer.serveService('smtp', socket),
  },
  submission: {
    port: SUBMISSION_PORT,
    protocol: 'smtp',
    maxLine: TEXT_LINE_MAX * 4,
    server: mailHost,
    serve: ({ mailServer }, socket) => mailServer.serveService('submission', socket),
  },
  pop3: {
    port: POP3_PORT,
    protocol: 'pop3',
    maxLine: COMMAND_LINE_MAX,
    server: mailHost,
    serve: ({ mailServer }, socket) => mailServer.serveService('pop3', socket),
  },
  imap: {
    port: IMAP_PORT,
    protocol: 'imap',
    // A literal's octets travel framed as lines too, so the bound is the server's own.
    maxLine: IMAP_LINE_MAX,
    server: mailHost,
    serve: ({ mailServer }, socket) => mailServer.serveService('imap', socket),
  },
  http: {
    port: HTTP_PORT,
    protocol: 'http',
    maxLine: null,
    server: (served) => served.webmail?.host ?? mailHost(served),
    serve: ({ webmail }, socket) => webmail?.service.serve(socket),
  },
};

const KINDS: readonly ServiceKind[] = ['smtp', 'submission', 'pop3', 'imap', 'http'];

// How often virtual time catches up with real time while no socket speaks, so that timeouts and the queue run.
const TICK_MS = 20;
// How long stop() lets clients answer the 421 by closing before their connections are reset.
const STOP_GRACE_MS = 500;

/**
 * startBridge builds the textbook world, takes the MailServer of `options.host` and serves every connection to
 * the requested ports through `mailServer.serve`. It resolves once listening, or rejects with a readable error
 * (a port in use, an unknown host, no port asked for). Call `stop` before dropping the bridge.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const write = options.log ?? (() => {});
  // Whatever a line quotes (a client's bytes, a host name, an error), it reaches the teacher's terminal escaped.
  const log = (line: string) => write(escapeControls(line));
  const hostName = options.host ?? DEFAULT_BRIDGE_HOST;
  const address = options.listen ?? BRIDGE_ADDRESS;
  const storageLimit = options.storageLimit ?? BRIDGE_STORAGE_LIMIT;
  const traceWindow = options.traceWindow ?? BRIDGE_TRACE_WINDOW;
  const asked = KINDS.filter((kind) => options[kind] !== undefined);
  if (asked.length === 0)
    throw new Error('startBridge: ask for at least one port: smtp, submission, pop3, imap or http');
  for (const kind of asked) checkPort(kind, options[kind] as number);

  // The webmail world is the textbook's with webmail.hamburger.edu beside Bob's server.
  const worldName = options.http === undefined ? 'textbook' : 'webmail';
  const scenario = builtinScenario(worldName);
  if (!scenario) throw new Error(`startBridge: the built-in ${worldName} scenario is missing`);
  const kernel = new Kernel(scenario.seed, { traceWindow });
  kernel.emit({ kind: 'sim.start', scenario: scenario.name, seed: scenario.seed });
  // The scenario's scripted inputs are not scheduled: here the people are the real clients.
  const world = new World(scenario, kernel);
  const mailServer = world.mailServer(hostName);
  if (!mailServer) {
    const servers = scenario.hosts.filter((h) => h.mail).map((h) => h.id);
    throw new Error(`${hostName} runs no mail server in the ${worldName} world (try ${servers.join(', ')})`);
  }
  const webmailHost = scenario.hosts.find((h) =>
    h.services?.some((s) => s.type === 'webmail' && s.server === hostName),
  );
  const webmailService = webmailHost === undefined ? undefined : world.webmail(webmailHost.id);
  if (options.http !== undefined && (webmailHost === undefined || webmailService === undefined))
    throw new Error(`${hostName} has no webmail in the ${worldName} world (try --host hamburger.edu)`);
  const served: Served = {
    mailServer,
    webmail:
      webmailHost === undefined || webmailService === undefined
        ? null
        : { host: webmailHost.id, service: webmailService },
  };
  if (options.submission !== undefined && !mailServer.config.submission)
    throw new Error(`${hostName} offers no submission service`);
  for (const host of scenario.hosts) {
    const server = host.mail ? world.mailServer(host.id) : undefined;
    if (server) server.store.limit = storageLimit;
  }

  const started = performance.now();
  let logged = 0;
  const shown = new TextRuns();
  // Virtual time is real time since the start, in whole milliseconds, never behind what the kernel already ran.
  const advance = () => kernel.runUntil(Math.floor(performance.now() - started));
  const flush = () => {
    const events = kernel.since(logged);
    const missed = (events[0]?.seq ?? kernel.emitted) - logged;
    if (missed > 0) log(`(${missed} events came and went before they could be logged)`);
    for (const event of events) for (const line of shown.lines(event)) log(line);
    logged = kernel.emitted;
  };
  const tick = () => {
    advance();
    flush();
  };

  // Each open connection, with a promise that settles once its socket has reported `closed` or `error`.
  const open = new Map<NetSocket, Promise<void>>();
  let nextConn = 1;
  const accept = (raw: NetSocket, kind: ServiceKind, port: number) => {
    const service = SERVICES[kind];
    const conn: ConnId = `b${nextConn++}`;
    const socket = new NodeSocket(raw, conn);
    let gone = () => {};
    open.set(raw, new Promise<void>((resolve) => (gone = resolve)));
    tick();
    log(
      `${at(kernel.now())}  ${conn}  connected from ${socket.remote.addr}:${socket.remote.port} to port ${port}`,
    );
    kernel.emit({
      kind: 'conn.opened',
      conn,
      client: socket.remote.host,
      server: service.server(served),
      port: service.port,
      protocol: service.protocol,
    });
    // A real client has no machine of ours to trace its lines, so the bridge frames them as the server will
    // and records them, with what they mean, before the server's replies: the trace reads like a simulated
    // session.
    const record =
      service.maxLine === null
        ? recordHttpRequests(kernel, socket)
        : recordLines(kernel, socket, service.protocol, service.maxLine);
    socket.onEvent((event) => {
      advance();
      if (event.type === 'data') record.data(event.data);
    });
    service.serve(served, socket);
    socket.onEvent((event) => {
      // Heard now, while the server's answers to this data are among the newest events.
      record.hear();
      flush();
      if (event.type === 'closed' || event.type === 'error') {
        for (const line of shown.end(conn)) log(line);
        open.delete(raw);
        log(`${at(kernel.now())}  ${conn}  ${event.type === 'closed' ? 'closed' : `failed: ${event.error}`}`);
        gone();
      }
    });
    flush();
  };

  const servers: Server[] = [];
  const ports: { [K in ServiceKind]?: number } = {};
  try {
    for (const kind of asked) {
      const server = await listen(address, options[kind] as number, (raw, port) => accept(raw, kind, port));
      servers.push(server);
      ports[kind] = portOf(server);
      server.on('error', (error) => log(`bridge: ${kind} listener failed: ${error.message}`));
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }
  const timer = setInterval(tick, TICK_MS);
  if (address !== BRIDGE_ADDRESS)
    log(
      `warning: listening on ${address}, not ${BRIDGE_ADDRESS}: anyone who can reach this address can use the lab's ` +
        `mail server and its well-known passwords`,
    );
  log(
    `memory: the trace keeps only its newest ${mebibytes(traceWindow)} MiB of events, and each mail server ` +
      `stores up to ${mebibytes(storageLimit)} MiB of messages (then RCPT gets 452 until mail is deleted)`,
  );
  for (const kind of asked) log(`ready ${kind} ${address}:${ports[kind]} (${SERVICES[kind].server(served)})`);

  let stopping: Promise<void> | null = null;
  const stop = async () => {
    clearInterval(timer);
    tick();
    mailServer.stop(true);
    flush();
    const listening = Promise.all(servers.map(closeServer));
    const hungUp = Promise.all(open.values());
    const grace = new Promise<void>((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
    await Promise.race([hungUp, grace]);
    for (const raw of open.keys()) raw.resetAndDestroy();
    await Promise.all([listening, ...open.values()]);
    flush();
  };
  return {
    ports,
    world,
    kernel,
    mailServer,
    webmail: served.webmail?.service ?? null,
    stop: () => (stopping ??= stop()),
  };
}

/** ClientRecorder records what a real client sends on one connection; `hear` reads the server's newest lines. */
interface ClientRecorder {
  data(octets: string): void;
  hear(): void;
}

// Lines framed as the server's framer will, with a typed-line reader's facts. The reader hears the server's
// replies too, since a 354 makes what follows message text.
function recordLines(
  kernel: Kernel,
  socket: Socket,
  protocol: Extract<Protocol, 'smtp' | 'pop3' | 'imap' | 'http'>,
  maxLine: number,
): ClientRecorder {
  const framer = new LineFramer(maxLine);
  const reader = PROTOCOLS[protocol].typedLines?.() ?? null;
  const conn = socket.conn;
  let heard = kernel.emitted;
  const hear = () => {
    for (const e of kernel.since(heard))
      if (e.kind === 'app.line' && e.conn === conn && e.from === 'server') reader?.server(e.line);
    heard = kernel.emitted;
  };
  return {
    hear,
    data(octets) {
      hear();
      for (const framed of framer.push(octets)) {
        const line = octetsToUtf8(framed.kind === 'line' ? framed.line : framed.prefix);
        kernel.emit({
          kind: 'app.line',
          conn,
          host: socket.remote.host,
          protocol,
          from: 'client',
          line,
          ...reader?.client(line),
        });
      }
    },
  };
}

// An HTTP request's head lines with their facts, and its body as one http.body, as a simulated browser writes them.
function recordHttpRequests(kernel: Kernel, socket: Socket): ClientRecorder {
  const reader = new HttpRequestReader();
  const conn = socket.conn;
  const host = socket.remote.host;
  return {
    hear: () => {},
    data(octets) {
      for (const item of reader.push(octets)) {
        if (item.kind === 'line')
          kernel.emit({
            kind: 'app.line',
            conn,
            host,
            protocol: 'http',
            from: 'client',
            line: octetsToUtf8(item.line),
            ...item.facts,
          });
        else
          kernel.emit({
            kind: 'http.body',
            conn,
            host,
            from: 'client',
            request: item.request,
            content: item.content,
            size: item.size,
            wireOctets: item.wireOctets,
            chunks: item.chunks,
          });
      }
    },
  };
}

function checkPort(kind: string, port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError(`the ${kind} port must be a whole number from 0 to 65535, not ${port}`);
}

function listen(
  host: string,
  port: number,
  onConnection: (raw: NetSocket, port: number) => void,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    // allowHalfOpen leaves closing to the session machine, as over virtual TCP (see NodeSocket).
    const server = createServer({ allowHalfOpen: true }, (raw) => onConnection(raw, portOf(server)));
    const failed = (error: NodeJS.ErrnoException) => reject(new Error(listenFailure(host, port, error)));
    server.once('error', failed);
    server.listen({ port, host }, () => {
      server.off('error', failed);
      resolve(server);
    });
  });
}

function listenFailure(host: string, port: number, error: NodeJS.ErrnoException): string {
  const where = `${host}:${port}`;
  if (error.code === 'EADDRINUSE') return `cannot listen on ${where}: the port is already in use`;
  if (error.code === 'EACCES')
    return `cannot listen on ${where}: permission denied (ports below 1024 need root)`;
  if (error.code === 'EADDRNOTAVAIL')
    return `cannot listen on ${where}: no interface of this machine has that address`;
  return `cannot listen on ${where}: ${error.message}`;
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function at(t: number): string {
  return `${(t / 1000).toFixed(3).padStart(10)} s`;
}

function mebibytes(octets: number): string {
  return (octets / (1024 * 1024)).toFixed(0);
}

/**
 * TextRuns writes the teaching log: protocol lines with their connection, HTTP bodies by their size, and what the
 * mail server and the webmail did with the mail and the sessions. A run of message text on a connection (lines after DATA, a multi-line reply such as RETR's) shows its
 * first SHOWN_TEXT_LINES lines, then one line counting the rest when the run ends; a long line shows its first
 * SHOWN_LINE_OCTETS octets. So a 10 MB message costs the log a few lines, not 10 MB.
 */
class TextRuns {
  readonly #runs = new Map<
    ConnId,
    { from: 'client' | 'server'; lines: number; hidden: number; octets: number }
  >();

  /** lines is what the log shows for `event`, oldest first: maybe the end of a run, then the event itself. */
  lines(event: TraceEvent): string[] {
    if (event.kind === 'app.line') {
      // An HTTP head is shown whole (its `more` means the head goes on); its body is counted below.
      const inRun =
        event.protocol === 'http'
          ? false
          : event.from === 'client'
            ? event.content === 'data'
            : event.more === true;
      const run = this.#runs.get(event.conn);
      const out = run && (!inRun || run.from !== event.from) ? this.end(event.conn) : [];
      if (inRun) {
        const current = this.#runs.get(event.conn) ?? { from: event.from, lines: 0, hidden: 0, octets: 0 };
        this.#runs.set(event.conn, current);
        if (++current.lines > SHOWN_TEXT_LINES) {
          current.hidden++;
          current.octets += event.line.length + 2;
          return out;
        }
      }
      const side = event.from === 'client' ? 'C' : 'S';
      out.push(`${at(event.t)}  ${event.conn.padEnd(4)}${side}: ${shortened(shownLine(event))}`);
      return out;
    }
    if (event.kind === 'http.body') {
      // A body is counted, never shown: a client's may be a login form with its password.
      const chunks = event.chunks === null ? '' : ` in ${event.chunks} chunks`;
      const side = event.from === 'client' ? 'C' : 'S';
      return [
        `${at(event.t)}  ${event.conn.padEnd(4)}${side}: [body: ${event.size} octets${chunks}, not shown]`,
      ];
    }
    if (
      event.kind.startsWith('queue.') ||
      event.kind.startsWith('mailbox.') ||
      event.kind === 'webmail.session'
    ) {
      const text = describeEvent(event);
      return text === null ? [] : [`${at(event.t)}  ${shortened(text)}`];
    }
    return [];
  }

  /** end closes the connection's run of text, if one is open, with the line that counts what was not shown. */
  end(conn: ConnId): string[] {
    const run = this.#runs.get(conn);
    this.#runs.delete(conn);
    if (!run || run.hidden === 0) return [];
    const what = run.from === 'client' ? 'message text' : 'the reply';
    return [
      `${' '.repeat(12)}  ${conn.padEnd(4)}${run.from === 'client' ? 'C' : 'S'}: … ${run.hidden} more lines of ${what} ` +
        `(${run.octets} octets) not shown`,
    ];
  }
}

function shortened(text: string): string {
  if (text.length <= SHOWN_LINE_OCTETS) return text;
  return `${text.slice(0, SHOWN_LINE_OCTETS)}… (${text.length - SHOWN_LINE_OCTETS} more octets)`;
}
