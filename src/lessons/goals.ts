// A lesson step's goal: a declarative predicate over the trace, so it is met however the student got there
// (typed in the console, clicked in the compose form, or replayed by "show me"). Pure functions only.
import type { TraceEvent, TraceEventKind } from '../sim/trace.ts';
import { fieldValue } from './traceFields.ts';

/**
 * FieldMatch is what one field must be: equal to a value, start with a `prefix`, match a `regex` (with
 * optional `flags`), or lie in a numeric range (`min`, `max`, both inclusive). A list field (`recipients`,
 * `flags`) matches when any of its items does.
 */
export type FieldMatch =
  | string
  | number
  | boolean
  | { readonly prefix: string }
  | { readonly regex: string; readonly flags?: string }
  | { readonly min?: number; readonly max?: number };

/**
 * EventGoal is met by events of one `kind` whose `fields` all match; `atLeast` of them (default 1) must
 * have happened. In a lesson file the fields sit beside `kind`: `{ "kind": "app.line", "verb": "HELO" }`.
 */
export interface EventGoal {
  readonly kind: TraceEventKind;
  readonly fields: Readonly<Record<string, FieldMatch>>;
  readonly atLeast?: number;
}

/**
 * Goal is an event goal or a combination: `all` (every part, in any order), `any` (one part is enough), or
 * `sequence` (each part after the one before). A sequence with `sameConnection` needs every event it uses to
 * belong to one TCP connection, so "HELO, then 250" cannot take its 250 from another conversation.
 */
export type Goal =
  | EventGoal
  | { readonly all: readonly Goal[] }
  | { readonly any: readonly Goal[] }
  | { readonly sequence: readonly Goal[]; readonly sameConnection?: boolean };

/** GoalResult says whether a goal is met and, if so, the `seq` of the event that completed it. */
export type GoalResult = { readonly met: true; readonly atSeq: number } | { readonly met: false };

/** GoalProgress counts the parts of a goal already done, for "2 of 3 parts done". */
export interface GoalProgress {
  readonly done: number;
  readonly total: number;
}

const NOT_MET: GoalResult = { met: false };

/**
 * checkGoal tells whether `goal` is met by the events of `trace` whose `seq` is at least `fromSeq` (the
 * step's start), and at which event. Only events in the trace count, so pass the trace up to the cursor
 * for "has the student seen it yet".
 */
export function checkGoal(goal: Goal, trace: readonly TraceEvent[], fromSeq = 0): GoalResult {
  return check(goal, trace, firstIndex(trace, fromSeq), undefined);
}

/**
 * goalProgress counts how much of a goal is done from `fromSeq`: matching events towards `atLeast`, parts
 * of an `all`, or parts of a `sequence` done in order. An `any` is one part.
 */
export function goalProgress(goal: Goal, trace: readonly TraceEvent[], fromSeq = 0): GoalProgress {
  return progress(goal, trace, firstIndex(trace, fromSeq), undefined);
}

/** isEventGoal tells an event goal from a combination. */
export function isEventGoal(goal: Goal): goal is EventGoal {
  return 'kind' in goal;
}

/**
 * matchingEvents lists the events from `fromSeq` that match an event goal's kind and fields (whatever
 * `atLeast` says), for questions answered from the student's own run.
 */
export function matchingEvents(goal: EventGoal, trace: readonly TraceEvent[], fromSeq = 0): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (let i = firstIndex(trace, fromSeq); i < trace.length; i++) {
    const event = trace[i] as TraceEvent;
    if (matches(goal, event, undefined)) out.push(event);
  }
  return out;
}

/** matchesField tells whether a field's value satisfies a `FieldMatch`. */
export function matchesField(value: unknown, match: FieldMatch): boolean {
  if (Array.isArray(value)) return value.some((item) => matchesField(item, match));
  if (typeof match !== 'object') return value === match;
  if ('prefix' in match) return typeof value === 'string' && value.startsWith(match.prefix);
  if ('regex' in match)
    return (typeof value === 'string' || typeof value === 'number') && compiled(match).test(String(value));
  if (typeof value !== 'number') return false;
  return (match.min === undefined || value >= match.min) && (match.max === undefined || value <= match.max);
}

const regexCache = new Map<string, RegExp>();

