import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { TcpState } from '../../../src/net/types.ts';
import type { Input } from '../../../src/sim/input.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';
import { isKind, type TraceEvent, type UnstampedEvent } from '../../../src/sim/trace.ts';
import { worldAt } from '../../../src/sim/worldView.ts';

function scenarioOf(name: string): Scenario {
  const scenario = builtinScenario(name);
  if (!scenario) throw new Error(name);
  return scenario;
}

function traceOf(name: string, until: number): { scenario: Scenario; trace: readonly TraceEvent[] } {
  const scenario = scenarioOf(name);
  const session = new Session(scenario);
  session.runUntil(until);
  return { scenario, trace: session.events };
}

/** A quiet textbook world, with only the given inputs, each run until the world is quiet again. */
function acted(...inputs: Input[]): { scenario: Scenario; trace: readonly TraceEvent[] } {
  const scenario = { ...scenarioOf('textbook'), inputs: [] };
  const session = new Session(scenario);
  session.runUntilQuiet(10_000);
  for (const input of inputs) {
    session.input(session.now, input);
    session.runUntilQuiet(session.now + 60_000);
  }
  return { scenario, trace: session.events };
}

/** A trace written by hand, stamped in order. */
function stamped(...events: UnstampedEvent[]): TraceEvent[] {
  return events.map((e, seq) => ({ ...e, t: seq, seq }) as TraceEvent);
}

