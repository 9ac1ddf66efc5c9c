// A long, crowded world from the textbook scenario: Alice's short notes to Bob, one every `every` ms, for the
// timeline's tests of many connections (shape counts, crowds, a presenter's crowd counts).
import type { TimedInput } from '../../src/sim/input.ts';

/** notesToBob is `count` mail.send inputs from alice-pc to Bob, the first at `every` ms and one each `every` after. */
export function notesToBob(count: number, every: number): TimedInput[] {
  return Array.from({ length: count }, (_, i) => ({
    at: every * (i + 1),
    input: {
      type: 'mail.send',
      host: 'alice-pc',
      to: ['bob@hamburger.edu'],
      subject: `Note ${i}`,
      body: 'Hi',
    },
  }));
}
