// A classroom-sized world: 1,000 messages from 20 users to 5 domains, one domain down for two days, one
// answering 450 to every tenth message. How long it takes to simulate to quiescence, how big the trace gets,
// how much memory it holds, and how quickly a view can seek into it: worldAt, the fold the lab runs on every
// cursor move, at random cursors, beside its floor (reading the events its walk reads) and the fold from t = 0;
// and how quickly an input at the middle is taken in: a replay from the latest checkpoint before it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Input, TimedInput } from '../src/sim/input.ts';
import type { Scenario } from '../src/sim/scenario.ts';
import { CHECKPOINT_EVENTS, CHECKPOINTS_AT_EACH_SPACING, Session } from '../src/sim/session.ts';
import { countUntil, type TraceEvent } from '../src/sim/trace.ts';
import { CHECKPOINT_EVERY, foldWorld, worldAt } from '../src/sim/worldView.ts';
import { BODY_LINES, MESSAGES, classroom, simulateSampled, type RunFigures } from './classroomRun.ts';
import { round, type Metric } from './measure.ts';
import { CountingClock, hamburgerBackend, inMemoryTransaction } from './smtpMachines.ts';

const CURSORS = 200;
// The fold from t = 0 takes a tenth of a second or more a cursor, so it is timed at fewer of the same cursors.
const FROM_START_CURSORS = 20;

/** Cursors spread at random over the trace, the same each run (a linear congruential generator). */
function randomCursors(length: number, count: number): number[] {
  let s = 12_345;
  return Array.from({ length: count }, () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((s / 2_147_483_648) * length);
  });
}

