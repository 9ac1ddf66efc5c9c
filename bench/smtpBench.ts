// Whole SMTP transactions per second: our client and server machines over virtual TCP, against nodemailer and
// smtp-server over real loopback TCP on this machine, and the ratio of the two measured in the same run.
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createActor } from 'xstate';
import { smtpClientMachine } from '../src/protocols/smtp/smtpClientMachine.ts';
import { Kernel } from '../src/sim/kernel.ts';
import { formatIssues, parseScenario, type Scenario } from '../src/sim/scenario.ts';
import { bindLineSession } from '../src/sim/services/lineSession.ts';
import { World } from '../src/sim/world.ts';
import { round, type Metric } from './measure.ts';

const VIRTUAL_TRANSACTIONS = 400;
const LOOPBACK_TRANSACTIONS = 600;
const LOOPBACK_CONCURRENCY = 200;
const RUNS = 3;
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
function twoHostScenario(): Scenario {
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

// One transaction after another, each on a new connection, until `count` were accepted; the world is new
// each run so that mailboxes and the trace grow as in one classroom session, not across runs.
function virtualTransactions(scenario: Scenario, count: number): void {
  const kernel = new Kernel(scenario.seed);
  const world = new World(scenario, kernel);
  let delivered = 0;
  const next = (started: number) => {
    if (started >= count) return;
    const socket = world.network.connect('crepes.fr', '192.0.2.11', 25);
    socket.onEvent((event) => {
      if (event.type !== 'connected') return;
      const actor = createActor(smtpClientMachine, {
        input: { heloName: 'crepes.fr', envelope: { from: FROM, to: [TO] }, data: MESSAGE },
        clock: kernel.clock,
      });
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
        emit: (e) => kernel.emit(e),
      });
    });
  };
  next(0);
  kernel.runUntilQuiet(Number.MAX_SAFE_INTEGER);
  if (delivered !== count) throw new Error(`smtpBench: only ${delivered} of ${count} virtual transactions`);
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
 * per second: between our machines over virtual TCP, and between nodemailer and smtp-server over loopback.
 */
export async function smtpBench(): Promise<Metric[]> {
  const scenario = twoHostScenario();
  const virtualMs = await medianMs(() => virtualTransactions(scenario, VIRTUAL_TRANSACTIONS), RUNS);
  const { server, port } = await startSmtpServer();
  let loopbackMs: number;
  try {
    loopbackMs = await medianMs(() => loopbackTransactions(port, LOOPBACK_TRANSACTIONS), RUNS);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const virtual = (VIRTUAL_TRANSACTIONS / virtualMs) * 1000;
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
  ];
}
