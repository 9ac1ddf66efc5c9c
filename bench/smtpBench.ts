// Whole SMTP transactions per second: our client and server machines over virtual TCP, the same two machines wired
// straight to each other in memory, a bare loop replaying their lines (the floor), and nodemailer and smtp-server
// over real loopback TCP on this machine, with the ratios measured in the same run.
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createActor } from 'xstate';
import { smtpClientMachine, smtpClientReader } from '../src/protocols/smtp/smtpClientMachine.ts';
import { Kernel } from '../src/sim/kernel.ts';
import { formatIssues, parseScenario, type Scenario } from '../src/sim/scenario.ts';
import { bindLineSession } from '../src/sim/services/lineSession.ts';
import { World } from '../src/sim/world.ts';
import { FILED_COMMIT, filedTransaction, loadFiledMachines, type FiledMachines } from './filedMachines.ts';
import { round, type Metric } from './measure.ts';
import { pairedRuns } from './readingBench.ts';
import {
  CountingClock,
  bareTransaction,
  hamburgerBackend,
  inMemoryTransaction,
  recordTranscript,
  scriptOf,
  serverSession,
  transactionCosts,
  type Script,
} from './smtpMachines.ts';

const VIRTUAL_TRANSACTIONS = 400;
const IN_MEMORY_TRANSACTIONS = 400;
const SERVER_SESSIONS = 400;
// The floor is so quick that it is timed over many more transactions, then divided.
const BARE_TRANSACTIONS = 40_000;
const LOOPBACK_TRANSACTIONS = 600;
const LOOPBACK_CONCURRENCY = 200;
const RUNS = 3;
// Rounds of filed against today's machines: the ratio of two timings swings more than either, so more of them.
const FILED_ROUNDS = 11;
const FROM = 'alice@crepes.fr';
const TO = 'bob@hamburger.edu';

// A 2 KB message (2048 octets with CRLF line ends), the size the metrics promise.
const MESSAGE = (() => {
  const head = `From: Alice <${FROM}>\r\nTo: Bob <${TO}>\r\nSubject: Benchmark\r\n\r\n`;
  const line = 'Do you like ketchup? How about pickles? Lunch at noon, then.'.padEnd(62, '.') + '\r\n';
  let body = '';
  while (head.length + body.length + line.length <= 2048) body += line;
  return head + body + 'x'.repeat(2048 - head.length - body.length - 2) + '\r\n';
})();

// Two hosts on one 5 ms link: a plain client host and hamburger.edu's mail server with Bob's mailbox.
export function twoHostScenario(): Scenario {
  const result = parseScenario({
    version: 1,
    name: 'smtp-bench',
    seed: 7,
    hosts: [
      { id: 'crepes.fr', address: '192.0.2.10' },
      { id: 'hamburger.edu', kind: 'mail-server', address: '192.0.2.11', mail: { users: [{ name: 'bob' }] } },
    ],
    links: [{ between: ['crepes.fr', 'hamburger.edu'], latency: '5ms' }],
  });
  if (!result.ok) throw new Error(`smtpBench scenario is invalid:\n${formatIssues(result.issues)}`);
  return result.scenario;
}

const CLIENT_INPUT = { heloName: 'crepes.fr', envelope: { from: FROM, to: [TO] }, data: MESSAGE };

// One transaction after another, each on a new connection, until `count` were accepted; the world is new
// each run so that mailboxes and the trace grow as in one classroom session, not across runs.
function virtualTransactions(scenario: Scenario, count: number, kernel = new Kernel(scenario.seed)): void {
  const world = new World(scenario, kernel);
  let delivered = 0;
  const next = (started: number) => {
    if (started >= count) return;
    const socket = world.network.connect('crepes.fr', '192.0.2.11', 25);
    socket.onEvent((event) => {
      if (event.type !== 'connected') return;
      const actor = createActor(smtpClientMachine, { input: CLIENT_INPUT, clock: kernel.clock });
      actor.subscribe((snapshot) => {
        if (snapshot.status !== 'done') return;
        if (snapshot.output.recipients.every((r) => r.outcome === 'delivered')) delivered += 1;
        next(started + 1);
      });
      bindLineSession(socket, actor, {
        host: 'crepes.fr',
        protocol: 'smtp',
        machine: 'smtp-client',
        maxLine: 4096,
        reader: smtpClientReader,
        emit: (e) => kernel.emit(e),
      });
    });
  };
  next(0);
  kernel.runUntilQuiet(Number.MAX_SAFE_INTEGER);
  if (delivered !== count) throw new Error(`smtpBench: only ${delivered} of ${count} virtual transactions`);
}

