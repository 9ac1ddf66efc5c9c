import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';
import { isKind, type EventOf, type TraceEvent } from '../../../src/sim/trace.ts';
import { connectionPhases } from '../../../src/timeline/connectionPhases.ts';
import { connEnds, connOpenings } from '../../../src/timeline/connOpenings.ts';
import { sequenceLayout } from '../../../src/timeline/sequenceLayout.ts';
import { timelineModel } from '../../../src/timeline/timelineModel.ts';

type Segment = EventOf<'tcp.segment'>;

function textbook(): { scenario: Scenario; trace: readonly TraceEvent[] } {
  const scenario = builtinScenario('textbook');
  if (scenario === undefined) throw new Error('textbook is missing');
  const session = new Session(scenario);
  session.runUntilQuiet(7 * 86_400_000);
  return { scenario, trace: session.events };
}

/**
 * joinedLate is the trace as if it had begun just before the first segment of `conn` that `first` picks: that
 * connection's earlier events are gone, except its `conn.opened`, and everything else stays.
 */
function joinedLate(
  trace: readonly TraceEvent[],
  conn: string,
  first: (s: Segment) => boolean,
): TraceEvent[] {
  const start = trace.findIndex((e) => e.kind === 'tcp.segment' && e.conn === conn && first(e));
  if (start < 0) throw new Error(`no such segment on ${conn}`);
  return trace.filter((e, i) => i >= start || e.kind === 'conn.opened' || !('conn' in e) || e.conn !== conn);
}

const { scenario, trace } = textbook();
const c1Opened = trace.find((e): e is EventOf<'conn.opened'> => e.kind === 'conn.opened' && e.conn === 'c1');
const fromServer = (s: Segment) => s.from.host === 'crepes.fr';
const synAck = (s: Segment) => fromServer(s) && s.flags.includes('SYN');
const greeting = (s: Segment) => fromServer(s) && s.bytes > 0;

describe('the views read who opened a connection from conn.opened', () => {
  it('finds conn.opened before the first segment of every connection in a run', () => {
    expect(c1Opened).toMatchObject({ client: 'alice-pc', server: 'crepes.fr', port: 25, protocol: 'smtp' });
    for (const s of trace.filter(isKind('tcp.segment')))
      expect(connOpenings(trace.slice(0, s.seq)).has(s.conn), s.conn).toBe(true);
  });

  it.each([
    ['the server’s SYN-ACK', synAck],
    ['the server’s greeting, after the handshake', greeting],
  ])('puts a connection on its client’s lane when the first segment seen is %s', (_, first) => {
    const late = joinedLate(trace, 'c1', first);
    const seen = late.find((e): e is Segment => e.kind === 'tcp.segment' && e.conn === 'c1');
    expect(seen?.from.host).toBe('crepes.fr');
    const c1 = timelineModel(scenario, late).conns.find((c) => c.conn === 'c1');
    expect(c1).toMatchObject({ host: 'alice-pc', peer: 'crepes.fr', port: 25, protocol: 'smtp' });
  });

  it('names a connection’s protocol as conn.opened does, whatever its port and lines', () => {
    const renamed = trace.map((e) =>
      e.kind === 'conn.opened' && e.conn === 'c1' ? { ...e, protocol: 'raw' as const } : e,
    );
    const c1 = timelineModel(scenario, renamed).conns.find((c) => c.conn === 'c1');
    expect(c1?.protocol).toBe('raw');
  });

  it('leaves out a connection, and its lines, that the trace never describes', () => {
    const untold = trace.filter((e) => !(e.kind === 'conn.opened' && e.conn === 'c1'));
    const model = timelineModel(scenario, untold);
    expect(model.conns.map((c) => c.conn)).toEqual(['c2']);
    expect(model.lines.filter((l) => l.conn === 'c1')).toEqual([]);
  });

  it('draws the client’s lane first in a sequence diagram that begins with the server’s greeting', () => {
    const c1 = joinedLate(trace, 'c1', greeting).filter((e) => 'conn' in e && e.conn === 'c1');
    expect(sequenceLayout(c1, { width: 1240 }).lanes.map((l) => l.host)).toEqual(['alice-pc', 'crepes.fr']);
  });

  it('brackets the handshake only when the trace says who the client is and holds its SYN', () => {
    const c1 = trace.filter((e) => 'conn' in e && e.conn === 'c1');
    const phases = (events: readonly TraceEvent[]) =>
      sequenceLayout(events, { width: 1240 }).phases.map((p) => p.kind);
    expect(phases(c1)).toEqual(['handshake', 'close']);
    expect(phases(c1.filter((e) => e.kind !== 'conn.opened'))).toEqual(['close']);
    expect(phases(joinedLate(c1, 'c1', synAck))).toEqual(['close']);
    expect(connectionPhases([], connOpenings(c1), 0)).toEqual([]);
  });

  it('reads both ends of a connection off a segment sent either way', () => {
    if (c1Opened === undefined) throw new Error('c1 was not opened');
    const segments = trace.filter(isKind('tcp.segment')).filter((s) => s.conn === 'c1');
    const ends = segments.map((s) => connEnds(c1Opened, s));
    expect(
      new Set(ends.map((e) => `${e.client.host}:${e.client.port} → ${e.server.host}:${e.server.port}`)),
    ).toEqual(new Set([`alice-pc:${segments[0]?.from.port} → crepes.fr:25`]));
  });
});
