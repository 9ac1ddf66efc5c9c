// The fuzzer: sessions of random and grammar-based lines, sent one at a time or in pipelined bursts split at random
// points, to the very server machines the lab and the bridge run (through MailServer's serve, as the bridge does).
// After each session it brings the machine back to reading commands and checks it still answers its probe; every
// reply on the way must be grammatical for its protocol. A seed fixes everything, so a failure reproduces.
import type { Socket, SocketListener } from '../../../src/net/socket.ts';
import type { ConnId, Endpoint, TcpState } from '../../../src/net/types.ts';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import { Kernel } from '../../../src/sim/kernel.ts';
import type { MailServer } from '../../../src/sim/mail/mailServer.ts';
import type { WebmailService } from '../../../src/sim/webmail/webmailService.ts';
import { Rng } from '../../../src/sim/rng.ts';
import { escapeControls } from '../../../src/sim/shownLine.ts';
import type { AppLine } from '../../../src/sim/trace.ts';
import { World } from '../../../src/sim/world.ts';
import { randomOctets, type FuzzTarget } from './fuzzTargets.ts';

/** FuzzFailure is the first thing that went wrong, with what reproduces it. */
export interface FuzzFailure {
  readonly protocol: string;
  readonly seed: number;
  /** session counts from 1 within the run. */
  readonly session: number;
  readonly problem: string;
  /** sent is every chunk of the failing session, escaped. */
  readonly sent: readonly string[];
}

/** FuzzResult is what a run did: lines and sessions sent, replies checked, and the first failure if any. */
export interface FuzzResult {
  readonly protocol: string;
  readonly lines: number;
  readonly sessions: number;
  readonly replies: number;
  readonly failure: FuzzFailure | null;
}

const CLIENT: Endpoint = { host: 'fuzzer', addr: '192.0.2.99', port: 40000 };

/** FuzzSocket is a connection the fuzzer holds by hand: what the server writes is kept, and it can be closed. */
class FuzzSocket implements Socket {
  readonly conn: ConnId;
  readonly local: Endpoint;
  readonly remote = CLIENT;
  readonly #listeners: SocketListener[] = [];
  closed = false;

  constructor(conn: ConnId, server: Endpoint) {
    this.conn = conn;
    this.local = server;
  }

  state(): TcpState {
    return this.closed ? 'CLOSED' : 'ESTABLISHED';
  }

  write(): void {}

  close(): void {
    this.#finish();
  }

  abort(): void {
    this.#finish();
  }

  onEvent(listener: SocketListener): void {
    this.#listeners.push(listener);
  }

