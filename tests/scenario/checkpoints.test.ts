// Checkpoints: a world kept as data at quiet moments, so that an input in the past replays from the latest
// checkpoint before it instead of from t = 0. A restored world must go on exactly as the world it was taken from.
import { describe, expect, it } from 'vitest';
import { builtinScenario, builtinScenarioNames } from '../../src/sim/builtinScenarios.ts';
import type { Input, TimedInput } from '../../src/sim/input.ts';
import type { Scenario } from '../../src/sim/scenario.ts';
import { checkpointStride, CHECKPOINTS_AT_EACH_SPACING, Session } from '../../src/sim/session.ts';
import { traceToJsonLines, type TraceEvent } from '../../src/sim/trace.ts';
import { classroomWorld } from '../support/classroomWorld.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Readers that keep an IMAP IDLE open never fall quiet, so those worlds stop ten minutes in (as in traceGolden).
const HORIZON: Readonly<Record<string, number>> = { 'imap-folders': 600_000, 'partial-fetch': 600_000 };
// Checkpoints this often (in events) give the small built-in worlds several each; partial-fetch, 265,000 events
// of one long IMAP session, is kept to a few.
const EVERY: Readonly<Record<string, number>> = { 'partial-fetch': 60_000, bounce: 200 };
// Worlds that never fall quiet enough to be kept, and why: a terminal someone typed in; user agents that read
// over IMAP (their reader keeps a session open). A checkpoint does not keep either, so these replay from t = 0.
const NEVER_KEPT: ReadonlySet<string> = new Set(['tcp-demo', 'push-vs-pull']);

/** A classroom in small: students mailing professors while one domain is down and one answers 450 now and then. */
function classroom(): { scenario: Scenario; inputs: TimedInput[] } {
  const world = classroomWorld({
    name: 'checkpoint-classroom',
    seed: 5,
    students: 4,
    domains: 3,
    messages: 16,
    sendEvery: 20_000,
    down: '2h',
    refuseEvery: 3,
    bodyLines: 4,
  });
  // A lasting fault that is still in force at some checkpoints, so its end must wait in them as data.
  const cut: Input = { type: 'fault', fault: { type: 'host.down', host: 'd3.example', for: HOUR } };
  return { scenario: world.scenario, inputs: [...world.inputs, { at: 90_000, input: cut }] };
}

function lines(trace: readonly TraceEvent[]): string[] {
  return traceToJsonLines(trace).split('\n');
}

// Each checkpoint in turn, the latest first: the world run to the end is rewound to it and run to the end again.
// (A rewind drops the checkpoints after the one it restores, and the run after it takes them again.)
function expectEveryCheckpointFaithful(
  scenario: Scenario,
  inputs: TimedInput[],
  limit: number,
  every: number,
): number {
  const session = new Session(scenario, inputs, { checkpointEvery: every });
  session.runUntilQuiet(limit);
  const want = lines(session.events);
  const times = [...session.checkpointTimes];
  for (let i = times.length - 1; i >= 0; i--) {
    session.rewind(times[i + 1] ?? Infinity);
    expect(session.restoredFrom).toBe(times[i]);
    const got = lines(session.events);
    const first = got.findIndex((line, j) => line !== want[j]);
    if (first !== -1 || got.length !== want.length)
      expect({ checkpoint: times[i], line: first, event: got[first] }).toEqual({
        checkpoint: times[i],
        line: first,
        event: want[first],
      });
    expect(session.checkpointTimes).toEqual(times);
  }
  return times.length;
}

describe('a world restored from a checkpoint', { timeout: 300_000 }, () => {
  for (const name of builtinScenarioNames) {
    it(`goes on exactly as ${name} did, from each of its checkpoints`, () => {
      const scenario = builtinScenario(name) as Scenario;
      const kept = expectEveryCheckpointFaithful(scenario, [], HORIZON[name] ?? 6 * DAY, EVERY[name] ?? 10);
      if (NEVER_KEPT.has(name)) expect(kept).toBe(0);
      else expect(kept).toBeGreaterThan(0);
    });
  }

  it('goes on exactly as a classroom did, with connections in TIME-WAIT and a host down at the checkpoint', () => {
    const { scenario, inputs } = classroom();
    expect(expectEveryCheckpointFaithful(scenario, inputs, 6 * DAY, 50)).toBeGreaterThan(20);
  });
});

