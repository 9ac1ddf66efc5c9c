import { describe, expect, it } from 'vitest';
import type { TimedInput } from '../../../src/sim/input.ts';
import { Session } from '../../../src/sim/session.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import { queueStory, scenario } from './mailWorld.ts';

const MIN = 60_000;
const H = 60 * MIN;

function textbookWith(inputs: readonly TimedInput[]): Session {
  const session = new Session(scenario('textbook'), inputs);
  session.runUntilQuiet(6 * H);
  return session;
}

const delivered = (trace: readonly TraceEvent[]) => trace.filter(isKind('queue.delivered')).map((e) => e.t);

describe('a fault with a duration', () => {
  it('takes hamburger.edu down for 2 h and brings it up by itself, so the next retry delivers', () => {
    const down: TimedInput = {
      at: 0,
      input: { type: 'fault', fault: { type: 'host.down', host: 'hamburger.edu', for: 2 * H } },
    };
    const trace = textbookWith([down]).events;
    const up = trace.find(isKind('host.up'));
    expect(up?.t).toBe(2 * H);
    const ended = trace.find(isKind('fault.ended'));
    expect(ended).toMatchObject({ t: 2 * H, fault: { type: 'host.down', host: 'hamburger.edu' } });
    // Retried every 30 minutes: the try after 2 h finds it up.
    expect(delivered(trace)).toHaveLength(1);
    expect(delivered(trace)[0]).toBeGreaterThan(2 * H);
    expect(delivered(trace)[0]).toBeLessThan(2.5 * H + MIN);
  });

  it('does not bring up a host that was brought up and taken down again meanwhile', () => {
    const trace = textbookWith([
      { at: 0, input: { type: 'fault', fault: { type: 'host.down', host: 'hamburger.edu', for: 2 * H } } },
      { at: H, input: { type: 'fault', fault: { type: 'host.up', host: 'hamburger.edu' } } },
      { at: 1.5 * H, input: { type: 'fault', fault: { type: 'host.down', host: 'hamburger.edu' } } },
    ]).events;
    expect(trace.filter(isKind('host.up')).map((e) => e.t)).toEqual([H]);
    expect(trace.some(isKind('fault.ended'))).toBe(false);
  });

  it('sets loss 100% for 10 min, then gives the link back the loss the scenario says', () => {
    const link = scenario('textbook').links[0];
    if (link === undefined) throw new Error('the textbook has links');
    const trace = textbookWith([
      { at: 0, input: { type: 'fault', fault: { type: 'link.set', link: link.id, loss: 1, for: 10 * MIN } } },
    ]).events;
    expect(trace.filter(isKind('link.changed')).map((e) => [e.t, e.loss])).toEqual([
      [0, 1],
      [10 * MIN, link.loss],
    ]);
  });
});

describe('a fault removed from the input log', () => {
  it('recomputes the world without it: the outage and its retries are gone, delivery is at once', () => {
    const down: TimedInput = {
      at: 0,
      input: { type: 'fault', fault: { type: 'host.down', host: 'hamburger.edu' } },
    };
    const session = textbookWith([down]);
    expect(queueStory(session.events).some((line) => line.includes('deferred'))).toBe(true);
    expect(delivered(session.events)).toEqual([]);
    const replays = session.replays;
    expect(session.remove(down)).toBe(true);
    expect(session.replays).toBe(replays + 1);
    expect(session.events.some(isKind('host.down'))).toBe(false);
    expect(queueStory(session.events).some((line) => line.includes('deferred'))).toBe(false);
    expect(delivered(session.events)).toHaveLength(1);
    expect(session.inputs.some((e) => e === down)).toBe(false);
  });

  it('takes back an entry logged while the world runs', () => {
    const session = textbookWith([]);
    const crash = session.input(1000, { type: 'fault', fault: { type: 'host.down', host: 'hamburger.edu' } });
    session.runUntilQuiet(6 * H);
    expect(delivered(session.events)).toEqual([]);
    expect(session.remove(crash)).toBe(true);
    expect(delivered(session.events)).toHaveLength(1);
  });

  it('refuses to remove what is not in the log, and leaves the world as it was', () => {
    const session = textbookWith([]);
    const before = session.events.length;
    const stranger: TimedInput = {
      at: 0,
      input: { type: 'fault', fault: { type: 'host.up', host: 'crepes.fr' } },
    };
    expect(session.remove(stranger)).toBe(false);
    expect(session.events.length).toBe(before);
  });
});
