// The time on the clock a session machine's actor runs on, for a timer that moves (an idle deadline) instead of
// being cancelled and set again on every line. Only the clock knows the time: the kernel's virtual clock and
// XState's SimulatedClock say it.

interface TellingClock {
  now(): number;
}

function tellsTime(clock: unknown): clock is TellingClock {
  return typeof clock === 'object' && clock !== null && 'now' in clock && typeof clock.now === 'function';
}

/** ClockedSystem is what clockTime reads of the `system` an action or delay is given. */
export interface ClockedSystem {
  readonly _clock: unknown;
}

/**
 * clockTime is the current time in ms on the clock of the actor system `system`. A clock that cannot tell the time
 * (XState's default, which xstate/graph's traversal uses) stands still at 0, so a moving deadline there is never
 * reached: the lab always gives its actors the kernel's clock.
 */
export function clockTime(system: ClockedSystem): number {
  // `_clock` is the clock given to createActor (XState 5's ActorSystem declares it); its delays run on it too.
  const clock: unknown = system._clock;
  return tellsTime(clock) ? clock.now() : 0;
}

/**
 * IdleClock is what a server session's context keeps for its idle timer, one moving deadline after the client was
 * last heard from: every line notes its time (heardNow) in an assignment the line makes anyway, and the one XState
 * delay, when it fires before the deadline (idleLeft above zero), waits out what is left instead of being set
 * again on each line.
 */
export interface IdleClock {
  /** When the client was last heard from: its last line, or the connection opening. */
  readonly lastHeardAt: number;
}

/** heardNow is the assignment that notes the client was heard from now. */
export function heardNow(system: ClockedSystem): IdleClock {
  return { lastHeardAt: clockTime(system) };
}

/** idleLeft is how long until `limit` ms have passed since the client was last heard from; at or below zero, they have. */
export function idleLeft(context: IdleClock, system: ClockedSystem, limit: number): number {
  return context.lastHeardAt + limit - clockTime(system);
}
