// The TCP chart of tcpMachine.ts run as a table: states, events, targets, actions and the TIME-WAIT timer are read
// once from the machine's own definition, so the chart the lab draws is the one that runs, at a table's cost.
import type { AnyStateMachine, AnyTransitionDefinition } from 'xstate';
import type { Clock } from './environment.ts';
import { tcpMachine, type TcpMachineEvent, type TcpMachineInput } from './tcpMachine.ts';
import type { TcpState } from './types.ts';

/** ChartEvent is what chose a step: one of the machine's events, or a timer's own (`xstate.after…`). */
type ChartEvent = TcpMachineEvent | { readonly type: string };

/** ChartAction is one of the machine's named actions, run with its context and the event that chose it. */
type ChartAction = (args: { context: TcpMachineInput; event: ChartEvent }) => void;

/** ChartStep is one transition: where it goes and the actions it runs, in the machine's order. */
interface ChartStep {
  readonly target: TcpState;
  readonly actions: readonly ChartAction[];
}

/** ChartTimer is a state's `after` transition: its event, its delay read from the context, and its step. */
interface ChartTimer {
  readonly event: ChartEvent;
  readonly delay: (context: TcpMachineInput) => number;
  readonly step: ChartStep;
}

/** CompiledChart is a flat machine as tables: each state's steps by event type, and the states with a timer. */
export interface CompiledChart {
  readonly initial: TcpState;
  readonly steps: ReadonlyMap<string, ReadonlyMap<string, ChartStep>>;
  readonly timers: ReadonlyMap<string, ChartTimer>;
}

/**
 * compileChart reads a flat machine into tables. It takes only what a table can run exactly as XState would:
 * atomic states, one unguarded transition per event with a single target elsewhere, named actions, and `after`
 * timers as the only entry and exit work. Anything more is refused here, when the module loads, rather than
 * run differently from the chart that is drawn.
 */
export function compileChart(machine: AnyStateMachine): CompiledChart {
  const refuse = (why: string): never => {
    throw new Error(`compileChart(${machine.id}): ${why}, which a table cannot run as XState does`);
  };
  const implementations = machine.implementations as {
    actions: Record<string, unknown>;
    delays: Record<string, unknown>;
  };
  const actionOf = (name: unknown): ChartAction => {
    const action = typeof name === 'string' ? implementations.actions[name] : undefined;
    if (typeof action !== 'function')
      return refuse(`an action that is not a named implementation (${String(name)})`);
    return action as ChartAction;
  };
  const steps = new Map<string, Map<string, ChartStep>>();
  const timers = new Map<string, ChartTimer>();
  const root = machine.root;
  if (root.always !== undefined || root.transitions.size > 0 || root.entry.length > 0 || root.exit.length > 0)
    refuse('work on the root state');
  for (const node of Object.values(root.states)) {
    if (node.type !== 'atomic') refuse(`a ${node.type} state (${node.key})`);
    if (node.always !== undefined) refuse(`an eventless transition in ${node.key}`);
    const byEvent = new Map<string, ChartStep>();
    const stepOf = (candidates: readonly AnyTransitionDefinition[], event: string): ChartStep => {
      const [only, ...more] = candidates;
      if (only === undefined || more.length > 0)
        refuse(`${candidates.length} transitions on ${event} in ${node.key}`);
      const t = only as (typeof candidates)[number];
      if (t.guard !== undefined) refuse(`a guard on ${event} in ${node.key}`);
      if (t.reenter) refuse(`a re-entering transition on ${event} in ${node.key}`);
      const [target, ...others] = t.target ?? [];
      if (target === undefined || others.length > 0)
        refuse(`not exactly one target on ${event} in ${node.key}`);
      const to = target as NonNullable<typeof target>;
      if (to === node || to.parent !== root)
        refuse(`a target that is not another top state on ${event} in ${node.key}`);
      return { target: to.key as TcpState, actions: t.actions.map(actionOf) };
    };
    const after = new Set(node.after.map((a) => a.eventType));
    for (const [event, candidates] of node.transitions)
      if (!after.has(event)) byEvent.set(event, stepOf(candidates, event));
    // XState enters a state with `after` by scheduling its event and leaves it by cancelling that: one entry and
    // one exit action per timer, and no other.
    if (node.entry.length !== node.after.length || node.exit.length !== node.after.length)
      refuse(`entry or exit actions in ${node.key}`);
    if (node.after.length > 1) refuse(`more than one timer in ${node.key}`);
    const [timer] = node.after;
    if (timer !== undefined) {
      const delay = typeof timer.delay === 'string' ? implementations.delays[timer.delay] : timer.delay;
      const delayOf =
        typeof delay === 'number'
          ? () => delay
          : typeof delay === 'function'
            ? (context: TcpMachineInput) =>
                (delay as (args: { context: TcpMachineInput }) => number)({ context })
            : refuse(`a timer in ${node.key} whose delay is neither a number nor a named delay`);
      timers.set(node.key, {
        event: { type: timer.eventType },
        delay: delayOf,
        step: stepOf(node.transitions.get(timer.eventType) ?? [], timer.eventType),
      });
    }
    steps.set(node.key, byEvent);
  }
  const initial = root.config.initial;
  if (typeof initial !== 'string' || !steps.has(initial)) refuse('no initial top state');
  return { initial: initial as TcpState, steps, timers };
}

