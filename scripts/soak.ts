// Soak test of the bridge: `npm run soak -- [--messages 1000] [--size 1048576] [--bound 400]` starts `npm run bridge`
// in its own process, sends it many large messages over real SMTP, lets Bob's POP3 client delete them now and then, and
// samples the bridge's resident memory, which must stay under the bound whatever the traffic.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

/** SoakOptions: how many messages of how many octets, how often Bob empties his mailbox, and the bound in MiB. */
export interface SoakOptions {
  readonly messages: number;
  readonly size: number;
  /** drainEvery is how many messages are sent between two POP3 sessions that delete what Bob has. */
  readonly drainEvery: number;
  readonly boundMiB: number;
  /** progress hears, after each batch, how many messages went and the resident memory now and at most. */
  readonly progress?: (sent: number, nowMiB: number, peakMiB: number) => void;
}

/** SoakResult is what a soak run measured: resident memory at start and at its highest, log size, time taken. */
export interface SoakResult {
  readonly messages: number;
  readonly octets: number;
  readonly baselineMiB: number;
  readonly peakMiB: number;
  readonly logOctets: number;
  readonly seconds: number;
}

/** DEFAULT_SOAK is the soak: 1,000 messages of 1 MB under a 400 MiB bound. */
export const DEFAULT_SOAK: SoakOptions = { messages: 1000, size: 1024 * 1024, drainEvery: 20, boundMiB: 400 };

const BRIDGE = fileURLToPath(new URL('../src/cli/bridge.ts', import.meta.url));

/** soak runs one soak and returns what it measured; it throws if a message is refused or the bridge dies. */
export async function soak(options: SoakOptions): Promise<SoakResult> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(process.env['SOAK_NODE_ARGS']?.split(' ') ?? []),
      '--import',
      'tsx',
      BRIDGE,
      '--smtp',
      '0',
      '--pop3',
      '0',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  let logOctets = 0;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const ports = new Promise<{ smtp: number; pop3: number }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bridge exited with ${code}\n${stderr}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      logOctets += chunk.length;
      if (log.length < 10_000) log += chunk.toString('utf8');
      const smtp = /ready smtp [\d.]+:(\d+)/.exec(log)?.[1];
      const pop3 = /ready pop3 [\d.]+:(\d+)/.exec(log)?.[1];
      if (smtp && pop3) resolve({ smtp: Number(smtp), pop3: Number(pop3) });
    });
  });
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, residentMiB(child.pid as number));
    return peak;
  };
  try {
    const { smtp, pop3 } = await ports;
    const baselineMiB = sample();
    const sampler = setInterval(sample, 50);
    try {
      const body = messageOf(options.size);
      for (let sent = 0; sent < options.messages;) {
        const batch = Math.min(options.drainEvery, options.messages - sent);
        await sendBatch(smtp, body, batch, sent);
        sent += batch;
        options.progress?.(sent, residentMiB(child.pid as number), sample());
        await drainBob(pop3);
      }
    } finally {
      clearInterval(sampler);
    }
    sample();
    return {
      messages: options.messages,
      octets: options.messages * options.size,
      baselineMiB,
      peakMiB: peak,
      logOctets,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await stopped(child);
  }
}

// The bridge stops on SIGTERM (saying 421 to whoever is left); one that does not is killed.
function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// VmRSS from /proc: what the kernel counts as the process's resident memory, in MiB.
function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kib === undefined ? 0 : Number(kib) / 1024;
}

/** messageOf makes a message of about `size` octets: headers, then 76-character lines as a MIME encoder writes. */
export function messageOf(size: number): string {
  const header = 'From: Alice <alice@crepes.fr>\r\nTo: Bob <bob@hamburger.edu>\r\nSubject: Soak\r\n\r\n';
  const line = `${'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(3).slice(0, 76)}\r\n`;
  return header + line.repeat(Math.max(1, Math.floor((size - header.length) / line.length)));
}

/** LineReader reads CRLF lines from a socket, one promise at a time. */
export class LineReader {
  #buffer = '';
  #closed = false;
  readonly #waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  readonly #lines: string[] = [];