// The same transaction between the same two machines, `count` times, with no kernel, network or trace between them;
// one backend keeps every message, as the world's mailbox does.
function inMemoryTransactions(count: number): void {
  const clock = new CountingClock();
  const backend = hamburgerBackend();
  for (let i = 0; i < count; i++) inMemoryTransaction({ client: CLIENT_INPUT, clock, backend });
}

function bareTransactions(script: Script, count: number): void {
  for (let i = 0; i < count; i++) bareTransaction(script);
}

// The same transaction between the machines as they were when issue 12 was filed, `count` times.
function filedTransactions(machines: FiledMachines, count: number): void {
  for (let i = 0; i < count; i++) filedTransaction(machines, CLIENT_INPUT);
}

/**
 * filedMetrics times today's two machines in memory beside the same two as they were when issue 12 was filed,
 * on the same message, and the filed ones beside the bare loop (the most today's could gain); a clone without
 * the filed commit says so and reports neither.
 */
async function filedMetrics(): Promise<Metric[]> {
  const filed = await loadFiledMachines();
  if (!filed.ok) {
    process.stderr.write(`smtpBench: ${filed.problem}; the filed machines are not measured\n`);
    return [];
  }
  const script = scriptOf(recordTranscript(CLIENT_INPUT));
  const versus = pairedRuns(
    () => filedTransactions(filed.machines, IN_MEMORY_TRANSACTIONS),
    () => inMemoryTransactions(IN_MEMORY_TRANSACTIONS),
    FILED_ROUNDS,
  );
  const ceiling = pairedRuns(
    () => filedTransactions(filed.machines, IN_MEMORY_TRANSACTIONS),
    () => bareTransactions(script, BARE_TRANSACTIONS),
    FILED_ROUNDS,
  );
  return [
    {
      name: 'smtp-filed-transactions-in-memory-per-second',
      value: round((IN_MEMORY_TRANSACTIONS / versus.workMs) * 1000),
      unit: 'transactions/s',
      note: `the same transaction between the machines of ${FILED_COMMIT.slice(0, 7)}, when issue 12 was filed: a line an event`,
    },
    {
      name: 'smtp-in-memory-speedup-since-filed',
      value: round(versus.ratio),
      unit: '×',
      note: "time per transaction of the filed machines over today's, same message, median of paired rounds",
    },
    {
      name: 'smtp-filed-over-bare-loop',
      value: round(ceiling.ratio * (BARE_TRANSACTIONS / IN_MEMORY_TRANSACTIONS)),
      unit: '×',
      note: "the ceiling of the speedup: the filed machines' time per transaction over the bare loop's",
    },
  ];
}

/** CountingKernel counts every timer the world sets and cancels, and those XState's actors set through its clock. */
class CountingKernel extends Kernel {
  scheduled = 0;
  cancelled = 0;
  clockScheduled = 0;
  clockCancelled = 0;

  constructor(seed: number) {
    super(seed);
    const { setTimeout, clearTimeout } = this.clock;
    this.clock.setTimeout = (fn, timeout) => {
      this.clockScheduled += 1;
      return setTimeout(fn, timeout);
    };
    this.clock.clearTimeout = (id) => {
      this.clockCancelled += 1;
      clearTimeout(id);
    };
  }

  override schedule(...args: Parameters<Kernel['schedule']>): number {
    this.scheduled += 1;
    return super.schedule(...args);
  }

  override cancel(timer: number): void {
    this.cancelled += 1;
    super.cancel(timer);
  }
}

