// Runs of received lines: where its chart allows, a session machine takes several lines that arrived together as
// one `lines.received` event instead of one event a line, as a real server reads its socket a buffer at a time.
import type { SplitFramedLine } from './lineFramer.ts';

/** LinesReceived is a run of whole lines, each without its CRLF, that arrived together and go in as one event. */
export interface LinesReceived {
  readonly type: 'lines.received';
  readonly lines: readonly string[];
}

/** Tagged is what a run's rule may read of the machine's snapshot: its state's tags. */
export interface Tagged {
  hasTag(tag: string): boolean;
}

/**
 * RunLength says how many of `lines`, from `from` on, a machine in the state `snapshot` shows takes as one
 * `lines.received`. 1 sends the item at `from` alone, as the event of its kind; a run of more holds `line`
 * items only.
 */
export type RunLength = (snapshot: Tagged, lines: readonly SplitFramedLine[], from: number) => number;

/** linesWhile counts the whole lines from `from` on, up to the first item that is not one or that `take` refuses. */
export function linesWhile(
  lines: readonly SplitFramedLine[],
  from: number,
  take: (line: string) => boolean,
): number {
  let count = 0;
  for (let item = lines[from]; item?.kind === 'line' && take(item.line); item = lines[from + count])
    count += 1;
  return count;
}

/** receivedLines is the lines of a `line.received` or a `lines.received`, in order. */
export function receivedLines(
  event: { type: 'line.received'; line: string } | LinesReceived,
): readonly string[] {
  return event.type === 'line.received' ? [event.line] : event.lines;
}

/** runOf is the event for the run a RunLength gave: a rule that puts anything but whole lines in one is wrong. */
export function runOf(items: readonly SplitFramedLine[], from: number, count: number): LinesReceived {
  const lines: string[] = [];
  for (let i = from; i < from + count; i++) {
    const item = items[i];
    if (item?.kind !== 'line')
      throw new RangeError(`runOf: item ${i} is ${item?.kind ?? 'missing'}, not a line`);
    lines.push(item.line);
  }
  return { type: 'lines.received', lines };
}
