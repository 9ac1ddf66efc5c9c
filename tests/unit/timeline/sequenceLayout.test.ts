import { describe, expect, it } from 'vitest';
import type { Box } from '../../../src/timeline/avoidOverlaps.ts';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';
import { MASK } from '../../../src/sim/shownLine.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import { sequenceLayout, type SegmentArrow } from '../../../src/timeline/sequenceLayout.ts';

const SIZE = { width: 1240 };

function demo(): Scenario {
  const scenario = builtinScenario('tcp-demo');
  if (scenario === undefined) throw new Error('tcp-demo is missing');
  return scenario;
}

function traceOf(scenario: Scenario): readonly TraceEvent[] {
  const session = new Session(scenario);
  session.runUntil(scenario.until ?? 3_600_000);
  return session.events;
}

/** The demo with its only link cut from 390 ms to 700 ms: the second line is lost and sent again. */
function demoWithOutage(): Scenario {
  const link = 'alice-pc--hamburger.edu';
  return {
    ...demo(),
    faults: [
      { at: 390, fault: { type: 'link.down', link } },
      { at: 700, fault: { type: 'link.up', link } },
    ],
  };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function labelBox(a: SegmentArrow): Box {
  return {
    x0: a.label.x - a.label.width / 2,
    x1: a.label.x + a.label.width / 2,
    y0: a.label.y - 12,
    y1: a.label.y,
  };
}

describe('sequenceLayout of the TCP demonstration', () => {
  const trace = traceOf(demo());
  const layout = sequenceLayout(trace, SIZE);
  const segments = trace.filter(isKind('tcp.segment'));
  const laneX = (host: string) => layout.lanes.find((l) => l.host === host)?.x;

  it('gives each host one lane, in the order the hosts first take part', () => {
    expect(layout.lanes.map((l) => l.host)).toEqual(['alice-pc', 'hamburger.edu']);
    expect(layout.lanes.map((l) => l.addr)).toEqual(['192.0.2.10', '192.0.2.11']);
    expect(laneX('alice-pc')).toBeLessThan(laneX('hamburger.edu') as number);
  });

  it('draws one arrow per TCP segment, in the order they were sent', () => {
    expect(layout.arrows).toHaveLength(segments.length);
    expect(layout.arrows.map((a) => a.segment)).toEqual(segments.map((s) => s.segment));
    expect(new Set(layout.arrows.map((a) => a.id)).size).toBe(segments.length);
  });

  it('opens with the 3-way handshake: SYN, then SYN, ACK, then ACK', () => {
    const [syn, synAck, ack] = layout.arrows;
    expect(syn?.flags).toEqual(['SYN']);
    expect(synAck?.flags).toEqual(['SYN', 'ACK']);
    expect(ack?.flags).toEqual(['ACK']);
    expect([syn?.from.host, synAck?.from.host, ack?.from.host]).toEqual([
      'alice-pc',
      'hamburger.edu',
      'alice-pc',
    ]);
    expect(layout.phases.find((p) => p.kind === 'handshake')).toMatchObject({ y0: syn?.y1, y1: ack?.y2 });
  });

  it('labels segments with sequence numbers relative to each side’s initial one, as Wireshark does', () => {
    expect(layout.arrows.slice(0, 4).map((a) => a.label.text)).toEqual([
      'SYN seq=0',
      'SYN, ACK seq=0 ack=1',
      'ACK seq=1 ack=1',
      'PSH, ACK seq=1 ack=1 len=23',
    ]);
    const [syn, synAck] = layout.arrows;
    expect(syn?.seqNo).toBe(segments[0]?.seqNo);
    expect(synAck?.ackNo).toBe((syn?.seqNo as number) + 1);
  });

  it('ends every arrow on the receiver’s lane at its arrival time', () => {
    const arrivals = new Map(trace.filter(isKind('tcp.arrived')).map((e) => [`${e.conn}#${e.segment}`, e.t]));
    for (const arrow of layout.arrows) {
      expect(arrow.end).toEqual({ kind: 'arrived', t: arrivals.get(arrow.id) });
      expect(arrow.x1).toBe(laneX(arrow.from.host));
      expect(arrow.x2).toBe(laneX(arrow.to.host));
      expect(arrow.y1).toBeCloseTo(layout.yAt(arrow.sentAt), 1);
      expect(arrow.y2).toBeCloseTo(layout.yAt(arrivals.get(arrow.id) as number), 1);
      expect(arrow.y2).toBeGreaterThan(arrow.y1);
      expect(arrow.head).not.toBeNull();
    }
  });

  it('shows each protocol line beside the segment that carried it', () => {
    const carried = layout.arrows.filter((a) => a.lines.length > 0);
    expect(carried.map((a) => [a.from.host, a.lines.map((l) => l.text)])).toEqual([
      ['alice-pc', ['Hello, hamburger.edu!']],
      ['hamburger.edu', ['Hello, hamburger.edu!']],
      ['alice-pc', ['Do you like ketchup?']],
      ['hamburger.edu', ['Do you like ketchup?']],
      ['alice-pc', ['How about pickles?']],
      ['hamburger.edu', ['How about pickles?']],
    ]);
    for (const arrow of carried) expect(arrow.bytes).toBeGreaterThan(0);
  });

  it('labels TCP state changes on the lanes, starting from the state each side was in', () => {
    const on = (host: string) => layout.labels.filter((l) => l.host === host).map((l) => l.text);
    expect(on('alice-pc')).toEqual([
      'CLOSED',
      'SYN-SENT',
      'ESTABLISHED',
      'FIN-WAIT-1',
      'FIN-WAIT-2',
      'TIME-WAIT',
      'CLOSED',
    ]);
    expect(on('hamburger.edu')).toEqual([
      'LISTEN',
      'SYN-RECEIVED',
      'ESTABLISHED',
      'CLOSE-WAIT',
      'LAST-ACK',
      'CLOSED',
    ]);
    for (const label of layout.labels.filter((l) => l.host === 'alice-pc'))
      expect(label.box.x1).toBeLessThan(laneX('alice-pc') as number);
  });

  it('shrinks the 60 s TIME-WAIT into one break, so the whole connection fits a scrolling page', () => {
    expect(layout.breaks.map((b) => [b.from, b.to])).toEqual([[860, 60_840]]);
    expect(layout.height).toBeLessThan(1400);
  });

  it('keeps every label clear of every other', () => {
    const boxes = [
      ...layout.arrows.map(labelBox),
      ...layout.arrows.flatMap((a) => a.lines.map((l) => l.box)),
      ...layout.labels.map((l) => l.box),
    ];
    const clashes = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlaps(a, b)));
    expect(clashes).toEqual([]);
  });

  it('gives the same shapes for the same trace and size', () => {
    const again = sequenceLayout(trace, SIZE);
    expect(JSON.stringify(again)).toBe(JSON.stringify(layout));
  });
});

