// Reading sessions per second over virtual TCP: our POP3 and IMAP client and server machines, each beside a bare
// hand-written line loop that makes the same exchange over the same virtual network in the same run (the floor).
import { createActor } from 'xstate';
import type { ConnId } from '../src/net/types.ts';
import { Network } from '../src/net/network.ts';
import { memoryMaildrop } from '../src/protocols/pop3/memoryMaildrop.ts';
import { pop3ClientMachine, pop3ClientReader } from '../src/protocols/pop3/pop3ClientMachine.ts';
import { pop3ServerMachine, pop3ServerReader } from '../src/protocols/pop3/pop3ServerMachine.ts';
import { encodeDataLines } from '../src/protocols/shared/dotStuffing.ts';
import { LineFramer } from '../src/protocols/shared/lineFramer.ts';
import { Kernel } from '../src/sim/kernel.ts';
import { imapClientMachine } from '../src/protocols/imap/imapClientMachine.ts';
import { formatIssues, parseScenario, type Scenario } from '../src/sim/scenario.ts';
import { bindLineSession } from '../src/sim/services/lineSession.ts';
import { World } from '../src/sim/world.ts';
import { round, type Metric } from './measure.ts';

const SESSIONS = 150;
const MESSAGES = 10;
const POP3_PORT = 110;

// Ten 2 KB messages (2048 octets each with CRLF line ends), one of them with lines that need dot-stuffing.
const MESSAGE_TEXTS = Array.from({ length: MESSAGES }, (_, i) => {
  const head = `From: Alice <alice@crepes.fr>\r\nTo: Bob <bob@hamburger.edu>\r\nSubject: Lunch ${i + 1}\r\n\r\n`;
  const line = (i === 0 ? '.' : '') + 'Do you like ketchup? How about pickles?'.padEnd(60, '.') + '\r\n';
  let body = '';
  while (head.length + body.length + line.length <= 2048) body += line;
  return head + body + 'x'.repeat(2048 - head.length - body.length - 2) + '\r\n';
});

function twoHosts(kernel: Kernel): Network {
  return new Network(
    kernel,
    [
      { id: 'bobs-pc', addr: '192.0.2.20' },
      { id: 'hamburger.edu', addr: '192.0.2.11' },
    ],
    [{ id: 'wire', a: 'bobs-pc', b: 'hamburger.edu', latency: 5, jitter: 0, loss: 0 }],
  );
}

// One download-and-keep session after another, each on a new connection, through the lab's own machines: USER,
// PASS, STAT, UIDL, LIST, RETR of every message, QUIT, with every line and state change written to the trace.
function machineSessions(): void {
  const kernel = new Kernel(3);
  const network = twoHosts(kernel);
  const maildrop = memoryMaildrop({ accounts: { bob: { password: 'hungry', messages: MESSAGE_TEXTS } } });
  const emit = (e: Parameters<Kernel['emit']>[0]) => kernel.emit(e);
  network.listen('hamburger.edu', POP3_PORT, (socket) => {
    const actor = createActor(pop3ServerMachine, {
      input: { hostname: 'hamburger.edu', timestamp: null, maildrop },
      clock: kernel.clock,
    });
    bindLineSession(socket, actor, {
      host: 'hamburger.edu',
      protocol: 'pop3',
      machine: 'pop3-server',
      maxLine: 512,
      reader: pop3ServerReader,
      emit,
    });
  });
  let done = 0;
  const next = () => {
    if (done >= SESSIONS) return;
    const socket = network.connect('bobs-pc', '192.0.2.11', POP3_PORT);
    socket.onEvent((event) => {
      if (event.type !== 'connected') return;
      const actor = createActor(pop3ClientMachine, {
        input: { user: 'bob', password: 'hungry', apop: false, seen: [], deleteRetrieved: false },
        clock: kernel.clock,
      });
      actor.subscribe((snapshot) => {
        if (snapshot.status !== 'done') return;
        if (snapshot.output.messages.length !== MESSAGES)
          throw new Error(`readingBench: a POP3 session got ${snapshot.output.messages.length} messages`);
        done += 1;
        next();
      });
      bindLineSession(socket, actor, {
        host: 'bobs-pc',
        protocol: 'pop3',
        machine: 'pop3-client',
        maxLine: 4096,
        reader: pop3ClientReader,
        emit,
      });
    });
  };
  next();
  kernel.runUntilQuiet(Number.MAX_SAFE_INTEGER);
  if (done !== SESSIONS) throw new Error(`readingBench: only ${done} of ${SESSIONS} POP3 sessions`);
}

