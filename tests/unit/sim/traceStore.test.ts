// The kernel keeps its trace as columns (issue 12's compact trace): every event a reader gets back must be the
// event that was emitted, to the byte, and no reader may change what another reads.
import { describe, expect, it, vi } from 'vitest';
import { builtinScenario, builtinScenarioNames } from '../../../src/sim/builtinScenarios.ts';
import { Kernel } from '../../../src/sim/kernel.ts';
import { Session } from '../../../src/sim/session.ts';
import type { Trace, TraceEvent } from '../../../src/sim/trace.ts';
import { TraceStore } from '../../../src/sim/traceStore.ts';

// Each world runs until quiet, as traceGolden runs it, but imap-folders, whose readers keep an IMAP IDLE open and
// never fall quiet. partial-fetch is left to traceGolden, which pins all 265,000 events of its ten minutes byte for
// byte: even its first second, before it has made all its kinds of event, costs seconds of steps.
const HORIZON: Readonly<Record<string, number>> = { 'imap-folders': 600_000 };
const WORLDS = builtinScenarioNames.filter((name) => name !== 'partial-fetch');

// Each built-in world's events as the emitters handed them over, copied at the moment of emit and stamped as the
// kernel stamps, beside the trace the kernel kept.
function emittedAndKept(name: string): { emitted: TraceEvent[]; kept: Trace } {
  const scenario = builtinScenario(name);
  if (!scenario) throw new Error(`no built-in scenario ${name}`);
  const emitted: TraceEvent[] = [];
  const emit = Kernel.prototype.emit;
  const spy = vi.spyOn(Kernel.prototype, 'emit').mockImplementation(function (this: Kernel, event) {
    emitted.push({ ...structuredClone(event), t: this.now(), seq: emitted.length } as TraceEvent);
    emit.call(this, event);
  });
  try {
    const session = new Session(scenario);
    session.runUntilQuiet(HORIZON[name] ?? 6 * 86_400_000);
    return { emitted, kept: session.trace };
  } finally {
    spy.mockRestore();
  }
}

function stored(events: readonly object[]): TraceStore {
  const store = new TraceStore();
  for (const event of events) store.append(event, (event as { t?: number }).t ?? 0);
  return store;
}

