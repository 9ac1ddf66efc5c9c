// A simulated XState clock that also counts the timers set on it, for tests that a machine keeps one moving
// deadline rather than a timer cancelled and set again on every line.
import { SimulatedClock } from 'xstate';

/** CountingSimulatedClock runs timers as SimulatedClock does; `timersSet` is how many were set so far. */
export class CountingSimulatedClock extends SimulatedClock {
  timersSet = 0;

  override setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    this.timersSet += 1;
    return super.setTimeout(fn, timeout);
  }
}