function quantile(times: readonly number[], q: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/**
 * worldAtBench times worldAt as the lab calls it, at random cursors once its checkpoints are made, with the
 * one-time cost and retained heap of those checkpoints; its floor is reading, at the same cursors, the events a
 * walk from the nearest checkpoint folds; the fold from t = 0 at the same cursors is what worldAt cost before.
 */
function worldAtBench(scenario: Scenario, trace: readonly TraceEvent[]): Metric[] {
  // Full collections around the build, so the heap it retains is read rather than garbage not yet swept.
  const collect = globalThis.gc;
  if (!collect) throw new Error('the classroom benchmark needs node --expose-gc (npm run bench passes it)');
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  worldAt(scenario, trace, trace.length - 1);
  const build = performance.now() - buildStart;
  collect();
  const retained = process.memoryUsage().heapUsed - heapBefore;

  const cursors = randomCursors(trace.length, CURSORS);
  let sink = 0;
  const walks: number[] = [];
  // Beside each call's wall time, the process's CPU time over it (read outside the timed span): on a loaded machine
  // a slow call that used little CPU waited for one, while a garbage collection shows as CPU on some thread.
  const cpu: number[] = [];
  for (const seq of cursors) {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    sink += worldAt(scenario, trace, seq).connections.length;
    walks.push(performance.now() - start);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  // The same cursors twice more, each cursor's fastest call kept: on a loaded machine a call can wait for a CPU
  // for longer than the fold takes, and the best of three tells the fold's own cost from that wait.
  const best = [...walks];
  for (let pass = 0; pass < 2; pass++)
    cursors.forEach((seq, i) => {
      const start = performance.now();
      sink += worldAt(scenario, trace, seq).connections.length;
      best[i] = Math.min(best[i] as number, performance.now() - start);
    });
  const reads: number[] = [];
  for (const seq of cursors) {
    const start = performance.now();
    const from = Math.floor((seq + 1) / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
    for (let i = from; i <= seq; i++) sink += (trace[i] as TraceEvent).kind.length;
    reads.push(performance.now() - start);
  }
  const fromStart: number[] = [];
  for (const seq of cursors.slice(0, FROM_START_CURSORS)) {
    const start = performance.now();
    sink += foldWorld(scenario, trace, seq).connections.length;
    fromStart.push(performance.now() - start);
  }
  if (sink === 0) throw new Error('the timed work produced nothing');
  const walked = cursors.map((seq) => seq + 1 - Math.floor((seq + 1) / CHECKPOINT_EVERY) * CHECKPOINT_EVERY);
  return [
    {
      name: 'classroom-worldat-random-ms',
      value: round(quantile(walks, 0.5)),
      unit: 'ms',
      note: `median of worldAt at ${CURSORS} random cursors, checkpoints every ${CHECKPOINT_EVERY} events`,
    },
    {
      name: 'classroom-worldat-random-p95-ms',
      value: round(quantile(walks, 0.95)),
      unit: 'ms',
      note: 'p95 of the same calls',
    },
    {
      name: 'classroom-worldat-random-p95-cpu-ms',
      value: round(quantile(cpu, 0.95)),
      unit: 'ms',
      note: "p95 of the same calls' CPU time, every thread of the process (GC, compiler): a call's wait for a CPU left out",
    },
    {
      name: 'classroom-worldat-random-p95-best-of-3-ms',
      value: round(quantile(best, 0.95)),
      unit: 'ms',
      note: "p95 over the same cursors of each one's fastest of three calls: the fold without waits for a CPU",
    },
    {
      name: 'classroom-worldat-floor-ms',
      value: round(quantile(reads, 0.5)),
      unit: 'ms',
      note: `floor: reading the events a walk folds (median ${quantile(walked, 0.5)}), same cursors`,
    },
    {
      name: 'classroom-worldat-from-start-ms',
      value: round(quantile(fromStart, 0.5)),
      unit: 'ms',
      note: `for comparison: the plain fold from t = 0, median at ${FROM_START_CURSORS} of the same cursors`,
    },
    {
      name: 'classroom-worldat-checkpoints-build-ms',
      value: round(build),
      unit: 'ms',
      note: `once: worldAt at the last event, making ${Math.floor(trace.length / CHECKPOINT_EVERY)} checkpoints`,
    },
    {
      name: 'classroom-worldat-checkpoints-mb',
      value: round(retained / 1_048_576),
      unit: 'MB',
      note: 'heap the checkpoints retain',
    },
  ];
}

/**
 * machinesAlone is the floor under the classroom's simulation time while XState runs every SMTP session: one
 * transaction between the lab's own client and server machines, wired in memory with no kernel, network or trace,
 * for every SMTP session the classroom world ran, each carrying a message of the classroom's size.
 */
function machinesAlone(trace: readonly TraceEvent[]): { ms: number; sessions: number } {
  const sessions = trace.filter((e) => e.kind === 'conn.opened' && e.protocol === 'smtp').length;
  const body = 'Please find my answers below.\r\n'.repeat(BODY_LINES);
  const data = `From: <s@school.edu>\r\nTo: <bob@hamburger.edu>\r\nSubject: Homework 1\r\n\r\n${body}`;
  const client = {
    heloName: 'school.edu',
    envelope: { from: 's@school.edu', to: ['bob@hamburger.edu'] },
    data,
  };
  const clock = new CountingClock();
  const backend = hamburgerBackend();
  const start = performance.now();
  for (let i = 0; i < sessions; i++) inMemoryTransaction({ client, clock, backend });
  return { ms: performance.now() - start, sessions };
}

/**
 * replayBench times what the lab does when a person acts at the middle of the classroom's trace, with the world
 * run that far: the session replays from the latest checkpoint before the input up to the middle again. Beside it,
 * its floor (restoring that checkpoint alone), the heap the checkpoints retain, and, for comparison, what the same
 * replay cost before checkpoints: a fresh world run from t = 0 to the middle.
 */
function replayBench(
  scenario: Scenario,
  inputs: readonly TimedInput[],
  middle: number,
  prefix: number,
): Metric[] {
  const collect = globalThis.gc;
  if (!collect) throw new Error('the classroom benchmark needs node --expose-gc (npm run bench passes it)');
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const freshStart = performance.now();
  const fresh = new Session(scenario, inputs, { checkpointEvery: Infinity });
  fresh.runUntil(middle);
  const freshMs = performance.now() - freshStart;
  if (fresh.trace.length < prefix) throw new Error('the fresh world did not reach the middle');
  collect();
  const heapFresh = process.memoryUsage().heapUsed;

  const liveStart = performance.now();
  const live = new Session(scenario, inputs);
  live.runUntil(middle);
  const liveMs = performance.now() - liveStart;
  collect();
  const heapLive = process.memoryUsage().heapUsed;
  // Both worlds hold the same trace and world; what the second holds more is its checkpoints.
  const checkpointBytes = heapLive - heapFresh - (heapFresh - heapBefore);
  const kept = live.checkpointTimes.length;

  const late: Input = {
    type: 'mail.send',
    host: 'pc1',
    to: ['prof@d1.example'],
    subject: 'Late homework',
    body: 'Please find my answers below.\n',
  };
  const replayStart = performance.now();
  live.input(middle, late);
  const replayMs = performance.now() - replayStart;
  const from = live.restoredFrom;
  if (from === null || live.replays !== 2) throw new Error('the replay did not start from a checkpoint');
  const replayed = live.trace.length - countUntil(live.trace, from);
  // The floor: the same checkpoint restored, nothing run after it.
  const restoreStart = performance.now();
  live.rewind(middle, from);
  const restoreMs = performance.now() - restoreStart;
  if (live.restoredFrom !== from || live.horizon !== from)
    throw new Error('the floor did not restore the same checkpoint');
  return [
    {
      name: 'classroom-replay-to-middle-ms',
      value: round(replayMs),
      unit: 'ms',
      note: `an input at the middle (t = ${Math.round(middle / 1000)} s): restored from the checkpoint at ${Math.round(from / 1000)} s, ${replayed} events run again`,
    },
    {
      name: 'classroom-replay-restore-ms',
      value: round(restoreMs),
      unit: 'ms',
      note: 'floor: restoring that checkpoint alone',
    },
    {
      name: 'classroom-replay-from-start-ms',
      value: round(freshMs),
      unit: 'ms',
      note: 'for comparison: a fresh world run from t = 0 to the middle, as every replay did before checkpoints',
    },
    {
      name: 'classroom-to-middle-with-checkpoints-ms',
      value: round(liveMs),
      unit: 'ms',
      note: `the same run taking checkpoints (every ${CHECKPOINT_EVENTS} events at least, ${kept} kept: ${CHECKPOINTS_AT_EACH_SPACING} at each spacing): their cost`,
    },
    {
      name: 'classroom-checkpoints-mb',
      value: round(checkpointBytes / 1_048_576),
      unit: 'MB',
      note: `heap the ${kept} checkpoints up to the middle retain`,
    },
  ];
}

/** classroom is the world of this benchmark: its scenario and the 1,000 sends, for other suites to run too. */

/**
 * runAlone runs the classroom world in a Node process of its own (bench/classroomRun.ts, with this process's
 * flags, --expose-gc among them) and reads its time and its peak and retained heap, as the lab's engine worker
 * would run and hold it.
 */
function runAlone(): RunFigures {
  const script = join(import.meta.dirname, 'classroomRun.ts');
  const child = spawnSync(process.execPath, [...process.execArgv, script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`classroomRun.ts failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as RunFigures;
}

/** classroomBench simulates the classroom world to quiescence, looks at it with worldAt and replays to its middle. */
export function classroomBench(): Metric[] {
  const { scenario, inputs } = classroom();
  // The world is run here for its trace, which the rest of the suite reads; its figures come from a run alone.
  const { session } = simulateSampled(scenario, inputs);
  const { wallMs: wall, peak, retained } = runAlone();
  const trace = session.trace;
  let delivered = 0;
  for (const event of trace) if (event.kind === 'queue.delivered') delivered++;
  if (delivered < MESSAGES * 0.99)
    throw new Error(`only ${delivered} of ${MESSAGES} messages were delivered`);
  const middle = (trace.at(Math.floor(trace.length / 2)) as { t: number }).t;
  const prefix = session.traceUntil(middle);
  // The lab's views read the trace as an array of events (Session.events), and so do these two.
  const worldAtMetrics = worldAtBench(scenario, session.events);
  const machines = machinesAlone(session.events);

  const replayMetrics = replayBench(scenario, inputs, middle, prefix.length);

  return [
    {
      name: 'classroom-simulate-ms',
      value: round(wall),
      unit: 'ms',
      note: `${MESSAGES} messages to quiescence, the world alone in a Node process of its own (classroomRun.ts)`,
    },
    {
      name: 'classroom-machines-alone-ms',
      value: round(machines.ms),
      unit: 'ms',
      note: `the lab's SMTP machines in memory, one transaction for each of the ${machines.sessions} SMTP sessions`,
    },
    { name: 'classroom-trace-events', value: trace.length, unit: 'events' },
    {
      name: 'classroom-peak-heap-mb',
      value: round(peak / 1_048_576),
      unit: 'MB',
      note: 'above the heap before the run, the world alone in a Node process of its own (classroomRun.ts)',
    },
    {
      name: 'classroom-retained-heap-mb',
      value: round(retained / 1_048_576),
      unit: 'MB',
      note: 'held by the finished world and its trace after a full collection, in the same process as the peak',
    },
    ...worldAtMetrics,
    ...replayMetrics,
  ];
}
