// The rules of the playback cursor: where "step" lands for each unit a student can step by, which events are
// worth jumping to, and how playing moves virtual time along the timeline's compressed axis. Pure functions.
import { countUntil, type TraceEvent } from '../sim/trace.ts';
import { traceDomain, traceScale } from './timelineModel.ts';

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

/**
 * isNotable marks the events a teacher jumps between: faults and their end, each delivery attempt (so every
 * retry), deferrals, deliveries, warnings, bounces.
 */
export function isNotable(event: TraceEvent): boolean {
  switch (event.kind) {
    case 'host.down':
    case 'host.up':
    case 'link.down':
    case 'link.up':
    case 'link.changed':
    case 'fault.ended':
    case 'queue.enqueued':
    case 'queue.attempt':
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

/** SPEEDS are the playback speeds offered, as multiples of the pace at 1×. */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8, 32];

/**
 * LONGEST_PLAY_S is how long a whole story takes at 1× at most, in real seconds: playing moves along the
 * compressed axis the timeline draws, so five days of retries pass in well under a minute.
 */
export const LONGEST_PLAY_S = 40;

/**
 * SLOWEST_UNITS_PER_S is the least pace at 1×, in scale units a second (a 5 ms hop is about 3 units): a short
 * story is not stretched over LONGEST_PLAY_S, so a handshake plays at the pace of one lasting a few seconds.
 */
export const SLOWEST_UNITS_PER_S = 10;

/** playPace is the pace of playing at 1×, in scale units per real second, for an axis `units` long. */
export function playPace(units: number): number {
  return Math.max(SLOWEST_UNITS_PER_S, units / LONGEST_PLAY_S);
}

/**
 * playSeconds is how long moving along the compressed axis from virtual time `from` to `to` takes at `speed`, in
 * real seconds: the most playing takes, since it is faster wherever virtual time is (advanceTime).
 */
export function playSeconds(trace: readonly TraceEvent[], from: number, to: number, speed: number): number {
  const scale = traceScale(trace);
  const domain = traceDomain(trace);
  const pace = playPace(scale.y(domain.to) - scale.y(domain.from)) * speed;
  return (scale.y(to) - scale.y(from)) / pace;
}

/**
 * BASE_RATE_MS is how much virtual time one real second plays at 1× between events that are close together: slow
 * enough to see a handshake; a gap longer than a second of that is jumped to just before its next event.
 */
export const BASE_RATE_MS = 25;

/**
 * advanceByVirtualTime is playing by virtual time alone: BASE_RATE_MS a second at 1×, a gap of more than a second
 * of that jumped to just before its next event. It is the pace a typed line and its reply have always played at,
 * which advanceTime never falls below.
 */
export function advanceByVirtualTime(
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

/**
 * advanceTime moves the playing clock by `realMs` of wall time at `speed`, along the timeline's compressed
 * axis (traceScale): a 30-minute wait for a retry takes as long to play as it takes room on the timeline, so
 * five days of retries play in under a minute. It never plays slower than by virtual time at BASE_RATE_MS: in
 * a short story the axis is short and its pace slow (SLOWEST_UNITS_PER_S), and a line typed in the console
 * must still show its reply at once. It never runs past the last event.
 */
export function advanceTime(
  trace: readonly TraceEvent[],
  from: number,
  realMs: number,
  speed: number,
): number {
  const scale = traceScale(trace);
  const domain = traceDomain(trace);
  const u0 = scale.y(domain.from);
  const u1 = scale.y(domain.to);
  const u = Math.min(u1, Math.max(u0, scale.y(from)) + (realMs / 1000) * playPace(u1 - u0) * speed);
  const along = Math.max(from, scale.time(u));
  const last = trace[trace.length - 1]?.t ?? from;
  return Math.max(along, Math.min(last, advanceByVirtualTime(trace, from, realMs, speed)));
}
