import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import { Session } from '../../../src/sim/session.ts';
import { cursorAt, placeOf } from '../../../src/timeline/tracePlace.ts';

const textbook = builtinScenario('textbook');
if (!textbook) throw new Error('textbook is missing');
const session = new Session(textbook);
session.runUntil(60_000);
const trace = session.events;

describe('a place in the trace', () => {
  it('names every event of the textbook so that it is found again', () => {
    for (let cursor = 0; cursor < trace.length; cursor++)
      expect(cursorAt(trace, placeOf(trace, cursor) ?? { at: 0, nth: null })).toBe(cursor);
  });

  it('tells apart the events of one millisecond, where the time alone lands on the last of them', () => {
    const t = trace[82]?.t;
    const sameMillisecond = trace.filter((e) => e.t === t).length;
    expect(sameMillisecond).toBeGreaterThan(1);
    const place = placeOf(trace, 82);
    expect(place?.at).toBe(t);
    expect(cursorAt(trace, { at: t ?? 0, nth: null })).not.toBe(82);
    expect(cursorAt(trace, place ?? { at: 0, nth: null })).toBe(82);
  });

  it('says nothing before the first event', () => {
    expect(placeOf(trace, -1)).toBeNull();
  });

  it('falls back to the last event of that time when the trace has fewer events then', () => {
    const t = trace[82]?.t ?? 0;
    const last = cursorAt(trace, { at: t, nth: null });
    expect(cursorAt(trace, { at: t, nth: 500 })).toBe(last);
  });

  it('finds an input stamped a microsecond after an event, whose time does not add up exactly in binary', () => {
    const at = 1140 + 0.001 + 0.001;
    const upTo = trace.filter((e) => e.t <= 1140).length;
    const stamped = [...trace.slice(0, upTo), { ...trace[upTo - 1], t: at, seq: upTo }] as typeof trace;
    const place = placeOf(stamped, upTo);
    expect(place).toEqual({ at: 1140.002, nth: 0 });
    expect(cursorAt(stamped, place ?? { at: 0, nth: null })).toBe(upTo);
  });
});
