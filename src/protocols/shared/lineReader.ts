// How the lines that arrived together become a session machine's events: one event a line by default, or what the
// machine's own reader makes of them (a command as the command it is, a run of lines its chart takes at once), as
// a real server reads its socket a buffer at a time.
import type { SplitFramedLine } from './lineFramer.ts';

/** LineEvent is the event for one framed item, as every line machine takes it. */
export type LineEvent =
  | { readonly type: 'line.received'; readonly line: string }
  | { readonly type: 'line.bareLf'; readonly line: string }
  | { readonly type: 'line.overlong' };

/** LinesReceived is a run of whole lines, each without its CRLF, that arrived together and go in as one event. */
export interface LinesReceived {
  readonly type: 'lines.received';
  readonly lines: readonly string[];
}

/** Tagged is what a reader reads of the machine's snapshot by default: its state's tags. */
export interface Tagged {
  hasTag(tag: string): boolean;
}

/** Read is what a reader made of the items: the event for the machine, and how many items (at least one) it took. */
export interface Read<TEvent> {
  readonly event: TEvent;
  readonly count: number;
}

/**
 * LineReader makes the next event for a machine in the state `snapshot` shows out of the items framed from one
 * arrival, from `from` on. It is called again, with the state the machine is then in, for the items left.
 */
export type LineReader<TEvent = LineEvent | LinesReceived, TSnapshot = Tagged> = (
  snapshot: TSnapshot,
  items: readonly SplitFramedLine[],
  from: number,
) => Read<TEvent>;

/** oneItem reads the item at `from` alone, as the event of its kind: the reader of a machine without one of its own. */
export function oneItem(items: readonly SplitFramedLine[], from: number): Read<LineEvent> {
  const item = items[from];
  if (item === undefined) throw new RangeError(`oneItem: no item at ${from} of ${items.length}`);
  if (item.kind === 'overlong') return { event: { type: 'line.overlong' }, count: 1 };
  return {
    event: { type: item.kind === 'line' ? 'line.received' : 'line.bareLf', line: item.line },
    count: 1,
  };
}

/** linesWhile counts the whole lines from `from` on, up to the first item that is not one or that `take` refuses. */
export function linesWhile(
  items: readonly SplitFramedLine[],
  from: number,
  take: (line: string) => boolean,
): number {
  let count = 0;
  for (let item = items[from]; item?.kind === 'line' && take(item.line); item = items[from + count])
    count += 1;
  return count;
}

/** runOf reads `count` whole lines from `from` on as one event; anything but whole lines in a run is a reader's bug. */
export function runOf(items: readonly SplitFramedLine[], from: number, count: number): Read<LinesReceived> {
  const lines: string[] = [];
  for (let i = from; i < from + count; i++) {
    const item = items[i];
    if (item?.kind !== 'line')
      throw new RangeError(`runOf: item ${i} is ${item?.kind ?? 'missing'}, not a line`);
    lines.push(item.line);
  }
  return { event: { type: 'lines.received', lines }, count };
}

/** receivedLines is the lines of a `line.received` or a `lines.received`, in order. */
export function receivedLines(
  event: { type: 'line.received'; line: string } | LinesReceived,
): readonly string[] {
  return event.type === 'line.received' ? [event.line] : event.lines;
}