describe('an input in the past', { timeout: 120_000 }, () => {
  const late: Input = {
    type: 'mail.send',
    host: 'pc2',
    to: ['prof@d1.example', 'prof@d2.example'],
    subject: 'Late homework',
    body: 'Sorry, here it is.\n',
  };

  it('replays from the latest checkpoint before it and gives the trace of a world that had it from t = 0', () => {
    const { scenario, inputs } = classroom();
    const session = new Session(scenario, inputs, { checkpointEvery: 50 });
    session.runUntil(3 * HOUR);
    const at = 200_500;
    const before = session.checkpointTimes.filter((t) => t < at);
    expect(before.length).toBeGreaterThan(0);
    session.input(at, late);
    session.runUntilQuiet(6 * DAY);
    expect(session.replays).toBe(2);
    expect(session.restoredFrom).toBe(before.at(-1));

    const fresh = new Session(scenario, [...inputs, { at, input: late }]);
    fresh.runUntilQuiet(6 * DAY);
    expect(fresh.restoredFrom).toBeNull();
    expect(lines(session.events)).toEqual(lines(fresh.events));
    expect(
      session.events.some(
        (e) => e.kind === 'ua.submitted' && e.host === 'pc2' && e.raw.includes('Late homework'),
      ),
    ).toBe(true);
  });

  it('taken back replays from the latest checkpoint before it and gives the trace of a world that never had it', () => {
    const { scenario, inputs } = classroom();
    const session = new Session(scenario, inputs, { checkpointEvery: 50 });
    session.runUntil(3 * HOUR);
    const entry = session.input(3 * HOUR - 1, late);
    session.runUntilQuiet(6 * DAY);
    const restored = session.checkpointTimes.filter((t) => t < entry.at).at(-1);
    const replays = session.replays;
    expect(session.remove(entry)).toBe(true);
    expect(session.replays).toBe(replays + 1);
    expect(session.restoredFrom).toBe(restored);

    const never = new Session(scenario, inputs);
    never.runUntilQuiet(6 * DAY);
    expect(lines(session.events)).toEqual(lines(never.events));
  });

  it('before every checkpoint replays from t = 0', () => {
    const { scenario, inputs } = classroom();
    const session = new Session(scenario, inputs, { checkpointEvery: 50 });
    session.runUntil(HOUR);
    const first = session.checkpointTimes[0] as number;
    session.input(first, late);
    expect(session.restoredFrom).toBeNull();
    expect(session.checkpointTimes.every((t) => t > first)).toBe(true);
  });
});

describe('checkpoints', () => {
  it('are the same whether a world runs in one go or in slices of a few callbacks, as the lab runs it', () => {
    const { scenario, inputs } = classroom();
    const whole = new Session(scenario, inputs, { checkpointEvery: 50 });
    whole.runUntilQuiet(6 * DAY);
    const sliced = new Session(scenario, inputs, { checkpointEvery: 50 });
    while (!sliced.runSome(6 * DAY, 37));
    expect(sliced.checkpointTimes.length).toBeGreaterThan(20);
    expect(sliced.checkpointTimes).toEqual(whole.checkpointTimes);
    expect(lines(sliced.events)).toEqual(lines(whole.events));
  });

  it('are taken only when every connection is closed or waiting out TIME-WAIT', () => {
    const { scenario, inputs } = classroom();
    const session = new Session(scenario, inputs, { checkpointEvery: 20 });
    session.runUntilQuiet(6 * DAY);
    const times = new Set(session.checkpointTimes);
    expect(times.size).toBeGreaterThan(20);
    const states = new Map<string, string>();
    const trace = session.events;
    trace.forEach((e, i) => {
      if (e.kind === 'tcp.state') states.set(`${e.conn} ${e.host}`, e.to);
      if (!times.has(e.t) || trace[i + 1]?.t === e.t) return;
      const open = [...states].filter(([, s]) => s !== 'CLOSED' && s !== 'LISTEN' && s !== 'TIME-WAIT');
      expect({ at: e.t, open }).toEqual({ at: e.t, open: [] });
    });
  });
});