// The floor: the same commands and the same response octets, framed by the same LineFramer over the same virtual
// TCP, but answered by a switch and read by a counter; no machine, no facts, no trace.
function bareSessions(): void {
  const kernel = new Kernel(3);
  const network = twoHosts(kernel);
  const total = MESSAGE_TEXTS.reduce((sum, text) => sum + text.length, 0);
  // Each message's lines, dot-stuffed and ended by the lone "." line, as RETR sends them.
  const stuffed = MESSAGE_TEXTS.map((text) => `${encodeDataLines(text).join('\r\n')}\r\n`);
  network.listen('hamburger.edu', POP3_PORT, (socket) => {
    const framer = new LineFramer(512);
    const say = (text: string) => socket.write(text);
    say('+OK POP3 server ready\r\n');
    socket.onEvent((event) => {
      if (event.type === 'end') socket.close();
      if (event.type !== 'data') return;
      for (const framed of framer.push(event.data)) {
        if (framed.kind !== 'line') continue;
        const [verb = '', arg = ''] = framed.line.split(' ');
        if (verb === 'USER') say(`+OK ${arg}\r\n`);
        else if (verb === 'PASS') say(`+OK maildrop has ${MESSAGES} messages (${total} octets)\r\n`);
        else if (verb === 'STAT') say(`+OK ${MESSAGES} ${total}\r\n`);
        else if (verb === 'UIDL')
          say(`+OK\r\n${MESSAGE_TEXTS.map((_, i) => `${i + 1} U${i + 1}\r\n`).join('')}.\r\n`);
        else if (verb === 'LIST')
          say(`+OK\r\n${MESSAGE_TEXTS.map((t, i) => `${i + 1} ${t.length}\r\n`).join('')}.\r\n`);
        else if (verb === 'RETR') {
          const n = Number(arg);
          say(`+OK ${MESSAGE_TEXTS[n - 1]?.length} octets\r\n${stuffed[n - 1]}`);
        } else if (verb === 'QUIT') {
          say('+OK bye\r\n');
          socket.close();
        }
      }
    });
  });
  let done = 0;
  const next = () => {
    if (done >= SESSIONS) return;
    const socket = network.connect('bobs-pc', '192.0.2.11', POP3_PORT);
    const framer = new LineFramer(4096);
    const script = ['USER bob', 'PASS hungry', 'STAT', 'UIDL', 'LIST'];
    for (let i = 1; i <= MESSAGES; i++) script.push(`RETR ${i}`);
    script.push('QUIT');
    // Which responses are multi-line: UIDL, LIST and every RETR.
    let step = -1;
    let inBody = false;
    let retrieved = 0;
    const send = () => {
      step += 1;
      const command = script[step];
      if (command !== undefined) socket.write(`${command}\r\n`);
    };
    socket.onEvent((event) => {
      if (event.type === 'end') {
        socket.close();
        if (retrieved !== MESSAGES) throw new Error(`readingBench: bare session got ${retrieved} messages`);
        done += 1;
        next();
      }
      if (event.type !== 'data') return;
      for (const framed of framer.push(event.data)) {
        if (framed.kind !== 'line') continue;
        if (inBody) {
          if (framed.line === '.') {
            inBody = false;
            if (script[step]?.startsWith('RETR')) retrieved += 1;
            send();
          }
          continue;
        }
        const command = script[step] ?? '';
        if (command === 'UIDL' || command === 'LIST' || command.startsWith('RETR')) inBody = true;
        else send();
      }
    });
  };
  next();
  kernel.runUntilQuiet(Number.MAX_SAFE_INTEGER);
  if (done !== SESSIONS) throw new Error(`readingBench: only ${done} of ${SESSIONS} bare sessions`);
}