describe('sequenceLayout of a segment lost on a downed link', () => {
  const layout = sequenceLayout(traceOf(demoWithOutage()), SIZE);
  const [alice, hamburger] = layout.lanes;

  it('stops the lost segment half-way across with a cross instead of an arrowhead', () => {
    const lost = layout.arrows.filter((a) => a.end.kind === 'dropped');
    expect(lost.map((a) => a.label.text)).toEqual([
      'PSH, ACK seq=24 ack=24 len=22',
      'PSH, ACK seq=46 ack=24 len=20',
    ]);
    for (const arrow of lost) {
      expect(arrow.end).toMatchObject({
        kind: 'dropped',
        reason: 'link-down',
        at: 'alice-pc--hamburger.edu',
      });
      expect(arrow.x2).toBe(((alice?.x as number) + (hamburger?.x as number)) / 2);
      expect(arrow.cross).not.toBeNull();
      expect(arrow.head).toBeNull();
    }
  });

  it('marks the retransmissions that follow, which carry the same data', () => {
    const again = layout.arrows.filter((a) => a.retransmission);
    expect(again.map((a) => a.label.text)).toEqual([
      '↻ PSH, ACK seq=24 ack=24 len=22',
      '↻ PSH, ACK seq=46 ack=46 len=20',
    ]);
    expect(again.every((a) => a.end.kind === 'arrived')).toBe(true);
  });
});

describe('the sequence diagram of a POP3 log-in typed by hand', () => {
  it('masks the password in the line it shows for PASS', () => {
    const textbook = builtinScenario('textbook');
    if (textbook === undefined) throw new Error('textbook is missing');
    const typed = ['USER bob', 'PASS hungry', 'QUIT'];
    const run = new Session({ ...textbook, inputs: [] }, [
      { at: 1000, input: { type: 'terminal.open', host: 'bob-pc', target: 'hamburger.edu', port: 110 } },
      ...typed.map((text, i) => ({
        at: 3000 + i * 1000,
        input: { type: 'terminal.type' as const, host: 'bob-pc', text },
      })),
    ]);
    run.runUntilQuiet(60_000);
    const conn = run.events.find((e) => e.kind === 'conn.opened' && e.port === 110);
    if (conn?.kind !== 'conn.opened') throw new Error('no POP3 connection');
    const own = run.events.filter((e) => !('conn' in e) || e.conn === conn.conn);
    const chips = sequenceLayout(own, { width: 900 }).arrows.flatMap((a) => a.lines.map((l) => l.text));
    expect(chips).toContain('USER bob');
    expect(chips).toContain(`PASS ${MASK}`);
    expect(chips.join('\n')).not.toContain('hungry');
  });
});

describe('an HTTP exchange in the sequence diagram', () => {
  const webmail = builtinScenario('webmail');
  if (webmail === undefined) throw new Error('webmail is missing');
  const trace = traceOf(webmail);
  const lines = trace.filter(isKind('app.line'));
  const httpConns = new Set(lines.filter((l) => l.protocol === 'http').map((l) => l.conn));
  const arrows = sequenceLayout(trace, SIZE).arrows;
  const chipsOf = (http: boolean) =>
    arrows.filter((a) => httpConns.has(a.conn) === http).flatMap((a) => a.lines.map((l) => l.text));

  it('draws each request and response as its first line, with the head’s fields folded away', () => {
    const chips = chipsOf(true);
    const heads = lines.filter(
      (l) => l.protocol === 'http' && (l.verb !== undefined || l.more === true) && !l.header,
    );
    expect(chips.some((text) => /^GET \S+ HTTP\/1\.1$/.test(text))).toBe(true);
    expect(chips.some((text) => /^HTTP\/1\.1 200 /.test(text))).toBe(true);
    expect(chips.every((text) => /^([A-Z]+ \S+ HTTP\/1\.1|HTTP\/1\.1 \d{3} .*)$/.test(text))).toBe(true);
    expect(chips).toHaveLength(heads.length);
  });

  it('still draws every line of the webmail’s IMAP and SMTP sessions', () => {
    const others = lines.filter((l) => !httpConns.has(l.conn)).length;
    expect(others).toBeGreaterThan(0);
    expect(chipsOf(false)).toHaveLength(others);
  });
});
