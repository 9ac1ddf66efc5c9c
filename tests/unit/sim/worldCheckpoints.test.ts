// worldAt walks from checkpoints; these tests hold it to the plain fold from the start (foldWorld) at every
// position, at checkpoint boundaries, in a scrambled order, and while the trace grows or is replaced.
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { TimedInput } from '../../../src/sim/input.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';
import type { TraceEvent, UnstampedEvent } from '../../../src/sim/trace.ts';
import {
  CHECKPOINT_EVERY,
  foldWorld,
  worldAt,
  WorldIndex,
  type WorldView,
} from '../../../src/sim/worldView.ts';
import { classroomWorld } from '../../support/classroomWorld.ts';

const WEEK = 7 * 24 * 3_600_000;

function builtin(name: string): Scenario {
  const scenario = builtinScenario(name);
  if (!scenario) throw new Error(`no built-in scenario ${name}`);
  return scenario;
}

function settled(scenario: Scenario, inputs: readonly TimedInput[] = [], until = WEEK): Session {
  const session = new Session(scenario, inputs);
  session.runUntilQuiet(until);
  return session;
}

/** A seeded shuffle, so that walks from one checkpoint alternate with walks from others, as a scrubbing student's. */
function scrambled(seqs: readonly number[], seed = 7): number[] {
  const out = [...seqs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
}

/** Positions to check: all of them in a short trace; in a long one, every boundary ±1, the ends and a sample. */
function positions(length: number, every: number): number[] {
  if (length <= 1500) return Array.from({ length: length + 1 }, (_, i) => i - 1);
  const seqs = new Set([-1, 0, length - 2, length - 1]);
  for (let edge = every - 1; edge < length; edge += every)
    for (const seq of [edge - 1, edge, edge + 1]) if (seq < length) seqs.add(seq);
  for (let i = 0; i < 60; i++) seqs.add((i * 7919) % length);
  return [...seqs];
}

/** expectSameWorlds compares `at` with the plain fold at each position (a deep comparison only when they differ). */
function expectSameWorlds(
  scenario: Scenario,
  trace: readonly TraceEvent[],
  at: (seq: number) => WorldView,
  seqs: readonly number[],
): void {
  for (const seq of scrambled(seqs)) {
    const walked = at(seq);
    const plain = foldWorld(scenario, trace, seq);
    if (JSON.stringify(walked) !== JSON.stringify(plain))
      expect({ seq, world: walked }).toEqual({ seq, world: plain });
  }
}

function expectSameAsIndex(index: WorldIndex, seqs: readonly number[]): void {
  expectSameWorlds(index.scenario, index.trace, (seq) => index.at(seq), seqs);
}

/** A classroom in small: students mailing professors, one domain down for two hours, one answering 450 now and then. */
function classroom(messages: number): { scenario: Scenario; inputs: TimedInput[] } {
  return classroomWorld({
    name: 'small-classroom',
    seed: 3,
    students: 4,
    domains: 3,
    messages,
    sendEvery: 60_000,
    down: '2h',
    refuseEvery: 4,
    bodyLines: 5,
  });
}

let classroomRun: { scenario: Scenario; trace: readonly TraceEvent[] } | undefined;

/** smallClassroom is 20 messages run to quiescence (some 4,400 events), simulated once for the tests that only read it. */
function smallClassroom(): { scenario: Scenario; trace: readonly TraceEvent[] } {
  if (classroomRun === undefined) {
    const { scenario, inputs } = classroom(20);
    classroomRun = { scenario, trace: settled(scenario, inputs).events };
  }
  return classroomRun;
}

describe('the world walked from checkpoints', () => {
  it.each([
    ['textbook', 5],
    ['outage', 7],
    ['bounce', 256],
    ['mixed', 3],
    ['pop3-keep', 16],
    ['webmail-send', 50],
    ['push-vs-pull', 1],
  ])(
    'is the plain fold from the start at every position of %s, checkpoints %i events apart',
    (name, every) => {
      const session = settled(builtin(name));
      const index = new WorldIndex(session.scenario, session.events, every);
      expectSameAsIndex(index, positions(session.events.length, every));
      expect(index.checkpoints).toBe(Math.floor(session.events.length / every) + 1);
    },
  );

  it('is the plain fold where IMAP made, renamed and deleted folders (imap-folders)', () => {
    const session = settled(builtin('imap-folders'), [], 3_600_000);
    const index = new WorldIndex(session.scenario, session.events, 100);
    expectSameAsIndex(index, positions(session.events.length, 100));
  });

  it('is the plain fold over a small classroom of many events, with the checkpoints worldAt keeps', () => {
    const { scenario, trace } = smallClassroom();
    expect(trace.length).toBeGreaterThan(2 * CHECKPOINT_EVERY);
    expectSameWorlds(
      scenario,
      trace,
      (seq) => worldAt(scenario, trace, seq),
      positions(trace.length, CHECKPOINT_EVERY),
    );
  });

  it('walks fewer events than lie between two checkpoints, however late the cursor', () => {
    const { scenario, trace } = smallClassroom();
    const index = new WorldIndex(scenario, trace, 500);
    index.at(trace.length - 1);
    expect(index.folded).toBe(trace.length);
    for (const seq of [trace.length - 1, 1234, 499, 500, 3000]) {
      const before = index.folded;
      index.at(seq);
      expect(index.folded - before).toBeLessThan(500);
    }
  });

  it('goes on from its checkpoints as the trace grows, without folding again from the start', () => {
    const { scenario, inputs } = classroom(12);
    const session = new Session(scenario, inputs);
    session.runUntil(4 * 60_000);
    // An array the index reads that grows in place, as the events come.
    const trace = [...session.events];
    const index = new WorldIndex(scenario, trace, 300);
    const early = trace.length;
    expectSameAsIndex(index, positions(early, 300));
    expect(early).toBeGreaterThan(600);
    session.runUntilQuiet(WEEK);
    trace.push(...session.events.slice(early));
    expect(trace.length).toBeGreaterThan(2 * early);
    const last = trace.length - 1;
    const before = index.folded;
    expect(index.at(last)).toEqual(foldWorld(scenario, trace, last));
    // Only what came since the newest checkpoint is folded, not the first `early` events again.
    expect(index.folded - before).toBeLessThan(trace.length - early + 2 * 300);
    expectSameAsIndex(index, positions(trace.length, 300));
  });

  it('keeps the checkpoints of the trace it extends when the lab hands over a longer copy', () => {
    const { scenario, inputs } = classroom(12);
    const session = new Session(scenario, inputs);
    session.runUntil(15 * 60_000);
    const first = new WorldIndex(scenario, [...session.events], 300);
    first.at(first.trace.length - 1);
    session.runUntilQuiet(WEEK);
    const longer = new WorldIndex(scenario, [...session.events], 300, first);
    expect(longer.checkpoints).toBe(first.checkpoints);
    longer.at(longer.trace.length - 1);
    expect(longer.folded).toBe(longer.trace.length - (first.checkpoints - 1) * 300);
    expectSameAsIndex(longer, positions(longer.trace.length, 300));
  });

  it('drops the checkpoints past an input in the past, where a replay made a different trace', () => {
    const scenario = builtin('outage');
    const session = settled(scenario);
    const before = [...session.events];
    const first = new WorldIndex(scenario, before, 20);
    first.at(before.length - 1);
    const middle = before[Math.floor(before.length / 2)] as TraceEvent;
    session.input(middle.t, { type: 'fault', fault: { type: 'host.up', host: 'hamburger.edu' } });
    session.runUntilQuiet(WEEK);
    const after = [...session.events];
    // A replay makes every event anew, so nothing is shared but the world before the first event.
    const replayed = new WorldIndex(scenario, after, 20, first);
    expect(replayed.checkpoints).toBe(1);
    expectSameAsIndex(replayed, positions(after.length, 20));
  });

  it('keeps only the checkpoints before the first event two traces differ in', () => {
    const scenario = builtin('outage');
    const trace = settled(scenario).events;
    const first = new WorldIndex(scenario, trace, 20);
    first.at(trace.length - 1);
    const changed = [...trace];
    // From position 105 on, the trace is another world's: here, the same events as new objects.
    for (let i = 105; i < changed.length; i++) changed[i] = { ...(changed[i] as TraceEvent) };
    const second = new WorldIndex(scenario, changed, 20, first);
    expect(second.checkpoints).toBe(6);
    expectSameAsIndex(second, positions(changed.length, 20));
  });

  it('follows the lab, which hands worldAt a new copy of the trace after every input', () => {
    const scenario = builtin('outage');
    const session = settled(scenario);
    let trace = [...session.events];
    const checked = (seq: number) =>
      expect(worldAt(scenario, trace, seq)).toEqual(foldWorld(scenario, trace, seq));
    checked(trace.length - 1);
    checked(10);
    session.input(session.horizon + 1, { type: 'fault', fault: { type: 'host.up', host: 'hamburger.edu' } });
    session.runUntilQuiet(session.horizon + WEEK);
    trace = [...session.events];
    for (const seq of [trace.length - 1, 10, Math.floor(trace.length / 2)]) checked(seq);
    session.input(5, { type: 'fault', fault: { type: 'host.up', host: 'hamburger.edu' } });
    session.runUntilQuiet(session.horizon);
    trace = [...session.events];
    for (const seq of [trace.length - 1, 10, Math.floor(trace.length / 2)]) checked(seq);
  });

  it('keeps the place of a connection opened again under its id, as the plain fold does', () => {
    const opened = (conn: string, client: string): UnstampedEvent => ({
      kind: 'conn.opened',
      conn,
      client,
      server: 'crepes.fr',
      port: 25,
      protocol: 'smtp',
    });
    const trace = [opened('c1', 'alice-pc'), opened('c2', 'alice-pc'), opened('c1', 'bob-pc')].map(
      (e, seq) => ({ ...e, t: seq, seq }) as TraceEvent,
    );
    const index = new WorldIndex(builtin('textbook'), trace, 1);
    expect(index.at(2).connections.map((c) => [c.conn, c.client.host])).toEqual([
      ['c1', 'bob-pc'],
      ['c2', 'alice-pc'],
    ]);
    expectSameAsIndex(index, [-1, 0, 1, 2]);
  });

  it('keeps two servers’ queues apart under one queue id, and lists servers by their oldest message', () => {
    const queued = (host: string, queueId: string, recipients: string[]): UnstampedEvent => ({
      kind: 'queue.enqueued',
      host,
      queueId,
      messageId: `<${queueId}@${host}>`,
      from: 'alice@crepes.fr',
      recipients,
      size: 100,
      raw: '',
    });
    const deferred = (host: string, queueId: string, recipient: string, reason: string): UnstampedEvent => ({
      kind: 'queue.deferred',
      host,
      queueId,
      recipient,
      attempt: 1,
      reason,
      nextAttemptAt: 1_800_000,
    });
    const trace = [
      queued('crepes.fr', 'Q1', ['bob@hamburger.edu', 'carol@hamburger.edu']),
      queued('hamburger.edu', 'Q1', ['alice@crepes.fr']),
      queued('crepes.fr', 'Q2', ['dave@hamburger.edu']),
      deferred('crepes.fr', 'Q1', 'bob@hamburger.edu', 'connection timed out'),
      {
        kind: 'queue.delivered',
        host: 'crepes.fr',
        queueId: 'Q1',
        recipient: 'bob@hamburger.edu',
        remote: 'hamburger.edu',
        reply: '250 OK',
      },
      { kind: 'queue.removed', host: 'crepes.fr', queueId: 'Q1' },
    ].map((e, seq) => ({ ...e, t: seq, seq }) as TraceEvent);
    // Every event its own checkpoint: each change is made to a queue and a message the checkpoint before shares.
    const index = new WorldIndex(builtin('textbook'), trace, 1);
    const recipientsAt = (seq: number) =>
      index.at(seq).queues['crepes.fr']?.[0]?.recipients.map((r) => [r.status, r.lastReason]);
    expect(recipientsAt(3)).toEqual([
      ['deferred', 'connection timed out'],
      ['pending', null],
    ]);
    // A delivery keeps the reason of the deferral before it, and leaves the checkpoint's view as it was.
    expect(recipientsAt(4)).toEqual([
      ['delivered', 'connection timed out'],
      ['pending', null],
    ]);
    expect(recipientsAt(3)?.[0]).toEqual(['deferred', 'connection timed out']);
    expect(index.at(4).queues['hamburger.edu']?.map((e) => e.recipients[0]?.status)).toEqual(['pending']);
    // Once crepes.fr's Q1 is gone, hamburger.edu's Q1 is the oldest message queued anywhere.
    expect(Object.keys(index.at(4).queues)).toEqual(['crepes.fr', 'hamburger.edu']);
    expect(Object.keys(index.at(5).queues)).toEqual(['hamburger.edu', 'crepes.fr']);
    expect(index.at(5).queues['crepes.fr']?.map((e) => e.queueId)).toEqual(['Q2']);
    expectSameAsIndex(index, [-1, 0, 1, 2, 3, 4, 5]);
  });

  it('puts a message queued again under a removed id last, and a packet sent again under an arrived id last, as the plain fold does', () => {
    const queued = (queueId: string): UnstampedEvent => ({
      kind: 'queue.enqueued',
      host: 'crepes.fr',
      queueId,
      messageId: `<${queueId}@crepes.fr>`,
      from: 'alice@crepes.fr',
      recipients: ['bob@hamburger.edu'],
      size: 100,
      raw: '',
    });
    const datagram = (id: number): UnstampedEvent => ({
      kind: 'udp.datagram',
      datagram: id,
      from: { host: 'crepes.fr', addr: '10.0.0.1', port: 53 },
      to: { host: 'dns.example', addr: '10.0.0.53', port: 53 },
      path: ['crepes.fr', 'dns.example'],
      bytes: 40,
      payload: '',
    });
    const trace = [
      queued('Q1'),
      queued('Q2'),
      datagram(1),
      datagram(2),
      { kind: 'queue.removed', host: 'crepes.fr', queueId: 'Q1' },
      { kind: 'udp.arrived', datagram: 1, host: 'dns.example' },
      queued('Q1'),
      datagram(1),
    ].map((e, seq) => ({ ...e, t: seq, seq }) as TraceEvent);
    const last = trace.length - 1;
    for (const every of [1, 2, 3, 4, 5]) {
      // Walks from checkpoints that hold Q1 and datagram 1 (at 4: a walk over both the removal and the new Q1).
      const index = new WorldIndex(builtin('textbook'), trace, every);
      expect(index.at(last).queues['crepes.fr']?.map((e) => e.queueId)).toEqual(['Q2', 'Q1']);
      expect(index.at(last).inFlight.map((p) => [p.id, p.seq])).toEqual([
        [2, 3],
        [1, 7],
      ]);
      expectSameAsIndex(
        index,
        Array.from({ length: trace.length + 1 }, (_, i) => i - 1),
      );
    }
  });

  it('refuses a trace changed in place under its checkpoints, rather than show a world that never was', () => {
    const scenario = builtin('outage');
    const trace = [...settled(scenario).events];
    const index = new WorldIndex(scenario, trace, 20);
    index.at(trace.length - 1);
    trace[39] = { ...(trace[39] as TraceEvent) };
    expect(() => index.at(50)).toThrow(/changed under its checkpoints/);
  });
});