  /** send hands the server octets, as if they had arrived. */
  send(data: string): void {
    if (!this.closed) for (const l of [...this.#listeners]) l({ type: 'data', data });
  }

  /** hangUp is the client closing: FIN, then the connection is gone. */
  hangUp(): void {
    if (this.closed) return;
    for (const l of [...this.#listeners]) l({ type: 'end' });
    this.#finish();
  }

  #finish(): void {
    if (this.closed) return;
    this.closed = true;
    for (const l of [...this.#listeners]) l({ type: 'closed' });
  }
}

/** Fuzzer drives one protocol's server machine of a textbook world's hamburger.edu. */
export class Fuzzer {
  readonly #target: FuzzTarget;
  readonly #seed: number;
  readonly #rng: Rng;
  readonly #kernel: Kernel;
  readonly #server: MailServer;
  readonly #webmail: WebmailService | undefined;
  #nextConn = 1;

  constructor(target: FuzzTarget, seed: number) {
    this.#target = target;
    this.#seed = seed;
    this.#rng = new Rng(seed);
    const name = target.scenario ?? 'textbook';
    const scenario = builtinScenario(name);
    if (!scenario) throw new Error(`the ${name} scenario is missing`);
    // The trace is read session by session; the newest few MiB are all it needs.
    this.#kernel = new Kernel(scenario.seed, { traceWindow: 4 * 1024 * 1024 });
    const world = new World(scenario, this.#kernel);
    const server = world.mailServer('hamburger.edu');
    if (!server) throw new Error('hamburger.edu runs no mail server');
    this.#server = server;
    this.#webmail = world.webmail('webmail.hamburger.edu');
  }

  /** run sends about `lines` lines in sessions of 1 to 40, and stops at the first failure. */
  run(lines: number, progress?: (sent: number) => void): FuzzResult {
    let sent = 0;
    let told = 0;
    let sessions = 0;
    let replies = 0;
    while (sent < lines) {
      sessions++;
      const count = Math.min(lines - sent, this.#rng.int(1, this.#target.maxSessionLines ?? 40));
      const outcome = this.#session(count);
      sent += count;
      replies += outcome.replies;
      if (progress && sent - told >= 100_000) progress((told = sent));
      if (outcome.problem !== null) {
        const failure = {
          protocol: this.#target.protocol,
          seed: this.#seed,
          session: sessions,
          problem: outcome.problem,
          sent: outcome.sent.map(escapeControls),
        };
        return { protocol: this.#target.protocol, lines: sent, sessions, replies, failure };
      }
    }
    return { protocol: this.#target.protocol, lines: sent, sessions, replies, failure: null };
  }

  #open(): FuzzSocket {
    const socket = new FuzzSocket(`f${this.#nextConn++}`, {
      host: 'hamburger.edu',
      addr: '10.0.0.2',
      port: this.#target.port,
    });
    const protocol = this.#target.protocol;
    const start =
      protocol === 'http'
        ? this.#webmail && ((s: Socket) => this.#webmail?.serve(s))
        : protocol === 'smtp' || protocol === 'pop3' || protocol === 'imap'
          ? (s: Socket) => this.#server.serveService(protocol, s)
          : undefined;
    if (!start) throw new Error(`no server machine to fuzz for ${protocol}`);
    start(socket);
    return socket;
  }

  // One session: the lines in random bursts, then recovery and the probe, on this connection or, if the server
  // closed it (QUIT, too many errors), on a fresh one.
  #session(count: number): { problem: string | null; replies: number; sent: string[] } {
    const rng = this.#rng;
    const sent: string[] = [];
    const from = this.#kernel.emitted;
    let socket = this.#open();
    const push = (octets: string) => {
      sent.push(octets);
      try {
        socket.send(octets);
        this.#kernel.runUntil(this.#kernel.now() + 50);
      } catch (error) {
        return `the server threw: ${(error as Error).stack ?? String(error)}`;
      }
      return null;
    };
    const chunks: string[] = [];
    for (let i = 0; i < count; i++) {
      const end = rng.chance(0.03) ? pick3(rng) : '\r\n';
      chunks.push(`${this.#target.line(rng)}${end}`);
    }
    if (rng.chance(0.05)) chunks.push(randomOctets(rng, rng.int(1, 3000)));
    // Pipelined bursts: several lines in one write, split anywhere, as TCP may deliver them.
    let pending = '';
    for (const chunk of chunks) {
      pending += chunk;
      if (rng.chance(0.6)) continue;
      const cut = rng.chance(0.3) ? rng.int(0, pending.length) : pending.length;
      const problem = push(pending.slice(0, cut)) ?? (cut < pending.length ? push(pending.slice(cut)) : null);
      pending = '';
      if (problem) return { problem, replies: 0, sent };
    }
    if (pending !== '') {
      const problem = push(pending);
      if (problem) return { problem, replies: 0, sent };
    }
    const probeFrom = this.#kernel.emitted;
    let problem = socket.closed ? null : push(`${this.#target.recovery}${this.#target.probe}\r\n`);
    let answered = this.#answered(probeFrom, socket.conn);
    const idleClose = this.#target.idleCloseMs;
    if (!problem && !answered && !socket.closed && idleClose !== undefined) {
      // The server may still be owed octets (a body); it must give up on its own clock, not hold on forever.
      this.#kernel.runUntil(this.#kernel.now() + idleClose);
      if (!socket.closed)
        problem = `the connection is still open ${idleClose} ms after the session went quiet`;
    }
    if (!problem && !answered && socket.closed) {
      // The server ended the session; a new one must still answer.
      socket = this.#open();
      const fresh = this.#kernel.emitted;
      problem = push(`${this.#target.probe}\r\n`);
      answered = this.#answered(fresh, socket.conn);
    }
    socket.hangUp();
    this.#kernel.runUntil(this.#kernel.now() + 50);
    if (problem) return { problem, replies: 0, sent };
    const checked = this.#checkReplies(from);
    if (checked.problem) return { ...checked, sent };
    if (!answered)
      return {
        problem: `no answer to ${escapeControls(this.#target.probe)} after the session`,
        replies: checked.replies,
        sent,
      };
    return { problem: null, replies: checked.replies, sent };
  }

  #answered(from: number, conn: ConnId): boolean {
    return this.#kernel
      .since(from)
      .some(
        (e) =>
          e.kind === 'app.line' && e.conn === conn && e.from === 'server' && this.#target.answersProbe(e),
      );
  }

  // Every reply the server sent since `from`, cut where a line has no `more`, checked by the protocol's grammar.
  #checkReplies(from: number): { problem: string | null; replies: number } {
    const byConn = new Map<ConnId, AppLine[]>();
    let replies = 0;
    for (const e of this.#kernel.since(from)) {
      // Only the fuzzed connections: a webmail's own IMAP session behind it speaks another protocol.
      if (e.kind !== 'app.line' || e.from !== 'server' || !e.conn.startsWith('f')) continue;
      const lines = byConn.get(e.conn) ?? [];
      lines.push(e);
      byConn.set(e.conn, lines);
      if (e.more === true) continue;
      byConn.delete(e.conn);
      replies++;
      const problem = this.#target.replyProblem(lines);
      if (problem) return { problem, replies };
    }
    for (const [conn, lines] of byConn)
      return { problem: `${conn}: a reply left unfinished: ${JSON.stringify(lines.at(-1)?.line)}`, replies };
    return { problem: null, replies };
  }
}

// A line ended otherwise than by CRLF: bare LF, bare CR, or nothing.
function pick3(rng: Rng): string {
  return ['\n', '\r', ''][rng.int(0, 2)] as string;
}