describe('the world at a point of its trace', () => {
  it('starts with every host and link up and nothing queued', () => {
    const { scenario, trace } = traceOf('textbook', 10_000);
    const world = worldAt(scenario, trace, -1);
    expect(Object.values(world.hostsUp).every(Boolean)).toBe(true);
    expect(world.queues).toEqual({});
    expect(world.connections).toEqual([]);
  });

  it("shows the message waiting in crepes.fr's queue while hamburger.edu is down", () => {
    const { scenario, trace } = traceOf('outage', 3 * 3_600_000);
    const deferred = trace.filter(isKind('queue.deferred'))[1];
    const world = worldAt(scenario, trace, deferred?.seq ?? 0);
    expect(world.hostsUp['hamburger.edu']).toBe(false);
    const [entry] = world.queues['crepes.fr'] ?? [];
    expect(entry?.recipients).toEqual([
      {
        address: 'bob@hamburger.edu',
        status: 'deferred',
        attempts: 2,
        nextAttemptAt: deferred?.nextAttemptAt,
        lastReason: 'connect to hamburger.edu[192.0.2.14]:25: Connection timed out',
      },
    ]);
  });

  it("shows Bob's mailbox filled and the queue empty at the end", () => {
    const { scenario, trace } = traceOf('textbook', 600_000);
    const world = worldAt(scenario, trace, trace.length - 1);
    expect(world.queues['crepes.fr'] ?? []).toEqual([]);
    expect(world.mailboxes['bob@hamburger.edu']).toHaveLength(1);
  });

  it('follows a connection through its TCP states and its SMTP machines', () => {
    const { scenario, trace } = traceOf('textbook', 600_000);
    const quit = trace.filter(isKind('app.line')).find((e) => e.line.startsWith('221 '));
    const world = worldAt(scenario, trace, quit?.seq ?? 0);
    const first = world.connections[0];
    expect(first?.protocol).toBe('smtp');
    expect(first?.clientState).toBe('ESTABLISHED');
    expect(first?.machines['smtp-client']).toBe('quitting');
    const end = worldAt(scenario, trace, trace.length - 1).connections[0];
    expect(end?.closedAt).not.toBeNull();
  });

  it('says a connection carries a message from the server’s 354 until it answers the final dot', () => {
    const { scenario, trace } = traceOf('textbook', 600_000);
    const lines = trace.filter(isKind('app.line')).filter((e) => e.conn === 'c1');
    const at = (found: (typeof lines)[number] | undefined) =>
      worldAt(scenario, trace, found?.seq ?? 0).connections.find((c) => c.conn === 'c1')?.carryingMessage;
    expect(at(lines.find((e) => e.verb === 'DATA'))).toBe(false);
    expect(at(lines.find((e) => e.reply === 'smtp.data.start'))).toBe(true);
    expect(at(lines.find((e) => e.verb === '.'))).toBe(true);
    expect(at(lines.find((e) => e.answers === '.'))).toBe(false);
  });

  it('lists the segments still on the wire', () => {
    const { scenario, trace } = traceOf('tcp-demo', 1000);
    const syn = trace.find(isKind('tcp.segment'));
    const world = worldAt(scenario, trace, syn?.seq ?? 0);
    expect(world.inFlight.map((p) => [p.kind, p.from, p.to])).toEqual([['tcp', 'alice-pc', 'hamburger.edu']]);
  });

  it('describes a connection as its conn.opened does, before any segment', () => {
    const { scenario, trace } = traceOf('textbook', 600_000);
    const opened = trace.find(isKind('conn.opened'));
    if (!opened) throw new Error('no connection opened');
    const [c] = worldAt(scenario, trace, opened.seq).connections;
    expect(c).toMatchObject({
      conn: opened.conn,
      client: { host: 'alice-pc' },
      server: { host: 'crepes.fr', port: 25 },
      protocol: 'smtp',
      clientState: 'CLOSED',
      serverState: 'LISTEN',
      openedAt: opened.t,
      closedAt: null,
    });
  });

  it('takes the protocol from conn.opened, not from the port', () => {
    const scenario = scenarioOf('textbook');
    const trace = stamped(
      {
        kind: 'conn.opened',
        conn: 'b1',
        client: 'alice-pc',
        server: 'crepes.fr',
        port: 2525,
        protocol: 'smtp',
      },
      {
        kind: 'conn.opened',
        conn: 'c2',
        client: 'bob-pc',
        server: 'hamburger.edu',
        port: 25,
        protocol: 'raw',
      },
    );
    const world = worldAt(scenario, trace, trace.length - 1);
    expect(world.connections.map((c) => [c.conn, c.protocol, c.server.port])).toEqual([
      ['b1', 'smtp', 2525],
      ['c2', 'raw', 25],
    ]);
  });

  it('lists a connection that never sent its SYN, as failed, with who tried', () => {
    // No host has 192.0.2.99, so there is no route to it and no SYN leaves.
    const { scenario, trace } = acted({
      type: 'terminal.open',
      host: 'alice-pc',
      target: '192.0.2.99',
      port: 25,
    });
    expect(trace.filter(isKind('tcp.segment'))).toEqual([]);
    const [c] = worldAt(scenario, trace, trace.length - 1).connections;
    expect(c).toMatchObject({
      client: { host: 'alice-pc' },
      server: { host: '192.0.2.99', port: 25 },
      protocol: 'smtp',
      clientState: 'CLOSED',
      error: 'unreachable',
    });
    expect(c?.closedAt).not.toBeNull();
  });

  it('tells the two ends apart on a connection a host makes to itself, by the port connected to', () => {
    const h = 'hamburger.edu';
    const state = (port: number, from: TcpState, to: TcpState): UnstampedEvent => ({
      kind: 'tcp.state',
      conn: 'c1',
      host: h,
      port,
      from,
      to,
    });
    const trace = stamped(
      { kind: 'conn.opened', conn: 'c1', client: h, server: h, port: 25, protocol: 'smtp' },
      state(49152, 'CLOSED', 'SYN-SENT'),
      state(25, 'LISTEN', 'SYN-RECEIVED'),
      state(49152, 'SYN-SENT', 'ESTABLISHED'),
      state(25, 'SYN-RECEIVED', 'ESTABLISHED'),
    );
    const scenario = scenarioOf('textbook');
    const ends = (seq: number) => {
      const [c] = worldAt(scenario, trace, seq).connections;
      return [c?.clientState, c?.serverState];
    };
    expect(ends(2)).toEqual(['SYN-SENT', 'SYN-RECEIVED']);
    expect(ends(4)).toEqual(['ESTABLISHED', 'ESTABLISHED']);
  });
});
