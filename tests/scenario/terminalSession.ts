// Plays a person at a terminal: `telnet target port` from a host of the textbook world, then one typed line a
// second, long after the server's reply to the line before (every link of that world answers within 100 ms).
import { builtinScenario } from '../../src/sim/builtinScenarios.ts';
import type { TimedInput } from '../../src/sim/input.ts';
import type { Scenario } from '../../src/sim/scenario.ts';
import { Session } from '../../src/sim/session.ts';

/** TYPING_GAP_MS is the time between two typed lines. */
export const TYPING_GAP_MS = 1000;

/** textbookWorld is the textbook scenario without Alice's scripted message, so only what is typed happens. */
export function textbookWorld(): Scenario {
  const world = builtinScenario('textbook');
  if (world === undefined) throw new Error('no built-in textbook scenario');
  return { ...world, inputs: [] };
}

/** typedInputs opens a terminal on `host` to `target`:`port` at 0 and types `lines` a second apart. */
export function typedInputs(
  host: string,
  target: string,
  port: number,
  lines: readonly string[],
): TimedInput[] {
  return [
    { at: 0, input: { type: 'terminal.open', host, target, port } },
    ...lines.map((text, i) => ({
      at: TYPING_GAP_MS * (i + 1),
      input: { type: 'terminal.type' as const, host, text },
    })),
  ];
}

/** typeAt plays the typed session in the textbook world until the world is quiet, and returns it. */
export function typeAt(host: string, target: string, port: number, lines: readonly string[]): Session {
  const session = new Session(textbookWorld(), typedInputs(host, target, port, lines));
  session.runUntilQuiet(TYPING_GAP_MS * (lines.length + 1) + 600_000);
  return session;
}
