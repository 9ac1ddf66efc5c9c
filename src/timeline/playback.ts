// The rules of the playback cursor: where "step" lands for each unit a student can step by, which events are
// worth jumping to, and how playing moves virtual time, skipping long idle stretches. Pure functions of the trace.
import { countUntil, type TraceEvent } from '../sim/trace.ts';

/** StepUnit is what one step moves by: a protocol line, a TCP segment (or datagram), or a queue event. */
export type StepUnit = 'line' | 'segment' | 'queue';

/** STEP_UNITS lists the units in the order the controls offer them. */
export const STEP_UNITS: readonly StepUnit[] = ['line', 'segment', 'queue'];

/** isStop tells whether stepping by `unit` stops at an event. */
export function isStop(event: TraceEvent, unit: StepUnit): boolean {
  switch (unit) {
    case 'line':
      return event.kind === 'app.line' || event.kind === 'input';
    case 'segment':
      return (
        event.kind === 'tcp.segment' ||
        event.kind === 'tcp.arrived' ||
        event.kind === 'tcp.dropped' ||
        event.kind === 'udp.datagram' ||
        event.kind === 'udp.arrived' ||
        event.kind === 'udp.dropped' ||
        event.kind === 'input'
      );
    case 'queue':
      return isQueueStop(event);
  }
}

function isQueueStop(event: TraceEvent): boolean {
  return (
    event.kind.startsWith('queue.') ||
    event.kind === 'mailbox.stored' ||
    event.kind === 'ua.submitted' ||
    event.kind === 'ua.result' ||
    event.kind === 'input'
  );
}

/** isNotable marks the events a teacher jumps between: faults, deferrals, deliveries, warnings, bounces. */
export function isNotable(event: TraceEvent): boolean {
  switch (event.kind) {
    case 'host.down':
    case 'host.up':
    case 'link.down':
    case 'link.up':
    case 'link.changed':
    case 'queue.enqueued':
    case 'queue.deferred':
    case 'queue.delivered':
    case 'queue.warned':
    case 'queue.bounced':
    case 'mailbox.stored':
    case 'ua.result':
    case 'tcp.error':
    case 'input':
      return true;
    default:
      return false;
  }
}

// A stop shows its consequences: the events right after it, at the same instant, that are not stops themselves
// (the state change a reply causes, say) are revealed with it.
function settle(trace: readonly TraceEvent[], seq: number, stop: (e: TraceEvent) => boolean): number {
  const at = trace[seq];
  if (!at) return seq;
  let end = seq;
  for (let i = seq + 1; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    if (e.t !== at.t || stop(e)) break;
    end = i;
  }
  return end;
}

function forward(trace: readonly TraceEvent[], cursor: number, stop: (e: TraceEvent) => boolean): number {
  for (let i = cursor + 1; i < trace.length; i++)
    if (stop(trace[i] as TraceEvent)) return settle(trace, i, stop);
  return trace.length - 1;
}

function backward(trace: readonly TraceEvent[], cursor: number, stop: (e: TraceEvent) => boolean): number {
  // Find the stop that the cursor is at (or after), then the one before it.
  let current = -1;
  for (let i = Math.min(cursor, trace.length - 1); i >= 0; i--) {
    if (stop(trace[i] as TraceEvent)) {
      current = i;
      break;
    }
  }
  for (let i = current - 1; i >= 0; i--) if (stop(trace[i] as TraceEvent)) return settle(trace, i, stop);
  return -1;
}

/** nextStop is where stepping forward by `unit` from `cursor` lands (the last event when none is left). */
export function nextStop(trace: readonly TraceEvent[], cursor: number, unit: StepUnit): number {
  return forward(trace, cursor, (e) => isStop(e, unit));
}

/** prevStop is where stepping back by `unit` lands (−1, before everything, when none is left). */
export function prevStop(trace: readonly TraceEvent[], cursor: number, unit: StepUnit): number {
  return backward(trace, cursor, (e) => isStop(e, unit));
}

/** nextNotable and prevNotable jump between notable events. */
export function nextNotable(trace: readonly TraceEvent[], cursor: number): number {
  return forward(trace, cursor, isNotable);
}

export function prevNotable(trace: readonly TraceEvent[], cursor: number): number {
  return backward(trace, cursor, isNotable);
}

/** seqAtTime is the cursor for virtual time `t`: the last event at or before it (−1 before the first). */
export function seqAtTime(trace: readonly TraceEvent[], t: number): number {
  return countUntil(trace, t) - 1;
}

/** BASE_RATE is how much virtual time one real second plays at speed 1: slow enough to see a handshake. */
export const BASE_RATE_MS = 25;

/** SPEEDS are the playback speeds offered, as multiples of the base rate. */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8, 32];

/**
 * advanceTime moves the playing clock by `realMs` of wall time at `speed`. When the next event is more than a
 * second of playing away — a 30-minute wait for a retry, say — it jumps to just before it, so idle stretches
 * take no time to watch.
 */
export function advanceTime(
  trace: readonly TraceEvent[],
  from: number,
  realMs: number,
  speed: number,
): number {
  const rate = BASE_RATE_MS * speed;
  const proposed = from + (realMs / 1000) * rate;
  const next = trace[seqAtTime(trace, from) + 1];
  if (next && next.t - from > rate) return Math.max(proposed, next.t - rate * 0.25);
  return proposed;
}
