import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import { Session } from '../../../src/sim/session.ts';
import type { TraceEvent } from '../../../src/sim/trace.ts';
import {
  advanceByVirtualTime,
  advanceTime,
  isNotable,
  isStop,
  LONGEST_PLAY_S,
  playSeconds,
  nextNotable,
  nextStop,
  prevNotable,
  prevStop,
} from '../../../src/timeline/playback.ts';

function trace(name: string, until = 600_000): readonly TraceEvent[] {
  const scenario = builtinScenario(name);
  if (!scenario) throw new Error(name);
  const session = new Session(scenario);
  session.runUntilQuiet(until);
  return session.events;
}

const textbook = trace('textbook');

// The stop a cursor shows: stepping lands on a stop and reveals what followed it at the same instant.
function stopAt(seq: number, unit: 'line' | 'segment' | 'queue'): TraceEvent | undefined {
  for (let i = seq; i >= 0; i--) {
    const e = textbook[i] as TraceEvent;
    if (isStop(e, unit)) return e;
  }
  return undefined;
}

function lineAt(seq: number): string {
  for (let i = seq; i >= 0; i--) {
    const e = textbook[i] as TraceEvent;
    if (e.kind === 'app.line') return `${e.from === 'client' ? 'C' : 'S'}: ${e.line}`;
  }
  return '';
}

describe('stepping by protocol line', () => {
  it('walks the SMTP dialogue one line at a time', () => {
    let cursor = nextStop(textbook, -1, 'line');
    expect(stopAt(cursor, 'line')?.kind).toBe('input');
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      cursor = nextStop(textbook, cursor, 'line');
      seen.push(lineAt(cursor));
    }
    // The textbook client speaks as Kurose & Ross's does: HELO, then one command at a time.
    expect(seen).toEqual([
      'S: 220 crepes.fr',
      'C: HELO alice-pc',
      'S: 250 Hello alice-pc, pleased to meet you',
      'C: MAIL FROM: <alice@crepes.fr>',
    ]);
  });

  it('reveals the state change a line causes together with the line', () => {
    const greeting = textbook.findIndex((e) => e.kind === 'app.line' && e.line === '220 crepes.fr');
    const cursor = nextStop(textbook, greeting - 1, 'line');
    expect(cursor).toBeGreaterThan(greeting);
    expect(textbook.slice(greeting + 1, cursor + 1).every((e) => e.t === textbook[greeting]?.t)).toBe(true);
    expect(textbook.slice(greeting + 1, cursor + 1).some((e) => e.kind === 'session.state')).toBe(true);
  });

  it('steps back to the line before, and to the very start after the first', () => {
    const helo = textbook.findIndex((e) => e.kind === 'app.line' && e.line === 'HELO alice-pc');
    expect(helo).toBeGreaterThan(0);
    const back = prevStop(textbook, helo, 'line');
    expect(lineAt(back)).toBe('S: 220 crepes.fr');
    const first = nextStop(textbook, -1, 'line');
    expect(prevStop(textbook, first, 'line')).toBe(-1);
  });

  it('stays at the last event when there is nothing more to step to', () => {
    expect(nextStop(textbook, textbook.length - 1, 'line')).toBe(textbook.length - 1);
  });
});

describe('stepping by segment and by queue event', () => {
  it('stops at every segment sent and at its arrival', () => {
    let cursor = -1;
    const kinds: string[] = [];
    for (let i = 0; i < 8; i++) {
      cursor = nextStop(textbook, cursor, 'segment');
      kinds.push(stopAt(cursor, 'segment')?.kind ?? '');
    }
    expect(kinds).toEqual([
      'input',
      'udp.datagram',
      'udp.arrived',
      'udp.datagram',
      'udp.arrived',
      'tcp.segment',
      'tcp.arrived',
      'tcp.segment',
    ]);
  });

  it('goes from one queue event to the next', () => {
    let cursor = -1;
    const kinds: string[] = [];
    for (let i = 0; i < 6; i++) {
      cursor = nextStop(textbook, cursor, 'queue');
      kinds.push(stopAt(cursor, 'queue')?.kind ?? '');
    }
    expect(kinds).toEqual([
      'input',
      'ua.submitted',
      'queue.enqueued',
      'queue.attempt',
      'ua.result',
      'mailbox.stored',
    ]);
  });
});

describe('jumping between notable events', () => {
  const outage = trace('outage', 3 * 3_600_000);

  it('jumps from the outage to the first deferral, and back', () => {
    const down = nextNotable(outage, -1);
    expect(outage[down]?.kind).toBe('host.down');
    let cursor = down;
    while (outage[cursor]?.kind !== 'queue.deferred') cursor = nextNotable(outage, cursor);
    const deferral = cursor;
    expect(outage[prevNotable(outage, deferral)]?.kind).not.toBe('queue.deferred');
  });
});

