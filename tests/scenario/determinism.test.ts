import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/sim/builtinScenarios.ts';
import type { Scenario } from '../../src/sim/scenario.ts';
import { Session } from '../../src/sim/session.ts';
import { isKind, traceToJsonLines } from '../../src/sim/trace.ts';

function demo(): Scenario {
  const scenario = builtinScenario('tcp-demo');
  if (!scenario) throw new Error('tcp-demo is missing');
  return scenario;
}

function lossy(seed: number): Scenario {
  const base = demo();
  return { ...base, seed, links: base.links.map((l) => ({ ...l, jitter: 15, loss: 0.2 })) };
}

function run(scenario: Scenario, until = 120_000): string {
  const session = new Session(scenario);
  session.runUntil(until);
  return traceToJsonLines(session.events);
}

describe('determinism', () => {
  it('gives a byte-identical JSON trace for the same scenario and seed', () => {
    expect(run(lossy(11))).toBe(run(lossy(11)));
  });

  it('changes the initial sequence numbers with another seed', () => {
    const isn = (seed: number) => {
      const session = new Session({ ...demo(), seed });
      session.runUntil(1000);
      return session.events
        .filter(isKind('tcp.segment'))
        .slice(0, 2)
        .map((s) => s.seqNo);
    };
    expect(isn(1)).not.toEqual(isn(2));
  });

  it('gives the same trace whether a world is run in one go or in many small steps', () => {
    const stepped = new Session(lossy(3));
    for (let t = 0; t <= 120_000; t += 137) stepped.runUntil(t);
    stepped.runUntil(120_000);
    expect(traceToJsonLines(stepped.trace)).toBe(run(lossy(3)));
  });

  it("leaves a world run a few callbacks at a time (the lab's first run) as one runUntilQuiet leaves it", () => {
    const textbook = builtinScenario('textbook');
    if (!textbook) throw new Error('textbook is missing');
    const week = 7 * 24 * 3_600_000;
    const whole = new Session(textbook);
    const quietAt = whole.runUntilQuiet(week);
    const sliced = new Session(textbook);
    let slices = 1;
    while (!sliced.runSome(week, 7)) {
      expect(sliced.horizon).toBe(-1);
      slices += 1;
    }
    expect(slices).toBeGreaterThan(10);
    expect(traceToJsonLines(sliced.trace)).toBe(traceToJsonLines(whole.trace));
    expect([sliced.horizon, sliced.now, sliced.idle]).toEqual([whole.horizon, quietAt, whole.idle]);
  });

  it('stops a world run a few callbacks at a time at the limit, with the horizon there, as runUntilQuiet does', () => {
    const whole = new Session(lossy(5));
    whole.runUntilQuiet(2000);
    const sliced = new Session(lossy(5));
    while (!sliced.runSome(2000, 3));
    expect(sliced.idle).toBe(false);
    expect(traceToJsonLines(sliced.trace)).toBe(traceToJsonLines(whole.trace));
    expect(sliced.horizon).toBe(whole.horizon);
  });
});

describe('session', () => {
  it('returns the prefix of the trace up to a time, so seeking back needs no new run', () => {
    const session = new Session(demo());
    session.runUntil(120_000);
    const early = session.traceUntil(100);
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((e) => e.t <= 100)).toBe(true);
    expect(session.events.slice(0, early.length)).toEqual(early);
    expect(session.replays).toBe(1);
  });

  it('replays from the start when an input lands in the past, giving what a fresh run gives', () => {
    const late = new Session(demo());
    late.runUntil(5000);
    late.input(300, { type: 'terminal.type', host: 'alice-pc', text: 'an afterthought' });
    late.runUntil(120_000);
    expect(late.replays).toBe(2);

    const fresh = new Session(demo(), [
      { at: 300, input: { type: 'terminal.type', host: 'alice-pc', text: 'an afterthought' } },
    ]);
    fresh.runUntil(120_000);
    expect(traceToJsonLines(late.events)).toBe(traceToJsonLines(fresh.events));
    expect(late.events.filter(isKind('app.line')).map((e) => e.line)).toContain('an afterthought');
  });

  it('adds an input beyond the horizon without replaying, and still matches a fresh run', () => {
    const scenario = { ...demo(), inputs: demo().inputs.filter((i) => i.input.type !== 'terminal.close') };
    const live = new Session(scenario);
    live.runUntil(700);
    live.input(700.5, { type: 'terminal.type', host: 'alice-pc', text: 'typed live' });
    live.runUntil(60_000);
    expect(live.replays).toBe(1);
    const fresh = new Session(scenario, [
      { at: 700.5, input: { type: 'terminal.type', host: 'alice-pc', text: 'typed live' } },
    ]);
    fresh.runUntil(60_000);
    expect(traceToJsonLines(live.trace)).toBe(traceToJsonLines(fresh.events));
  });

  it('records every input in the trace with its place in the log', () => {
    const session = new Session(demo());
    session.runUntil(1000);
    expect(session.events.filter(isKind('input')).map((e) => e.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('runs the demonstration: a connection opens, carries three lines each way, and closes', () => {
    const session = new Session(demo());
    session.runUntil(120_000);
    const lines = session.events.filter(isKind('app.line'));
    expect(lines.filter((l) => l.from === 'client').map((l) => l.line)).toEqual([
      'Hello, hamburger.edu!',
      'Do you like ketchup?',
      'How about pickles?',
    ]);
    expect(lines.filter((l) => l.from === 'server')).toHaveLength(3);
    const states = session.events.filter(isKind('tcp.state'));
    expect(states.filter((s) => s.host === 'alice-pc').at(-1)?.to).toBe('CLOSED');
    expect(states.filter((s) => s.host === 'hamburger.edu').at(-1)?.to).toBe('CLOSED');
  });
});
