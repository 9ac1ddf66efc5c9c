// A classroom-sized world: 1,000 messages from 20 users to 5 domains, one domain down for two days, one
// answering 450 to every tenth message. How long it takes to simulate to quiescence, how big the trace gets,
// how much memory it holds, and how quickly a view can seek into it.
import type { TimedInput } from '../src/sim/input.ts';
import { parseScenario, type Scenario } from '../src/sim/scenario.ts';
import { Session } from '../src/sim/session.ts';
import { round, type Metric } from './measure.ts';

const USERS = 20;
const DOMAINS = ['d1.example', 'd2.example', 'd3.example', 'd4.example', 'd5.example'];
const MESSAGES = 1000;
const HOUR = 3_600_000;

/** classroom is the world of this benchmark: its scenario and the 1,000 sends, for other suites to run too. */
export function classroom(): { scenario: Scenario; inputs: TimedInput[] } {
  const pcs = Array.from({ length: USERS }, (_, i) => `pc${i + 1}`);
  const result = parseScenario({
    version: 1,
    name: 'classroom',
    seed: 7,
    hosts: [
      { id: 'internet', kind: 'router' },
      { id: 'ns.example', kind: 'dns-server', services: [{ type: 'dns' }] },
      {
        id: 'school.edu',
        kind: 'mail-server',
        mail: { users: pcs.map((pc) => ({ name: `s${pc}`, password: 'pw' })) },
      },
      ...DOMAINS.map((d) => ({
        id: d,
        kind: 'mail-server',
        mail: { users: [{ name: 'prof', password: 'pw' }] },
      })),
      ...pcs.map((pc) => ({
        id: pc,
        kind: 'user-agent',
        userAgent: { address: `s${pc}@school.edu`, server: 'school.edu', password: 'pw' },
      })),
    ],
    links: [
      { between: ['school.edu', 'internet'], latency: '20ms' },
      { between: ['ns.example', 'internet'], latency: '10ms' },
      ...DOMAINS.map((d) => ({ between: ['internet', d], latency: '30ms' })),
      ...pcs.map((pc) => ({ between: [pc, 'school.edu'], latency: '2ms' })),
    ],
    dns: { records: DOMAINS.map((d) => ({ name: d, type: 'MX', exchange: d })) },
    faults: [
      { at: 0, fault: { type: 'host.down', host: 'd2.example' } },
      { at: '2d', fault: { type: 'host.up', host: 'd2.example' } },
      { at: 0, fault: { type: 'smtp.reply', host: 'd3.example', stage: 'rcpt', code: 450, every: 10 } },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  // Messages spread over the first hour of a lesson, round-robin over senders and domains.
  const inputs: TimedInput[] = Array.from({ length: MESSAGES }, (_, i) => ({
    at: Math.floor((i * HOUR) / MESSAGES),
    input: {
      type: 'mail.send',
      host: pcs[i % USERS] as string,
      to: [`prof@${DOMAINS[i % DOMAINS.length]}`],
      subject: `Homework ${i}`,
      body: 'Please find my answers below.\n'.repeat(20),
    },
  }));
  return { scenario: result.scenario, inputs };
}

/** classroomBench simulates the classroom world to quiescence and seeks to the middle of its trace. */
export function classroomBench(): Metric[] {
  const { scenario, inputs } = classroom();
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const start = performance.now();
  const session = new Session(scenario, inputs);
  // Run in slices so the heap can be sampled while the world is busy.
  for (let t = 0; !session.idle && t < 7 * 24 * HOUR; t += HOUR / 4) {
    session.runUntil(t);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const wall = performance.now() - start;
  const trace = session.trace;
  const delivered = trace.filter((e) => e.kind === 'queue.delivered').length;
  if (delivered < MESSAGES * 0.99)
    throw new Error(`only ${delivered} of ${MESSAGES} messages were delivered`);
  const middle = (trace[Math.floor(trace.length / 2)] as { t: number }).t;

  const seekStart = performance.now();
  const prefix = session.traceUntil(middle);
  const seek = performance.now() - seekStart;

  const replayStart = performance.now();
  const replay = new Session(scenario, inputs);
  replay.runUntil(middle);
  const replayMs = performance.now() - replayStart;
  if (replay.trace.length < prefix.length) throw new Error('the replay did not reach the middle');

  return [
    {
      name: 'classroom-simulate-ms',
      value: round(wall),
      unit: 'ms',
      note: `${MESSAGES} messages to quiescence`,
    },
    { name: 'classroom-trace-events', value: trace.length, unit: 'events' },
    {
      name: 'classroom-peak-heap-mb',
      value: round((peak - heapBefore) / 1_048_576),
      unit: 'MB',
      note: 'above the heap before the run',
    },
    {
      name: 'classroom-seek-middle-ms',
      value: round(seek),
      unit: 'ms',
      note: 'prefix of the trace up to its middle',
    },
    {
      name: 'classroom-replay-to-middle-ms',
      value: round(replayMs),
      unit: 'ms',
      note: 'a fresh world run to the middle, as after an input in the past',
    },
  ];
}
