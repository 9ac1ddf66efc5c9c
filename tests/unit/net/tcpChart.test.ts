// The table the endpoints run against the machine the lab draws, run by XState itself: every state with every
// event, long random walks with the TIME-WAIT timer going off, and the machines a table must refuse to run.
import { describe, expect, it } from 'vitest';
import { createActor, setup } from 'xstate';
import type { Clock } from '../../../src/net/environment.ts';
import { TcpChart, compileChart } from '../../../src/net/tcpChart.ts';
import { tcpMachine, type TcpMachineEvent, type TcpOps } from '../../../src/net/tcpMachine.ts';
import type { TcpState } from '../../../src/net/types.ts';

const STATES = Object.keys(tcpMachine.root.states) as TcpState[];
const EVENTS: readonly TcpMachineEvent[] = [
  { type: 'app.connect' },
  { type: 'app.listen' },
  { type: 'app.close' },
  { type: 'app.abort' },
  { type: 'segment.syn' },
  { type: 'segment.synAck' },
  { type: 'segment.ackOfSyn' },
  { type: 'segment.fin' },
  { type: 'segment.finAcked' },
  { type: 'segment.rst', error: 'refused' },
  { type: 'segment.rst', error: 'reset' },
  { type: 'timer.giveUp' },
];
const TIME_WAIT_MS = 240_000;

/**
 * Side is one way of running the chart, with everything it did written to `log` in order: the operations it
 * asked of its endpoint, the timers it set and cancelled, and the states it reported.
 */
interface Side {
  readonly log: string[];
  /** state is the state it is in now. */
  state(): TcpState;
  send(event: TcpMachineEvent): void;
  /** fire runs the earliest timer still set, as the kernel would; false if none is. */
  fire(): boolean;
}

/** recorder is an endpoint's operations and a clock that write what is asked of them to `log`. */
function recorder(
  log: string[],
  onOp?: (op: string) => void,
): { ops: TcpOps; clock: Clock; fire(): boolean } {
  const op = (name: string) => () => {
    log.push(name);
    onOp?.(name);
  };
  const ops: TcpOps = {
    sendSyn: op('sendSyn'),
    sendSynAck: op('sendSynAck'),
    sendAck: op('sendAck'),
    queueFin: op('queueFin'),
    sendRst: op('sendRst'),
    connected: op('connected'),
    peerClosed: op('peerClosed'),
    failed: (error) => log.push(`failed ${error}`),
  };
  const timers = new Map<number, () => void>();
  let next = 0;
  const clock: Clock = {
    setTimeout: (fn, ms) => {
      const id = ++next;
      log.push(`set ${ms} ms`);
      timers.set(id, () => fn());
      return id;
    },
    clearTimeout: (id) => {
      if (typeof id === 'number' && timers.delete(id)) log.push('cancel');
    },
  };
  const fire = () => {
    const [first] = timers;
    if (first === undefined) return false;
    timers.delete(first[0]);
    first[1]();
    return true;
  };
  return { ops, clock, fire };
}

function xstateSide(state?: TcpState, onOp?: (op: string, side: Side) => void): Side {
  const log: string[] = [];
  // The operations run only once events are sent, after `side` is made.
  const { ops, clock, fire } = recorder(log, (op) => onOp?.(op, side));
  const input = { ops, timeWaitMs: TIME_WAIT_MS };
  const snapshot =
    state === undefined ? undefined : tcpMachine.resolveState({ value: state, context: input });
  const actor = createActor(tcpMachine, { input, clock, ...(snapshot ? { snapshot } : {}) });
  let last = state ?? 'CLOSED';
  actor.subscribe((s) => {
    if (s.value === last) return;
    last = s.value as TcpState;
    log.push(`→ ${last}`);
  });
  actor.start();
  const side: Side = {
    log,
    state: () => actor.getSnapshot().value as TcpState,
    send: (event) => actor.send(event),
    fire,
  };
  return side;
}

/** chartAt is a table chart in `state` (CLOSED when none), writing what it does to its `log`. */
function chartAt(
  state?: TcpState,
  onOp?: (op: string) => void,
): { chart: TcpChart; log: string[]; fire(): boolean } {
  const log: string[] = [];
  const { ops, clock, fire } = recorder(log, onOp);
  const chart = new TcpChart({ ops, timeWaitMs: TIME_WAIT_MS }, clock, (to) => log.push(`→ ${to}`), state);
  return { chart, log, fire };
}

function tableSide(state?: TcpState, onOp?: (op: string, side: Side) => void): Side {
  // The operations run only once events are sent, after `side` is made.
  const { chart, log, fire } = chartAt(state, (op) => onOp?.(op, side));
  const side: Side = { log, state: () => chart.state, send: (event) => chart.send(event), fire };
  return side;
}