const IMAP_PORT = 143;

// Bob's PC and hamburger.edu's mail server, whose INBOX holds the same ten messages as the POP3 maildrop.
function imapScenario(): Scenario {
  const result = parseScenario({
    version: 1,
    name: 'reading-bench',
    seed: 5,
    hosts: [
      { id: 'bobs-pc', address: '192.0.2.20' },
      {
        id: 'hamburger.edu',
        kind: 'mail-server',
        address: '192.0.2.11',
        mail: { users: [{ name: 'bob', password: 'hungry' }] },
      },
    ],
    links: [{ between: ['bobs-pc', 'hamburger.edu'], latency: '5ms' }],
  });
  if (!result.ok) throw new Error(`readingBench scenario is invalid:\n${formatIssues(result.issues)}`);
  return result.scenario;
}

/** Exchange is one IMAP session as the wire carried it: the greeting, then each command line and its answer. */
interface Exchange {
  readonly greeting: string;
  readonly steps: { readonly command: string; readonly answer: string; readonly answerLines: number }[];
}

// One session after another, each on a new connection, through the lab's own IMAP machines: LOGIN, SELECT INBOX,
// a header fetch of every message (FLAGS, ENVELOPE and the rest a reader lists), LOGOUT. It returns the last
// session's exchange, the steady state once every message has lost \Recent, for the floor to replay.

function imapMachineSessions(): Exchange {
  const kernel = new Kernel(5);
  const world = new World(imapScenario(), kernel);
  const store = world.mailServer('hamburger.edu')?.store;
  if (!store) throw new Error('readingBench: hamburger.edu runs no mail server');
  MESSAGE_TEXTS.forEach((text, i) => store.deliver('bob', text, `Q${i}`));
  let done = 0;
  let last: ConnId | null = null;
  const next = () => {
    if (done >= SESSIONS) return;
    const socket = world.network.connect('bobs-pc', '192.0.2.11', IMAP_PORT);
    socket.onEvent((event) => {
      if (event.type !== 'connected') return;
      const actor = createActor(imapClientMachine, {
        input: {
          user: 'bob',
          password: 'hungry',
          jobs: [{ kind: 'headers', mailbox: 'INBOX' }, { kind: 'logout' }],
        },
        clock: kernel.clock,
      });
      actor.subscribe((snapshot) => {
        if (snapshot.status !== 'done') return;
        if (snapshot.output.ended !== 'logout')
          throw new Error(`readingBench: an IMAP session ended with ${snapshot.output.ended}`);
        last = socket.conn;
        done += 1;
        next();
      });
      bindLineSession(socket, actor, {
        host: 'bobs-pc',
        protocol: 'imap',
        machine: 'imap-client',
        maxLine: 65536,
        emit: (e) => kernel.emit(e),
      });
    });
  };
  next();
  kernel.runUntilQuiet(Number.MAX_SAFE_INTEGER);
  if (done !== SESSIONS) throw new Error(`readingBench: only ${done} of ${SESSIONS} IMAP sessions`);
  let greeting = '';
  const steps: { command: string; answer: string; answerLines: number }[] = [];
  for (const event of kernel.trace) {
    if (event.kind !== 'app.line' || event.conn !== last || event.host !== 'bobs-pc') continue;
    if (event.from === 'client') steps.push({ command: `${event.line}\r\n`, answer: '', answerLines: 0 });
  }
  // The server's lines, in order, go to the command they follow.
  let step = -1;
  for (const event of kernel.trace) {
    if (event.kind !== 'app.line' || event.conn !== last) continue;
    if (event.from === 'client' && event.host === 'bobs-pc') step += 1;
    else if (event.from === 'server' && event.host === 'hamburger.edu') {
      const target = steps[step];
      if (target === undefined) greeting += `${event.line}\r\n`;
      else
        steps[step] = {
          ...target,
          answer: target.answer + `${event.line}\r\n`,
          answerLines: target.answerLines + 1,
        };
    }
  }
  return { greeting, steps };
}

