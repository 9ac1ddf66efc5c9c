import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import { worldAt } from '../../../src/sim/worldView.ts';

function traceOf(name: string, until: number): { scenario: Scenario; trace: readonly TraceEvent[] } {
  const scenario = builtinScenario(name);
  if (!scenario) throw new Error(name);
  const session = new Session(scenario);
  session.runUntil(until);
  return { scenario, trace: session.trace };
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

  it('lists the segments still on the wire', () => {
    const { scenario, trace } = traceOf('tcp-demo', 1000);
    const syn = trace.find(isKind('tcp.segment'));
    const world = worldAt(scenario, trace, syn?.seq ?? 0);
    expect(world.inFlight.map((p) => [p.kind, p.from, p.to])).toEqual([['tcp', 'alice-pc', 'hamburger.edu']]);
  });
});
