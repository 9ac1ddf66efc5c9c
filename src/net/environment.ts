// What the network needs from the kernel: time, timers, randomness and a place to report events.
// The network never reads the wall clock; everything arrives through this interface.
import type { Emitted, NetEvent } from './netEvents.ts';
import type { ConnId, HostId } from './types.ts';

/**
 * Clock is the shape XState's `clock` actor option expects, so machines' delays run on virtual time; `now` lets a
 * machine's timer move to a new deadline (see clockTime) instead of being set again.
 */
export interface Clock {
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
  now?(): number;
}

/**
 * NetTimerTag says, as data, what a network timer does, so that a checkpoint can keep it: the only one kept is
 * the end of a connection's TIME-WAIT (RFC 793 §3.5), the one timer of a connection that has otherwise ended.
 */
export interface NetTimerTag {
  readonly kind: 'tcp.timeWait';
  readonly host: HostId;
  readonly conn: ConnId;
}

/** NetEnvironment is the kernel as the network sees it. */
export interface NetEnvironment {
  now(): number;
  /** schedule runs `run` at `at`; a `tag` says what it does, as data (in the world's lane, as all network timers). */
  schedule(at: number, run: () => void, lane?: 'world', tag?: NetTimerTag | null): number;
  cancel(timer: number): void;
  /** random returns a number in [0, 1) from the kernel's seeded generator. */
  random(): number;
  /** randomUint32 returns a 32-bit integer, for initial sequence numbers. */
  randomUint32(): number;
  emit(event: Emitted<NetEvent>): void;
  readonly clock: Clock;
}
