import { describe, expect, it } from 'vitest';
import type { TcpState } from '../../../src/net/types.ts';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import { Session } from '../../../src/sim/session.ts';
import type { Protocol } from '../../../src/sim/trace.ts';
import { worldAt, type ConnectionView } from '../../../src/sim/worldView.ts';
import { flowArcs, flowOf } from '../../../src/timeline/mailFlow.ts';
import { topologyLayout, type TopologyLayout } from '../../../src/timeline/topologyLayout.ts';

const textbook = builtinScenario('textbook');
if (textbook === undefined) throw new Error('textbook is missing');
const layout: TopologyLayout = topologyLayout(textbook, { width: 760, height: 420 });

function connection(
  conn: string,
  protocol: Protocol,
  client: string,
  server: string,
  closed = false,
  clientState: TcpState = 'ESTABLISHED',
): ConnectionView {
  return {
    conn,
    client: { host: client },
    server: { host: server, port: 0 },
    protocol,
    clientState,
    serverState: 'ESTABLISHED',
    machines: {},
    openedAt: 1,
    closedAt: closed ? 2 : null,
    lines: 0,
    carryingMessage: false,
    error: null,
  };
}

/** The first and last point of an arc's path: where mail leaves and where it arrives. */
function ends(d: string): { start: [number, number]; end: [number, number] } {
  const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  return {
    start: [numbers[0] ?? NaN, numbers[1] ?? NaN],
    end: [numbers.at(-2) ?? NaN, numbers.at(-1) ?? NaN],
  };
}

function near(point: [number, number], host: string): number {
  const n = layout.byHost[host];
  if (n === undefined) throw new Error(`no ${host}`);
  return Math.hypot(point[0] - n.x, point[1] - n.y);
}

describe('push and pull', () => {
  it('call SMTP push and the mail access protocols pull, and nothing else either', () => {
    expect(flowOf('smtp')).toBe('push');
    expect(['pop3', 'imap', 'http'].map((p) => flowOf(p as Protocol))).toEqual(['pull', 'pull', 'pull']);
    expect(flowOf('echo')).toBeNull();
    expect(flowOf('raw')).toBeNull();
  });

  it('draw a push arc from the client to the server, and a pull arc from the server back to the reader', () => {
    const [push, pull] = flowArcs(layout, [
      connection('c1', 'smtp', 'crepes.fr', 'hamburger.edu'),
      connection('c2', 'pop3', 'bob-pc', 'hamburger.edu'),
    ]);
    expect(push?.flow).toBe('push');
    expect(pull?.flow).toBe('pull');
    if (push === undefined || pull === undefined) throw new Error('missing arcs');
    const p = ends(push.d);
    expect(near(p.start, 'crepes.fr')).toBeLessThan(near(p.start, 'hamburger.edu'));
    expect(near(p.end, 'hamburger.edu')).toBeLessThan(near(p.end, 'crepes.fr'));
    const q = ends(pull.d);
    expect(near(q.start, 'hamburger.edu')).toBeLessThan(near(q.start, 'bob-pc'));
    expect(near(q.end, 'bob-pc')).toBeLessThan(near(q.end, 'hamburger.edu'));
  });

  it('leave out closed or closing connections and ones that carry no mail', () => {
    const arcs = flowArcs(layout, [
      connection('c1', 'smtp', 'crepes.fr', 'hamburger.edu', true),
      connection('c2', 'echo', 'alice-pc', 'hamburger.edu'),
      connection('c3', 'imap', 'bob-pc', 'hamburger.edu'),
      connection('c4', 'pop3', 'bob-pc', 'hamburger.edu', false, 'TIME-WAIT'),
    ]);
    expect(arcs.map((a) => [a.conn, a.flow])).toEqual([['c3', 'pull']]);
  });

  it('bow a second arc between the same two hosts further out, so both stay visible', () => {
    const [a, b] = flowArcs(layout, [
      connection('c1', 'pop3', 'bob-pc', 'hamburger.edu'),
      connection('c2', 'imap', 'bob-pc', 'hamburger.edu'),
    ]);
    expect(a?.d).not.toBe(b?.d);
  });

  it('show the textbook message pushed from server to server while the connection is open', () => {
    const session = new Session(textbook);
    session.runUntilQuiet(3_600_000);
    const trace = session.events;
    const opened = trace.find((e) => e.kind === 'conn.opened' && e.client === 'crepes.fr');
    if (opened?.kind !== 'conn.opened') throw new Error('crepes.fr never connected');
    const answered = trace.find(
      (e) => e.kind === 'app.line' && e.conn === opened.conn && e.answers === 'DATA',
    );
    const world = worldAt(textbook, trace, answered?.seq ?? opened.seq);
    const arcs = flowArcs(layout, world.connections);
    expect(arcs.find((a) => a.client === 'crepes.fr')).toMatchObject({
      flow: 'push',
      server: 'hamburger.edu',
    });
  });
});
