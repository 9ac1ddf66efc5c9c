// Helpers for model-based tests with xstate/graph: every state node of a machine, the events its delayed
// transitions fire, and a replay of a path through a real actor whose clock stands in for the delays.
import { SimulatedClock, createActor, getStateNodes } from 'xstate';
import type {
  AnyStateMachine,
  AnyStateNode,
  EventFromLogic,
  InputFrom,
  SnapshotFrom,
  StateValue,
} from 'xstate';

/**
 * DelayedEvent is the event of an `after` transition with the number of milliseconds it waits, or null for a
 * moving deadline (a delay computed from the context, such as an idle timer's time left since the last line).
 */
export type DelayedEvent = { type: string; delay: number | null };

function descendants(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap(descendants)];
}

/** allStateIds lists the id of every state node below the root. */
export function allStateIds(machine: AnyStateMachine): string[] {
  return descendants(machine.root)
    .filter((node) => node !== machine.root)
    .map((node) => node.id)
    .sort();
}

/** stateIdsOf lists the ids of the state nodes a state value is in (ancestors included), without the root. */
export function stateIdsOf(machine: AnyStateMachine, value: StateValue): string[] {
  return getStateNodes(machine.root, value)
    .filter((node) => node !== machine.root)
    .map((node) => node.id);
}

/**
 * delayedEvents lists the event of every `after` transition, with its delay resolved from setup's delays; a delay
 * that setup computes from the context (an idle time given as input) is taken from `computed` by its name, and
 * one not named there is a moving deadline (null).
 */
export function delayedEvents(
  machine: AnyStateMachine,
  computed: Readonly<Record<string, number>> = {},
): DelayedEvent[] {
  const delays: Record<string, unknown> = machine.implementations.delays;
  return descendants(machine.root).flatMap((node) =>
    node.after.map((transition) => {
      const name = String(transition.delay);
      const delay =
        typeof transition.delay === 'number'
          ? transition.delay
          : typeof delays[name] === 'function'
            ? (computed[name] ?? null)
            : delays[name];
      if (delay === null) return { type: transition.eventType, delay: null };
      if (typeof delay !== 'number') throw new Error(`delay ${name} is neither a number nor computed`);
      return { type: transition.eventType, delay };
    }),
  );
}

/**
 * replay sends a path's events to a real actor, turning each delayed-transition event into the passing of its
 * delay on a SimulatedClock, and returns the actor's final snapshot. A moving deadline's event is sent as it is,
 * as the traversal took it: the model keeps no time, so there the timer fires with no time gone by and the
 * machine must wait again; the timeout tests run it on the clock.
 */
export function replay<TMachine extends AnyStateMachine>(
  machine: TMachine,
  input: InputFrom<TMachine>,
  events: ReadonlyArray<EventFromLogic<TMachine>>,
  delayed: readonly DelayedEvent[],
): SnapshotFrom<TMachine> {
  const clock = new SimulatedClock();
  const actor = createActor(machine, { input, clock });
  actor.start();
  for (const event of events) {
    const timer = delayed.find((candidate) => candidate.type === event.type);
    if (timer === undefined || timer.delay === null) actor.send(event);
    else clock.increment(timer.delay);
  }
  return actor.getSnapshot();
}