describe('playing', () => {
  it('plays a handshake slowly enough to watch: a 5 ms hop takes a tenth of a second or more at 1×', () => {
    const syn = textbook.find((e) => e.kind === 'tcp.segment');
    const arrived = textbook.find((e) => e.kind === 'tcp.arrived');
    if (syn === undefined || arrived === undefined) throw new Error('the textbook sends segments');
    expect(arrived.t - syn.t).toBe(5);
    expect(playSeconds(textbook, syn.t, arrived.t, 1)).toBeGreaterThan(0.1);
    // Twice the speed, half the time.
    expect(playSeconds(textbook, syn.t, arrived.t, 2)).toBeCloseTo(
      playSeconds(textbook, syn.t, arrived.t, 1) / 2,
    );
  });

  it('moves along the compressed axis: a 30-minute wait for a retry takes seconds, not half an hour', () => {
    const outage = trace('outage', 3 * 3_600_000);
    const deferral = outage.find((e) => e.kind === 'queue.deferred');
    const retry = outage.find((e) => e.kind === 'queue.attempt' && e.attempt === 2);
    if (deferral === undefined || retry === undefined) throw new Error('the outage retries');
    expect(retry.t - deferral.t).toBeGreaterThan(25 * 60_000);
    const seconds = playSeconds(outage, deferral.t, retry.t, 1);
    expect(seconds).toBeGreaterThan(0.5);
    expect(seconds).toBeLessThan(10);
  });

  it('reaches the 5-day bounce in under a minute of playing at 1×, frame by frame on the virtual axis', () => {
    const bounce = trace('bounce', 7 * 86_400_000);
    const bounced = bounce.find((e) => e.kind === 'queue.bounced');
    if (bounced === undefined) throw new Error('the bounce scenario bounces');
    expect(bounced.t).toBeGreaterThanOrEqual(5 * 86_400_000);
    // Sixty frames a second, as the lab ticks; the count of frames is the playing time, no wall clock involved.
    let clock = 0;
    let frames = 0;
    while (clock < bounced.t && frames < 120 * 60) {
      const next = advanceTime(bounce, clock, 1000 / 60, 1);
      expect(next).toBeGreaterThanOrEqual(clock);
      clock = next;
      frames += 1;
    }
    expect(clock).toBeGreaterThanOrEqual(bounced.t);
    expect(frames / 60).toBeLessThan(60);
    expect(frames / 60).toBeLessThanOrEqual(LONGEST_PLAY_S + 1);
    // Not by skipping everything: the retries still take most of that minute.
    expect(playSeconds(bounce, 0, bounced.t, 1)).toBeGreaterThan(LONGEST_PLAY_S / 2);
  });

  it('plays a line typed in the console, its reply and what follows within a second, as fast as by virtual time', () => {
    const scenario = builtinScenario('textbook');
    if (!scenario) throw new Error('textbook');
    // As in a lesson: the story runs, then someone opens a telnet session and types HELO a while later.
    const session = new Session(scenario, [
      { at: 120_000, input: { type: 'terminal.open', host: 'alice-pc', target: 'crepes.fr', port: 25 } },
      { at: 180_000, input: { type: 'terminal.type', host: 'alice-pc', text: 'HELO alice-pc' } },
    ]);
    session.runUntilQuiet(600_000);
    const story = session.events;
    const typed = story.find((e) => e.kind === 'app.line' && e.verb === 'HELO' && e.t >= 180_000);
    if (typed === undefined) throw new Error('HELO is typed');
    // Where the burst ends: the last event before the world falls quiet for two seconds, where the lab's
    // playUntilIdle comes to rest (its IDLE_MS); the reply's delayed ACK comes a while after the reply itself.
    const after = story.filter((e) => e.t >= typed.t);
    const quiet = after.findIndex((e, i) => (after[i + 1]?.t ?? Infinity) - e.t > 2_000);
    const rest = after[quiet];
    expect(after.some((e) => e.kind === 'app.line' && e.answers === 'HELO' && e.t <= (rest?.t ?? 0))).toBe(
      true,
    );
    const frames = (advance: typeof advanceTime): number => {
      let clock = typed.t;
      let n = 0;
      for (; clock < (rest?.t ?? 0) && n < 600; n += 1) clock = advance(story, clock, 1000 / 60, 1);
      return n;
    };
    // The lesson e2e polls for playback to rest for a second after the reply is on screen.
    expect(frames(advanceTime) / 60).toBeLessThan(1);
    expect(frames(advanceTime)).toBeLessThanOrEqual(frames(advanceByVirtualTime));
    // The five-day story still plays faster than by virtual time.
    const bounce = trace('bounce', 7 * 86_400_000);
    const attempt = bounce.filter((e) => e.kind === 'queue.attempt')[1];
    if (attempt === undefined) throw new Error('the bounce retries');
    let axis = 0;
    let virtual = 0;
    for (let n = 0; n < 60 * 60; n += 1) {
      axis = advanceTime(bounce, axis, 1000 / 60, 1);
      virtual = advanceByVirtualTime(bounce, virtual, 1000 / 60, 1);
    }
    expect(axis).toBeGreaterThan(virtual);
  });

  it('never plays past the last event', () => {
    const last = textbook[textbook.length - 1]?.t ?? 0;
    expect(advanceTime(textbook, last, 10_000, 32)).toBe(last);
  });

  it('jumps to every retry, the delay warning and the bounce, one notable event at a time', () => {
    const bounce = trace('bounce', 7 * 86_400_000);
    const landed: number[] = [];
    for (let cursor = -1; cursor < bounce.length - 1;) {
      const next = nextNotable(bounce, cursor);
      // Exactly one notable event lies between two landings: none is jumped over.
      const between = bounce.slice(cursor + 1, next + 1).filter(isNotable);
      expect(between.length).toBeLessThanOrEqual(1);
      if (between[0] !== undefined) landed.push(between[0].seq);
      cursor = next;
    }
    const wanted = bounce.filter(
      (e) =>
        (e.kind === 'queue.attempt' && e.attempt > 1) ||
        e.kind === 'queue.warned' ||
        e.kind === 'queue.bounced',
    );
    expect(wanted.length).toBeGreaterThan(200);
    for (const e of wanted) expect(landed).toContain(e.seq);
  });
});