// nodemailer without a pool opens a connection per message: connect, EHLO, MAIL, RCPT, DATA, QUIT. smtp-server
// holds every greeting back 100 ms to catch clients that talk too soon, so one connection after another would
// time that pause; LOOPBACK_CONCURRENCY connections at once measure what both ends can process instead.
async function loopbackTransactions(port: number, count: number): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  let started = 0;
  const worker = async () => {
    while (started < count) {
      const i = started++;
      const info = await transport.sendMail({ envelope: { from: FROM, to: [TO] }, raw: MESSAGE });
      if (info.accepted.length !== 1) throw new Error(`smtpBench: loopback transaction ${i} was refused`);
    }
  };
  try {
    await Promise.all(Array.from({ length: LOOPBACK_CONCURRENCY }, worker));
  } finally {
    transport.close();
  }
}

function startSmtpServer(): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    // Our server asks no DNS either; a reverse lookup would time the resolver, not SMTP.
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // Read the whole message, as our server does, before saying 250.
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => callback());
    },
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve({ server, port: typeof address === 'object' && address !== null ? address.port : 0 });
    });
  });
}

async function medianMs(work: () => void | Promise<void>, runs: number): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/**
 * smtpBench measures complete SMTP transactions (a 2 KB message to one recipient, each on its own connection)
 * per second: between our machines over virtual TCP and in memory, and between nodemailer and smtp-server over
 * loopback.
 */