// The floor for IMAP: the recorded exchange replayed over the same virtual TCP by a server that answers the n-th
// command line with the n-th recorded answer and a client that sends the next command once the answer's lines are in.
function imapBareSessions(exchange: Exchange): void {
  const kernel = new Kernel(5);
  const network = twoHosts(kernel);
  network.listen('hamburger.edu', IMAP_PORT, (socket) => {
    const framer = new LineFramer(65536);
    let step = 0;
    socket.write(exchange.greeting);
    socket.onEvent((event) => {
      if (event.type === 'end') socket.close();
      if (event.type !== 'data') return;
      for (const framed of framer.push(event.data)) {
        const answer = exchange.steps[step++];
        if (framed.kind !== 'line' || answer === undefined) continue;
        socket.write(answer.answer);
        if (step === exchange.steps.length) socket.close();
      }
    });
  });
  let done = 0;
  const next = () => {
    if (done >= SESSIONS) return;
    const socket = network.connect('bobs-pc', '192.0.2.11', IMAP_PORT);
    const framer = new LineFramer(65536);
    let step = -1;
    let awaited = exchange.greeting.split('\r\n').length - 1;
    socket.onEvent((event) => {
      if (event.type === 'end') {
        socket.close();
        if (step !== exchange.steps.length) throw new Error('readingBench: a bare IMAP session ended early');
        done += 1;
        next();
      }
      if (event.type !== 'data') return;
      for (const framed of framer.push(event.data)) {
        if (framed.kind !== 'line' || --awaited > 0) continue;
        const command = exchange.steps[++step];
        if (command === undefined) continue;
        awaited = command.answerLines;
        socket.write(command.command);
      }
    });
  };
  next();
  kernel.runUntilQuiet(Number.MAX_SAFE_INTEGER);
  if (done !== SESSIONS) throw new Error(`readingBench: only ${done} of ${SESSIONS} bare IMAP sessions`);
}

const ROUNDS = 5;

/**
 * pairedRuns times `work` and `floor` one after the other in each of `rounds` rounds (after one warm-up each), so
 * that both see the same load on a shared machine; it returns the median time of each and the median of the ratios.
 */
export function pairedRuns(
  work: () => void,
  floor: () => void,
  rounds = ROUNDS,
): { workMs: number; floorMs: number; ratio: number } {
  work();
  floor();
  const works: number[] = [];
  const floors: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    work();
    works.push(performance.now() - start);
    start = performance.now();
    floor();
    floors.push(performance.now() - start);
    ratios.push((works[i] as number) / (floors[i] as number));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return { workMs: median(works), floorMs: median(floors), ratio: median(ratios) };
}

/**
 * readingBench measures whole reading sessions per second, each on its own connection, through our machines and
 * through a bare line loop making the same exchange, with their ratio: POP3 (LIST and RETR of ten 2 KB messages)
 * and IMAP (SELECT and a header fetch, FLAGS and ENVELOPE among its items, of the same ten).
 */
export function readingBench(): Metric[] {
  const pop3 = pairedRuns(machineSessions, bareSessions);
  const exchange = imapMachineSessions();
  const imap = pairedRuns(imapMachineSessions, () => imapBareSessions(exchange));
  return [...figures('pop3', pop3), ...figures('imap', imap)];
}

function figures(protocol: string, run: ReturnType<typeof pairedRuns>): Metric[] {
  return [
    {
      name: `${protocol}-sessions-per-second`,
      value: round((SESSIONS / run.workMs) * 1000),
      unit: 'sessions/s',
    },
    {
      name: `${protocol}-bare-loop-sessions-per-second`,
      value: round((SESSIONS / run.floorMs) * 1000),
      unit: 'sessions/s',
      note: 'floor: hand-written line loop, same exchange, same virtual TCP',
    },
    {
      name: `${protocol}-machines-over-bare-loop`,
      value: round(run.ratio),
      unit: '×',
      note: 'median of paired rounds; target: within 5×',
    },
  ];
}