const TCP_CHART = compileChart(tcpMachine);

/**
 * TcpChart is one endpoint's state in the chart. Like an XState actor it ignores events its state has no
 * transition for, runs a transition's actions before it reports the new state, and holds an event sent from
 * inside an action until the step that sent it is reported.
 */
export class TcpChart {
  #state: TcpState;
  #timer: unknown = null;
  #stopped = false;
  #stepping = false;
  readonly #held: TcpMachineEvent[] = [];
  readonly #context: TcpMachineInput;
  readonly #clock: Clock;
  readonly #onState: (state: TcpState) => void;

  /**
   * A chart starts in the machine's initial state, or in `state` as a checkpoint restored it: then, as XState's
   * restored snapshot, it neither reports that state nor sets the state's timer (see `timeUp`).
   */
  constructor(
    context: TcpMachineInput,
    clock: Clock,
    onState: (state: TcpState) => void,
    state: TcpState = TCP_CHART.initial,
  ) {
    this.#context = context;
    this.#clock = clock;
    this.#onState = onState;
    this.#state = state;
  }

  get state(): TcpState {
    return this.#state;
  }

  send(event: TcpMachineEvent): void {
    if (this.#stopped) return;
    if (this.#stepping) {
      this.#held.push(event);
      return;
    }
    this.#stepping = true;
    try {
      this.#take(event);
      for (let next = this.#held.shift(); next !== undefined; next = this.#held.shift())
        if (!this.#stopped) this.#take(next);
    } finally {
      this.#stepping = false;
      this.#held.length = 0;
    }
  }

  /** timeUp takes the current state's timer transition, for a restored state whose timer its owner keeps. */
  timeUp(): void {
    const timer = TCP_CHART.timers.get(this.#state);
    if (timer === undefined) throw new Error(`TcpChart.timeUp: ${this.#state} has no timer`);
    this.#timer = null;
    this.#step(timer.step, timer.event);
  }

  /** stop ends the chart: its timer is cancelled and later events are ignored, as a stopped actor's. */
  stop(): void {
    this.#stopped = true;
    this.#clearTimer();
  }

  #take(event: TcpMachineEvent): void {
    const step = TCP_CHART.steps.get(this.#state)?.get(event.type);
    if (step !== undefined) this.#step(step, event);
  }

  // Exit (the timer cancelled), the transition's actions, entry (the target's timer set), then the report.
  #step(step: ChartStep, event: ChartEvent): void {
    this.#clearTimer();
    for (const action of step.actions) action({ context: this.#context, event });
    const timer = TCP_CHART.timers.get(step.target);
    if (timer !== undefined) {
      this.#timer = this.#clock.setTimeout(() => {
        this.#timer = null;
        if (!this.#stopped && this.#state === step.target) this.#step(timer.step, timer.event);
      }, timer.delay(this.#context));
    }
    this.#state = step.target;
    this.#onState(step.target);
  }

  #clearTimer(): void {
    if (this.#timer === null) return;
    this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }
}