function compiled(match: { regex: string; flags?: string }): RegExp {
  const key = `${match.flags ?? ''}/${match.regex}`;
  let regex = regexCache.get(key);
  if (regex === undefined) {
    regex = new RegExp(match.regex, match.flags ?? '');
    regexCache.set(key, regex);
  }
  return regex;
}

// The trace's seq equals its index, but a slice or a filtered trace need not start at 0, so search.
function firstIndex(trace: readonly TraceEvent[], fromSeq: number): number {
  let lo = 0;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((trace[mid] as TraceEvent).seq < fromSeq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function matches(goal: EventGoal, event: TraceEvent, conn: string | undefined): boolean {
  if (event.kind !== goal.kind) return false;
  if (conn !== undefined && 'conn' in event && event.conn !== conn) return false;
  for (const [name, match] of Object.entries(goal.fields))
    if (!matchesField(fieldValue(event, name), match)) return false;
  return true;
}

function check(goal: Goal, trace: readonly TraceEvent[], from: number, conn: string | undefined): GoalResult {
  if (isEventGoal(goal)) {
    const needed = goal.atLeast ?? 1;
    let count = 0;
    for (let i = from; i < trace.length; i++) {
      const event = trace[i] as TraceEvent;
      if (matches(goal, event, conn) && ++count >= needed) return { met: true, atSeq: event.seq };
    }
    return NOT_MET;
  }
  if ('all' in goal) {
    let atSeq = -1;
    for (const part of goal.all) {
      const result = check(part, trace, from, conn);
      if (!result.met) return NOT_MET;
      atSeq = Math.max(atSeq, result.atSeq);
    }
    return { met: true, atSeq };
  }
  if ('any' in goal) {
    let best: GoalResult = NOT_MET;
    for (const part of goal.any) {
      const result = check(part, trace, from, conn);
      if (result.met && (!best.met || result.atSeq < best.atSeq)) best = result;
    }
    return best;
  }
  if (goal.sameConnection && conn === undefined) {
    let best: GoalResult = NOT_MET;
    for (const candidate of connections(goal.sequence[0], trace, from)) {
      const result = sequence(goal.sequence, trace, from, candidate);
      if (result.met && (!best.met || result.atSeq < best.atSeq)) best = result;
    }
    return best;
  }
  return sequence(goal.sequence, trace, from, conn);
}

function sequence(
  parts: readonly Goal[],
  trace: readonly TraceEvent[],
  from: number,
  conn: string | undefined,
): GoalResult {
  let next = from;
  let atSeq = -1;
  for (const part of parts) {
    const result = check(part, trace, next, conn);
    if (!result.met) return NOT_MET;
    atSeq = result.atSeq;
    next = firstIndex(trace, atSeq + 1);
  }
  return atSeq < 0 ? NOT_MET : { met: true, atSeq };
}

// The connections a same-connection sequence could run on: those of the events its first part matches.
function connections(first: Goal | undefined, trace: readonly TraceEvent[], from: number): string[] {
  if (first === undefined || !isEventGoal(first)) return [];
  const seen = new Set<string>();
  for (let i = from; i < trace.length; i++) {
    const event = trace[i] as TraceEvent;
    if ('conn' in event && typeof event.conn === 'string' && matches(first, event, undefined))
      seen.add(event.conn);
  }
  return [...seen];
}

function progress(
  goal: Goal,
  trace: readonly TraceEvent[],
  from: number,
  conn: string | undefined,
): GoalProgress {
  if (isEventGoal(goal)) {
    const total = goal.atLeast ?? 1;
    let done = 0;
    for (let i = from; i < trace.length && done < total; i++)
      if (matches(goal, trace[i] as TraceEvent, conn)) done++;
    return { done, total };
  }
  if ('all' in goal)
    return {
      done: goal.all.filter((part) => check(part, trace, from, conn).met).length,
      total: goal.all.length,
    };
  if ('any' in goal) return { done: check(goal, trace, from, conn).met ? 1 : 0, total: 1 };
  const candidates: (string | undefined)[] =
    goal.sameConnection && conn === undefined ? connections(goal.sequence[0], trace, from) : [conn];
  let best = 0;
  for (const candidate of candidates) {
    let next = from;
    let done = 0;
    for (const part of goal.sequence) {
      const result = check(part, trace, next, candidate);
      if (!result.met) break;
      done++;
      next = firstIndex(trace, result.atSeq + 1);
    }
    best = Math.max(best, done);
  }
  return { done: best, total: goal.sequence.length };
}