export async function smtpBench(): Promise<Metric[]> {
  const {
    metrics: machines,
    virtualPerSecond: virtual,
    inMemoryPerSecond,
  } = smtpMachineMetrics(twoHostScenario());
  const { server, port } = await startSmtpServer();
  let loopbackMs: number;
  try {
    loopbackMs = await medianMs(() => loopbackTransactions(port, LOOPBACK_TRANSACTIONS), RUNS);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const loopback = (LOOPBACK_TRANSACTIONS / loopbackMs) * 1000;
  return [
    {
      name: 'smtp-transactions-virtual-per-second',
      value: round(virtual),
      unit: 'transactions/s',
      note: 'connect, EHLO, MAIL, RCPT, 2 KB DATA, QUIT: smtpClientMachine to MailServer over virtual TCP',
    },
    {
      name: 'smtp-transactions-loopback-per-second',
      value: round(loopback),
      unit: 'transactions/s',
      note: `the same transaction: nodemailer to smtp-server over loopback TCP, ${LOOPBACK_CONCURRENCY} connections at a time`,
    },
    {
      name: 'smtp-virtual-to-loopback-ratio',
      value: round(virtual / loopback),
      unit: 'ratio',
      note: 'virtual per second divided by loopback per second, same run',
    },
    {
      name: 'smtp-in-memory-to-loopback-ratio',
      value: round(inMemoryPerSecond / loopback),
      unit: 'ratio',
      note: 'the ceiling of the ratio above: the two machines alone, with no network, TCP or trace, against loopback',
    },
    ...machines,
    ...(await filedMetrics()),
  ];
}

// Transactions over virtual TCP whose timers are counted, for the figures per transaction.
const COUNTED_TRANSACTIONS = 20;

/**
 * smtpMachineMetrics times the virtual transaction beside the same two machines in memory, and those beside the
 * bare loop beneath them, in paired rounds; it counts what one transaction asks of XState and of the clocks, and
 * returns the virtual transactions per second it measured too.
 */
export function smtpMachineMetrics(scenario: Scenario): {
  metrics: Metric[];
  virtualPerSecond: number;
  inMemoryPerSecond: number;
} {
  const said = recordTranscript(CLIENT_INPUT);
  const script = scriptOf(said);
  // Every line of the transcript must pass through the floor, or it measures less than the machines do.
  if (bareTransaction(script) !== said.reduce((octets, { line }) => octets + line.length, 0))
    throw new Error('smtpBench: the bare loop does not replay the whole transcript');
  const memory = pairedRuns(
    () => virtualTransactions(scenario, VIRTUAL_TRANSACTIONS),
    () => inMemoryTransactions(IN_MEMORY_TRANSACTIONS),
  );
  const bare = pairedRuns(
    () => inMemoryTransactions(IN_MEMORY_TRANSACTIONS),
    () => bareTransactions(script, BARE_TRANSACTIONS),
  );
  // The server's side alone, as an actor and through XState's pure transition(), one backend for each way.
  const actorBackend = hamburgerBackend();
  const pureBackend = hamburgerBackend();
  const driving = pairedRuns(
    () => {
      for (let i = 0; i < SERVER_SESSIONS; i++) serverSession(script, 'pure', pureBackend);
    },
    () => {
      for (let i = 0; i < SERVER_SESSIONS; i++) serverSession(script, 'actor', actorBackend);
    },
  );
  const costs = transactionCosts(CLIENT_INPUT);
  const counting = new CountingKernel(scenario.seed);
  virtualTransactions(scenario, COUNTED_TRANSACTIONS, counting);
  const perTransaction = (n: number) => round(n / COUNTED_TRANSACTIONS);
  const metrics: Metric[] = [
    {
      name: 'smtp-transactions-in-memory-per-second',
      value: round((IN_MEMORY_TRANSACTIONS / memory.floorMs) * 1000),
      unit: 'transactions/s',
      note: 'the same transaction: smtpClientMachine and smtpServerMachine wired directly, no kernel, TCP or trace',
    },
    {
      name: 'smtp-bare-loop-transactions-per-second',
      value: round((BARE_TRANSACTIONS / bare.floorMs) * 1000),
      unit: 'transactions/s',
      note: 'floor: the recorded lines replayed by two loops through the same queue',
    },
    {
      name: 'smtp-virtual-to-in-memory-ratio',
      value: round(1 / memory.ratio),
      unit: 'ratio',
      note: 'virtual per second divided by in-memory per second, median of paired rounds; target ≥ 0.5',
    },
    {
      name: 'smtp-in-memory-over-bare-loop',
      value: round(bare.ratio * (BARE_TRANSACTIONS / IN_MEMORY_TRANSACTIONS)),
      unit: '×',
      note: 'time per in-memory transaction over time per bare-loop transaction, median of paired rounds',
    },
    {
      name: 'smtp-server-session-actor-us',
      value: round((driving.floorMs / SERVER_SESSIONS) * 1000),
      unit: 'µs',
      note: "the server's side of the transaction, run as an actor sent each event, as the world runs it",
    },
    {
      name: 'smtp-server-session-pure-transition-us',
      value: round((driving.workMs / SERVER_SESSIONS) * 1000),
      unit: 'µs',
      note: "the same events folded through XState's pure transition(), actions returned instead of run",
    },
    {
      name: 'smtp-server-pure-transition-over-actor',
      value: round(driving.ratio),
      unit: '×',
      note: 'time by transition() over time as an actor, median of paired rounds; above 1, actors are cheaper',
    },
    {
      name: 'smtp-in-memory-sends-per-transaction',
      value: costs.sends,
      unit: 'events',
      note: "events sent to the two actors: connection.opened, then one per command, run of message lines or reply, as each machine's reader hands them over",
    },
    { name: 'smtp-in-memory-microsteps-per-transaction', value: costs.microsteps, unit: 'microsteps' },
    { name: 'smtp-in-memory-snapshots-per-transaction', value: costs.snapshots, unit: 'snapshots' },
    {
      name: 'smtp-in-memory-timers-set-per-transaction',
      value: costs.timersScheduled,
      unit: 'timers',
      note: `XState delays of both machines; ${costs.timersLeft} still waiting at the end`,
    },
    { name: 'smtp-in-memory-timers-cancelled-per-transaction', value: costs.timersCancelled, unit: 'timers' },
    {
      name: 'smtp-virtual-actor-timers-set-per-transaction',
      value: perTransaction(counting.clockScheduled),
      unit: 'timers',
      note: 'XState delays of the SMTP and TCP actors, through the kernel clock',
    },
    {
      name: 'smtp-virtual-actor-timers-cancelled-per-transaction',
      value: perTransaction(counting.clockCancelled),
      unit: 'timers',
    },
    {
      name: 'smtp-virtual-kernel-timers-set-per-transaction',
      value: perTransaction(counting.scheduled),
      unit: 'timers',
      note: "every kernel timer: segments in flight, delayed ACKs, retransmission and the actors' delays",
    },
    {
      name: 'smtp-virtual-kernel-timers-cancelled-per-transaction',
      value: perTransaction(counting.cancelled),
      unit: 'timers',
    },
  ];
  return {
    metrics,
    virtualPerSecond: (VIRTUAL_TRANSACTIONS / memory.workMs) * 1000,
    inMemoryPerSecond: (IN_MEMORY_TRANSACTIONS / memory.floorMs) * 1000,
  };
}
