import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import { Session } from '../../../src/sim/session.ts';
import type { TraceEvent } from '../../../src/sim/trace.ts';
import {
  advanceTime,
  BASE_RATE_MS,
  isStop,
  nextNotable,
  nextStop,
  prevNotable,
  prevStop,
  seqAtTime,
} from '../../../src/timeline/playback.ts';

function trace(name: string, until = 600_000): readonly TraceEvent[] {
  const scenario = builtinScenario(name);
  if (!scenario) throw new Error(name);
  const session = new Session(scenario);
  session.runUntilQuiet(until);
  return session.trace;
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
  it('moves virtual time at the base rate times the speed', () => {
    const t = 1090;
    const next = textbook[seqAtTime(textbook, t) + 1]?.t ?? 0;
    expect(next - t).toBeLessThan(BASE_RATE_MS);
    expect(advanceTime(textbook, t, 100, 1)).toBeCloseTo(t + BASE_RATE_MS / 10);
  });

  it('skips a long idle stretch instead of playing through it', () => {
    const outage = trace('outage', 3 * 3_600_000);
    const deferral = outage.find((e) => e.kind === 'queue.deferred');
    const after = advanceTime(outage, (deferral?.t ?? 0) + 1, 16, 1);
    const next = outage[seqAtTime(outage, (deferral?.t ?? 0) + 1) + 1];
    expect(after).toBeGreaterThan((next?.t ?? 0) - BASE_RATE_MS);
  });
});
