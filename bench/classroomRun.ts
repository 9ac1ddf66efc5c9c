// The bench's classroom world and its run with the heap sampled. Run as a script, it simulates the world to
// quiescence in a Node process of its own, as the lab's engine worker runs it, and prints its time, the heap's peak
// and what it retains. In the bench's own process both would say as much about the harness as about the world: V8
// lets garbage grow in proportion to the live heap before it collects, so there the same world peaked at 313 MB
// against 145 MB alone, and after the other suites had run it took twice as long as alone (the last full bench's
// 11.1 s against 5.8–7.5 s in the same week's runs alone).
import { fileURLToPath } from 'node:url';
import type { TimedInput } from '../src/sim/input.ts';
import type { Scenario } from '../src/sim/scenario.ts';
import { Session } from '../src/sim/session.ts';
import { classroomWorld } from '../tests/support/classroomWorld.ts';

const USERS = 20;
const DOMAINS = 5;
const HOUR = 3_600_000;
export const MESSAGES = 1000;
export const BODY_LINES = 20;

/** classroom is the bench's world: 1,000 messages from 20 students to 5 domains, with an outage and refusals. */
export function classroom(): { scenario: Scenario; inputs: TimedInput[] } {
  // Messages spread over the first hour of a lesson; d2 down for two days, d3 refusing every tenth RCPT.
  return classroomWorld({
    name: 'classroom',
    seed: 7,
    students: USERS,
    domains: DOMAINS,
    messages: MESSAGES,
    sendEvery: HOUR / MESSAGES,
    down: '2d',
    refuseEvery: 10,
    bodyLines: BODY_LINES,
  });
}

/** Sampled is a finished classroom session with its wall time and the heap sampled while it ran, in bytes. */
export interface Sampled {
  readonly session: Session;
  readonly wallMs: number;
  /** peak is the highest heap in use sampled while the world ran, above the heap before it. */
  readonly peak: number;
  /** retained is the heap the finished world holds after a full collection, above the heap before it. */
  readonly retained: number;
}

/** simulateSampled runs the world to quiescence in quarter hours of virtual time, sampling the heap after each. */
export function simulateSampled(scenario: Scenario, inputs: readonly TimedInput[]): Sampled {
  const collect = globalThis.gc;
  if (!collect) throw new Error('the classroom benchmark needs node --expose-gc (npm run bench passes it)');
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const start = performance.now();
  const session = new Session(scenario, inputs);
  for (let t = 0; !session.idle && t < 7 * 24 * HOUR; t += HOUR / 4) {
    session.runUntil(t);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const wallMs = performance.now() - start;
  // What the finished world holds once its garbage is swept: the peak's floor, the rest is garbage not yet collected.
  collect();
  return { session, wallMs, peak: peak - heapBefore, retained: process.memoryUsage().heapUsed - heapBefore };
}

/** RunFigures is what the script prints of the classroom run alone: its wall time, and its peak and retained heap in bytes. */
export interface RunFigures {
  readonly wallMs: number;
  readonly peak: number;
  readonly retained: number;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { scenario, inputs } = classroom();
  const { wallMs, peak, retained } = simulateSampled(scenario, inputs);
  const figures: RunFigures = { wallMs, peak, retained };
  process.stdout.write(JSON.stringify(figures));
}