describe('the trace store', () => {
  it.each(WORLDS.map((name) => [name]))(
    'gives back every event of the %s world as it was emitted, deep-equal and with the same JSON',
    (name) => {
      const { emitted, kept } = emittedAndKept(name);
      expect(kept.length).toBe(emitted.length);
      const back = kept.slice();
      expect(back).toEqual(emitted);
      expect(back.map((e) => JSON.stringify(e)).join('\n')).toBe(
        emitted.map((e) => JSON.stringify(e)).join('\n'),
      );
      const store = kept as TraceStore;
      expect(back.map((_, i) => store.kindAt(i))).toEqual(emitted.map((e) => e.kind));
      expect(back.map((_, i) => store.timeAt(i))).toEqual(emitted.map((e) => e.t));
    },
  );

  it('leaves out only partial-fetch of the built-in worlds', () => {
    expect(builtinScenarioNames.length - WORLDS.length).toBe(1);
  });

  it('keeps every kind of number, and the constants, as they were', () => {
    const event = {
      kind: 'link.changed',
      link: 'l',
      latency: 2 ** 31 + 5,
      jitter: -7,
      loss: 0.25,
      big: 2 ** 40,
      negativeZero: -0,
      yes: true,
      no: false,
      none: null,
      gone: undefined,
      nested: { list: [1, 'two', null], deeper: { x: 1.5 } },
    };
    const back = stored([event]).at(0) as unknown as Record<string, unknown>;
    expect(back).toEqual({ ...event, t: 0, seq: 0 });
    expect(Object.keys(back)).toEqual([...Object.keys(event), 't', 'seq']);
    expect(Object.is(back.negativeZero, -0)).toBe(true);
    expect(back.latency).toBe(2 ** 31 + 5);
    expect('gone' in back).toBe(true);
  });

  it('keeps each text and each nested value once, however many events carry them', () => {
    const line = (i: number): object => ({
      kind: 'app.line',
      conn: 'c1',
      host: 'h',
      protocol: 'smtp',
      from: 'client',
      line: 'NOOP',
      args: { n: 1 },
      seqNo: i,
    });
    const store = stored([line(1), line(2)]);
    const [a, b] = store.slice() as unknown as { line: string; args: object; seqNo: number }[];
    expect(b?.args).toBe(a?.args);
    expect(a?.seqNo).toBe(1);
    expect(b?.seqNo).toBe(2);
    // A second distinct text costs its own entry; the same one does not.
    const before = store.octets.used;
    store.append(line(3), 0);
    const same = store.octets.used - before;
    store.append({ ...line(4), line: 'RSET' }, 0);
    expect(store.octets.used - before - same).toBe(same);
  });

  it('hands out events that a reader cannot use to change what another reader sees', () => {
    const flags = ['ACK'];
    const store = stored([{ kind: 'x', flags, from: { host: 'a', port: 25 } }]);
    const first = store.at(0) as unknown as { flags: string[]; from: { port: number }; kind: string };
    expect(() => first.flags.push('FIN')).toThrow(TypeError);
    expect(() => {
      first.from.port = 1;
    }).toThrow(TypeError);
    // The event itself is the reader's own copy: changing it changes no other reader's.
    first.kind = 'changed';
    expect(store.at(0)?.kind).toBe('x');
    // Nor can the emitter change the event after handing it over.
    flags.push('PSH');
    expect((store.at(0) as unknown as { flags: string[] }).flags).toEqual(['ACK']);
  });

  it('keeps events of one kind whose fields change shape from one event to the next', () => {
    const store = new TraceStore();
    const events = [
      { kind: 'x', a: 1, b: 'one' },
      { kind: 'x', a: 'text', b: 'one' },
      { kind: 'x', a: 1, b: 'one' },
      { kind: 'x', b: 'one', a: 1 },
      { kind: 'x', a: 1.5, b: null },
      { kind: 'x', a: 1, b: 'one', c: true },
      { kind: 'x', a: 1 },
    ];
    events.forEach((event, i) => store.append(event, i));
    expect(store.slice()).toEqual(events.map((event, i) => ({ ...event, t: i, seq: i })));
    expect(store.slice().map((event) => Object.keys(event).join())).toEqual(
      events.map((event) => [...Object.keys(event), 't', 'seq'].join()),
    );
  });

  it('reads nothing from an empty trace', () => {
    const store = new TraceStore();
    expect(store.length).toBe(0);
    expect(store.at(0)).toBeUndefined();
    expect(store.at(-1)).toBeUndefined();
    expect(store.slice()).toEqual([]);
    expect([...store]).toEqual([]);
    expect(new Kernel(1).since(0)).toEqual([]);
  });

  it('reads positions from the end and slices as an array does', () => {
    const store = stored([0, 1, 2, 3].map((i) => ({ kind: 'host.up', host: `h${i}`, t: i * 10 })));
    expect(store.at(-1)?.seq).toBe(3);
    expect(store.at(4)).toBeUndefined();
    expect(store.at(-5)).toBeUndefined();
    expect(store.slice(1, 3).map((e) => e.seq)).toEqual([1, 2]);
    expect(store.slice(-2).map((e) => e.t)).toEqual([20, 30]);
    expect(store.slice(3, 1)).toEqual([]);
    expect(store.slice(2, 99).map((e) => e.seq)).toEqual([2, 3]);
    expect([...store].map((e) => e.seq)).toEqual([0, 1, 2, 3]);
  });

  it('numbers the events of a store that begins later by their place in the whole run', () => {
    const store = new TraceStore(40);
    store.append({ kind: 'host.up', host: 'h' }, 5);
    expect(store.at(0)).toEqual({ kind: 'host.up', host: 'h', t: 5, seq: 40 });
  });

  it('cuts back to its first events and goes on from there as if the rest had never come', () => {
    const store = stored(
      [0, 1, 2].map((i) => ({ kind: 'link.changed', link: `l${i}`, loss: i + 0.5, t: i })),
    );
    store.truncate(1);
    expect(store.length).toBe(1);
    expect(store.at(1)).toBeUndefined();
    store.append({ kind: 'host.up', host: 'h' }, 9);
    expect(store.slice()).toEqual([
      { kind: 'link.changed', link: 'l0', loss: 0.5, t: 0, seq: 0 },
      { kind: 'host.up', host: 'h', t: 9, seq: 1 },
    ]);
    expect(() => store.truncate(3)).toThrow(RangeError);
  });

  it('refuses a field that is not data', () => {
    expect(() => stored([{ kind: 'x', run: () => 1 }])).toThrow(/run is a function/);
  });
});