/** random is a small seeded generator (mulberry32), so a failing walk can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('the TCP chart as a table', () => {
  it('takes, in every state and on every event, the step XState takes with the machine the lab draws', () => {
    let steps = 0;
    for (const state of STATES)
      for (const event of EVENTS) {
        const xstate = xstateSide(state);
        const table = tableSide(state);
        xstate.send(event);
        table.send(event);
        expect(table.log, `${event.type} in ${state}`).toEqual(xstate.log);
        if (xstate.log.length > 0) steps += 1;
      }
    // Every transition the chart draws was taken (the two RST errors are one transition each way).
    const drawn = Object.values(tcpMachine.root.states).reduce((n, s) => n + s.transitions.size, 0);
    const after = Object.values(tcpMachine.root.states).reduce((n, s) => n + s.after.length, 0);
    expect(steps).toBeGreaterThanOrEqual(drawn - after);
  });

  it('stays in step with XState along random walks, the TIME-WAIT timer going off among the events', () => {
    let timeWaitsEnded = 0;
    for (let walk = 0; walk < 300; walk++) {
      const next = random(walk + 1);
      const xstate = xstateSide();
      const table = tableSide();
      const taken: string[] = [];
      for (let step = 0; step < 40; step++) {
        // Mostly an event the state has a transition for (as the machine defines it), so walks get far; else
        // any event, which the state may ignore, or the timer.
        const drawn = tcpMachine.root.states[xstate.state()]?.transitions;
        const moving = EVENTS.filter((e) => drawn?.has(e.type));
        const choices = next() < 0.75 && moving.length > 0 ? moving : EVENTS;
        const event = choices[Math.floor(next() * (choices.length + (choices === EVENTS ? 1 : 0)))];
        if (event === undefined) {
          taken.push('timer');
          const fired = table.fire();
          expect(fired).toBe(xstate.fire());
          if (fired) timeWaitsEnded += 1;
        } else {
          taken.push(event.type);
          xstate.send(event);
          table.send(event);
        }
        expect(table.log, `walk ${walk}: ${taken.join(', ')}`).toEqual(xstate.log);
      }
    }
    // The walks do reach TIME-WAIT and wait it out, so the timer is compared too.
    expect(timeWaitsEnded).toBeGreaterThan(10);
  });

  it('holds an event sent from inside an action until the step that sent it is reported, as an actor does', () => {
    // The application closes the moment it hears the connection is up, from inside the chart's action.
    const closeOnConnect = (op: string, side: Side) => {
      if (op === 'connected') side.send({ type: 'app.close' });
    };
    const xstate = xstateSide('SYN-SENT', closeOnConnect);
    const table = tableSide('SYN-SENT', closeOnConnect);
    xstate.send({ type: 'segment.synAck' });
    table.send({ type: 'segment.synAck' });
    expect(table.log).toEqual(['sendAck', 'connected', '→ ESTABLISHED', 'queueFin', '→ FIN-WAIT-1']);
    expect(table.log).toEqual(xstate.log);
  });

  it('leaves a restored TIME-WAIT by its own timer transition, and refuses a timer a state does not have', () => {
    const { chart, log } = chartAt('TIME-WAIT');
    expect(chart.state).toBe('TIME-WAIT');
    chart.timeUp();
    expect(log).toEqual(['→ CLOSED']);
    expect(() => chart.timeUp()).toThrow(/CLOSED has no timer/);
  });

  it('ignores every event once stopped, and cancels the timer it had set', () => {
    const { chart, log } = chartAt('FIN-WAIT-2');
    chart.send({ type: 'segment.fin' });
    chart.stop();
    chart.send({ type: 'app.abort' });
    expect(log).toEqual(['peerClosed', `set ${TIME_WAIT_MS} ms`, '→ TIME-WAIT', 'cancel']);
  });
});

describe('compiling a chart', () => {
  const base = setup({ actions: { act: () => {} }, guards: { ok: () => true } });

  it('refuses a guarded transition, which a table would take regardless', () => {
    const guarded = base.createMachine({
      id: 'guarded',
      initial: 'A',
      states: { A: { on: { go: { target: 'B', guard: 'ok' } } }, B: {} },
    });
    expect(() => compileChart(guarded)).toThrow(/a guard on go in A/);
  });

  it('refuses nested states and entry actions, which a flat table has no place for', () => {
    const nested = base.createMachine({
      id: 'nested',
      initial: 'A',
      states: { A: { initial: 'inner', states: { inner: {} } } },
    });
    expect(() => compileChart(nested)).toThrow(/a compound state \(A\)/);
    const entering = base.createMachine({
      id: 'entering',
      initial: 'A',
      states: { A: { entry: 'act' } },
    });
    expect(() => compileChart(entering)).toThrow(/entry or exit actions in A/);
  });

  it('compiles the TCP machine into a step for every transition it draws', () => {
    const chart = compileChart(tcpMachine);
    expect(chart.initial).toBe('CLOSED');
    expect([...chart.steps.keys()].sort()).toEqual([...STATES].sort());
    expect(chart.steps.get('ESTABLISHED')?.get('segment.fin')?.target).toBe('CLOSE-WAIT');
    expect([...chart.timers.keys()]).toEqual(['TIME-WAIT']);
  });
});
