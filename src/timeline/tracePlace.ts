// Where the cursor is, said so that it survives a trip through a link: the virtual time of the event at the cursor
// and which of that instant's events it is. Many events share one millisecond, so a time alone cannot name a line.
import { countUntil, type TraceEvent } from '../sim/trace.ts';

/**
 * TracePlace names one cursor position: `at` is the event's virtual time (ms, to the microsecond), `nth` counts
 * the events before it at that same time (0 for the first). `nth` null is a place from an older link that kept
 * only the time: it means the last event at or before `at`.
 */
export interface TracePlace {
  readonly at: number;
  readonly nth: number | null;
}

// Times travel rounded to the microsecond (inputs are stamped a microsecond apart, see LabState), so two times
// name the same instant when they round alike.
const roundTime = (t: number): number => Math.round(t * 1000) / 1000;

/** placeOf says where `cursor` is in `trace`; null before the first event (−1), which a link leaves unsaid. */
export function placeOf(trace: readonly TraceEvent[], cursor: number): TracePlace | null {
  const event = trace[cursor];
  if (cursor < 0 || !event) return null;
  const at = roundTime(event.t);
  return { at, nth: cursor - firstAt(trace, at) };
}

/**
 * cursorAt finds a place in `trace`: the `nth` event at time `at`. When the trace has fewer events at that time
 * than the place counts (it was made from another trace), or the place has no `nth`, it is the last event at or
 * before `at`, as older links were read.
 */
export function cursorAt(trace: readonly TraceEvent[], place: TracePlace): number {
  const latest = countUntil(trace, place.at + 0.0005) - 1;
  if (place.nth === null) return latest;
  const wanted = firstAt(trace, place.at) + place.nth;
  return wanted <= latest ? wanted : latest;
}

// The index of the first event whose time rounds to `at` or later.
function firstAt(trace: readonly TraceEvent[], at: number): number {
  return countUntil(trace, at - 0.0005);
}