  constructor(socket: Socket) {
    socket.setEncoding('latin1');
    socket.once('close', () => {
      this.#closed = true;
      for (const waiter of this.#waiting.splice(0))
        waiter.reject(new Error('the bridge closed the connection'));
    });
    socket.on('data', (chunk: string) => {
      this.#buffer += chunk;
      for (let end = this.#buffer.indexOf('\r\n'); end >= 0; end = this.#buffer.indexOf('\r\n')) {
        const line = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 2);
        const waiter = this.#waiting.shift();
        if (waiter) waiter.resolve(line);
        else this.#lines.push(line);
      }
    });
  }

  line(): Promise<string> {
    const ready = this.#lines.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.#closed) return Promise.reject(new Error('the bridge closed the connection'));
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** reply reads an SMTP reply to its last line and throws unless its code is `expected`. */
  async reply(expected: number): Promise<void> {
    for (;;) {
      const line = await this.line();
      if (line[3] === '-') continue;
      if (!line.startsWith(String(expected))) throw new Error(`expected ${expected}, got: ${line}`);
      return;
    }
  }
}

/** open connects to a port of the bridge on 127.0.0.1 and reads its lines. */
export function open(port: number): Promise<{ socket: Socket; reader: LineReader }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve({ socket, reader }));
    const reader = new LineReader(socket);
    socket.once('error', reject);
  });
}

/** sendBatch has one SMTP session send `count` messages, one transaction after another, waiting for every reply. */
export async function sendBatch(port: number, body: string, count: number, first: number): Promise<void> {
  const { socket, reader } = await open(port);
  await reader.reply(220);
  socket.write('EHLO soak.example\r\n');
  await reader.reply(250);
  for (let i = 0; i < count; i++) {
    socket.write('MAIL FROM:<alice@crepes.fr>\r\n');
    await reader.reply(250);
    socket.write('RCPT TO:<bob@hamburger.edu>\r\n');
    await reader.reply(250).catch((error: Error) => {
      throw new Error(`message ${first + i + 1}: ${error.message}`);
    });
    socket.write('DATA\r\n');
    await reader.reply(354);
    socket.write(`${body}.\r\n`);
    await reader.reply(250);
  }
  socket.write('QUIT\r\n');
  await reader.reply(221);
  socket.end();
}

/** drainBob has Bob's POP3 client delete everything in his maildrop, as a reader that downloads and deletes would. */
export async function drainBob(port: number): Promise<void> {
  const { socket, reader } = await open(port);
  const ok = async () => {
    const line = await reader.line();
    if (!line.startsWith('+OK')) throw new Error(`POP3 said: ${line}`);
    return line;
  };
  await ok();
  socket.write('USER bob\r\n');
  await ok();
  socket.write('PASS hungry\r\n');
  await ok();
  socket.write('STAT\r\n');
  const count = Number((await ok()).split(' ')[1]);
  for (let n = 1; n <= count; n++) {
    socket.write(`DELE ${n}\r\n`);
    await ok();
  }
  socket.write('QUIT\r\n');
  await ok();
  socket.end();
}

function optionsFrom(argv: readonly string[]): SoakOptions {
  const options: { -readonly [K in keyof SoakOptions]: SoakOptions[K] } = { ...DEFAULT_SOAK };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${argv[i]} needs a positive number`);
    if (argv[i] === '--messages') options.messages = value;
    else if (argv[i] === '--size') options.size = value;
    else if (argv[i] === '--drain-every') options.drainEvery = value;
    else if (argv[i] === '--bound') options.boundMiB = value;
    else
      throw new Error(`unknown argument ${argv[i]} (--messages N --size OCTETS --drain-every N --bound MIB)`);
  }
  return options;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = {
    ...optionsFrom(process.argv.slice(2)),
    progress: (sent: number, now: number, peak: number) =>
      process.stderr.write(`${sent} sent: resident ${now.toFixed(1)} MiB, at most ${peak.toFixed(1)} MiB\n`),
  };
  const result = await soak(options);
  const mib = (n: number) => n.toFixed(1);
  process.stdout.write(
    `${result.messages} messages of ${options.size} octets (${mib(result.octets / 2 ** 20)} MiB) in ` +
      `${result.seconds.toFixed(1)} s; bridge resident memory ${mib(result.baselineMiB)} MiB at start, ` +
      `${mib(result.peakMiB)} MiB at most (bound ${options.boundMiB} MiB); log ${result.logOctets} octets\n`,
  );
  if (result.peakMiB > options.boundMiB) {
    process.stdout.write('FAILED: resident memory went over the bound\n');
    process.exit(1);
  }
}
