// Hearing every line a session machine sends, whether it emits them one at a time (`line.send`) or as a run
// (`lines.send`); the I/O glue and the test harnesses listen through this one function.
import type { AnyActorRef } from 'xstate';
import type { LineFacts, SentLine, SentLines } from './shared/lineFacts.ts';

/** SentLineItem is one line a machine sent, with its facts. */
export type SentLineItem<F extends LineFacts = LineFacts> = Omit<SentLine<F>, 'type'>;

/** onSentLine calls `handler` for every line an actor sends, alone or in a run, in the order they are sent. */
export function onSentLine<F extends LineFacts = LineFacts>(
  actor: Pick<AnyActorRef, 'on'>,
  handler: (line: SentLineItem<F>) => void,
): void {
  actor.on('line.send', (event: SentLine<F>) => handler(event));
  actor.on('lines.send', (event: SentLines<F>) => {
    for (const line of event.lines) handler(line);
  });
}
