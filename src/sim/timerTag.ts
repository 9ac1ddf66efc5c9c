// What a waiting callback will do, said as data: closures cannot be kept in a checkpoint, so each owner of a timer
// that may be pending at a checkpoint tags it, and a restored world arms it again from the tag.
import type { NetTimerTag } from '../net/environment.ts';
import type { HostId } from '../net/types.ts';
import type { Fault, TimedInput } from './input.ts';

/**
 * TimerTag names a pending callback by its owner: a TCP endpoint's TIME-WAIT, a person's input or a scenario's
 * fault (re-derived from the input log, so never armed from the tag), the end of a lasting fault (`entry` is the
 * input that began it, null for the scenario's own; `generation` is the world's count when it began, see
 * World.inject), or a queued message's next delivery attempt.
 */
export type TimerTag =
  | NetTimerTag
  | { readonly kind: 'input' }
  | {
      readonly kind: 'fault.end';
      readonly fault: Fault;
      readonly entry: TimedInput | null;
      readonly generation: number;
    }
  | { readonly kind: 'queue.attempt'; readonly host: HostId; readonly queueId: string };