describe('thinned checkpoints', { timeout: 300_000 }, () => {
  it('keep the latest close together and the older ever sparser, a number that grows as the logarithm', () => {
    const k = CHECKPOINTS_AT_EACH_SPACING;
    const keptOf = (taken: number) =>
      Array.from({ length: taken }, (_, n) => n).filter((n) => n % checkpointStride(taken - 1 - n) === 0);
    for (const taken of [1, k, 2 * k, 100, 1000, 10_000]) {
      const kept = keptOf(taken);
      // The latest k all, and the first one always (a number that is a multiple of every stride).
      expect(kept.slice(-Math.min(k, taken))).toEqual(
        Array.from({ length: Math.min(k, taken) }, (_, i) => taken - Math.min(k, taken) + i),
      );
      expect(kept[0]).toBe(0);
      expect(kept.length).toBeLessThanOrEqual(k * (2 + Math.log2(Math.max(1, taken / k))));
      // Each gap is at most about 1/k of the checkpoints after it: a replay from there runs little more than
      // its run to the present.
      kept.forEach((n, i) => {
        const next = kept[i + 1] ?? taken;
        expect(next - n).toBeLessThanOrEqual(Math.max(1, (taken - n) / k));
      });
    }
    expect(keptOf(10_000).length).toBeLessThan(100);
  });

  it('drop a checkpoint once for good: one dropped is never named again as the world grows', () => {
    let previous = new Set<number>();
    const named: number[] = [];
    for (let taken = 1; taken <= 600; taken++) {
      const kept = new Set(
        Array.from({ length: taken }, (_, n) => n).filter((n) => n % checkpointStride(taken - 1 - n) === 0),
      );
      for (const n of kept) if (n < taken - 1 && !previous.has(n)) named.push(n);
      previous = kept;
    }
    expect(named).toEqual([]);
  });

  it('are exactly those the rule names among every checkpoint a world takes', () => {
    const { scenario, inputs } = classroom();
    const all = new Session(scenario, inputs, { checkpointEvery: 1, checkpointsAtEachSpacing: Infinity });
    all.runUntilQuiet(6 * DAY);
    const thinned = new Session(scenario, inputs, { checkpointEvery: 1 });
    thinned.runUntilQuiet(6 * DAY);
    const taken = all.checkpointTimes;
    expect(taken.length).toBeGreaterThan(4 * CHECKPOINTS_AT_EACH_SPACING);
    expect(thinned.checkpointTimes).toEqual(
      taken.filter((_, n) => n % checkpointStride(taken.length - 1 - n) === 0),
    );
    expect(thinned.checkpointTimes.length).toBeLessThan(taken.length * 0.6);
    expect(lines(thinned.events)).toEqual(lines(all.events));
  });

  it('replay an input at any moment exactly as a world that had it from t = 0', () => {
    const { scenario, inputs } = classroom();
    const late: Input = {
      type: 'mail.send',
      host: 'pc3',
      to: ['prof@d2.example'],
      subject: 'Late homework',
      body: 'Here it is.\n',
    };
    const probe = new Session(scenario, inputs, { checkpointEvery: 1, checkpointsAtEachSpacing: Infinity });
    probe.runUntilQuiet(6 * DAY);
    const taken = probe.checkpointTimes;
    // Moments just after checkpoints that thinning drops (old odd numbers) and keeps, and before the first.
    const moments = [1, ...[3, 9, 16, taken.length - 3].map((n) => (taken[n] as number) + 1)];
    let thinnedAway = 0;
    for (const at of moments) {
      const session = new Session(scenario, inputs, { checkpointEvery: 1 });
      session.runUntilQuiet(6 * DAY);
      const kept = session.checkpointTimes;
      session.input(at, late);
      session.runUntilQuiet(6 * DAY);
      const from = kept.filter((t) => t < at).at(-1) ?? null;
      expect(session.restoredFrom).toBe(from);
      if (from !== (taken.filter((t) => t < at).at(-1) ?? null)) thinnedAway++;
      const fresh = new Session(scenario, [...inputs, { at, input: late }], {
        checkpointsAtEachSpacing: Infinity,
      });
      fresh.runUntilQuiet(6 * DAY);
      expect({ at, trace: lines(session.events) }).toEqual({ at, trace: lines(fresh.events) });
    }
    // Some of those moments lay after a checkpoint thinned away, so the replay began further back.
    expect(thinnedAway).toBeGreaterThan(0);
  });
});
