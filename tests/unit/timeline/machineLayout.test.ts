import { describe, expect, it } from 'vitest';
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { tcpMachine } from '../../../src/net/tcpMachine.ts';
import { PROTOCOLS } from '../../../src/protocols/registry.ts';
import { smtpClientMachine } from '../../../src/protocols/smtp/smtpClientMachine.ts';
import { smtpServerMachine } from '../../../src/protocols/smtp/smtpServerMachine.ts';
import {
  activeStates,
  chartObstacles,
  edgeLabelBox,
  lastStep,
  layoutMachine,
  machineTransitions,
  stepPath,
  withAncestors,
  type MachineLayout,
  type StateBox,
} from '../../../src/timeline/machineLayout.ts';

function allStateIds(machine: AnyStateMachine): string[] {
  const ids: string[] = [];
  const visit = (node: AnyStateNode) => {
    ids.push(node.path.join('.'));
    for (const child of Object.values(node.states) as AnyStateNode[]) visit(child);
  };
  visit(machine.root);
  return ids;
}

function box(layout: MachineLayout, id: string): StateBox {
  const found = layout.boxes.find((b) => b.id === id);
  if (found === undefined) throw new Error(`no box ${id}`);
  return found;
}

function inside(outer: StateBox, inner: StateBox): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

function overlap(a: StateBox, b: StateBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const MACHINES = { smtpServerMachine, smtpClientMachine, tcpMachine } as const;

/** Every chart the lab draws: each protocol's client and server machines, and TCP's. */
const CHARTS: [string, AnyStateMachine][] = [
  ...Object.values(PROTOCOLS).flatMap((p) =>
    [p.clientMachine, p.serverMachine].flatMap((m) =>
      m === null ? [] : [[m.id, m] as [string, AnyStateMachine]],
    ),
  ),
  ['tcp', tcpMachine],
];

describe('the state chart layout', () => {
  it('draws every state of the SMTP server machine exactly once', () => {
    const layout = layoutMachine(smtpServerMachine);
    const ids = layout.boxes.map((b) => b.id);
    expect([...ids].sort()).toEqual(allStateIds(smtpServerMachine).sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const [name, machine] of Object.entries(MACHINES)) {
    it(`connects only boxes that exist, in ${name}`, () => {
      const layout = layoutMachine(machine);
      const ids = new Set(layout.boxes.map((b) => b.id));
      expect(layout.edges.length).toBeGreaterThan(0);
      for (const edge of layout.edges) {
        expect(ids.has(edge.source), edge.id).toBe(true);
        expect(ids.has(edge.target), edge.id).toBe(true);
        expect(edge.events.length).toBeGreaterThan(0);
        expect(edge.path).toMatch(/^M[\d.-]+,[\d.-]+/);
      }
      for (const block of layout.notes) {
        for (const entry of block.entries)
          for (const target of entry.targets) expect(ids.has(target)).toBe(true);
      }
    });

    it(`nests every state inside its parent and keeps siblings apart, in ${name}`, () => {
      const layout = layoutMachine(machine);
      for (const b of layout.boxes) {
        if (b.id === '') continue;
        const parentId = b.id.includes('.') ? b.id.slice(0, b.id.lastIndexOf('.')) : '';
        expect(inside(box(layout, parentId), b), b.id).toBe(true);
      }
      const parent = (id: string) => (id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : '');
      const siblings = (a: StateBox, b: StateBox) =>
        a.id !== b.id && a.id !== '' && b.id !== '' && parent(a.id) === parent(b.id);
      for (const a of layout.boxes)
        for (const b of layout.boxes)
          if (siblings(a, b)) expect(overlap(a, b), `${a.id} / ${b.id}`).toBe(false);
    });
  }

  for (const [name, machine] of CHARTS)
    it(`keeps every arrow's label off the states, container names, notes and other labels, in ${name}`, () => {
      const layout = layoutMachine(machine);
      const obstacles = chartObstacles(layout.boxes, layout.notes);
      const labels = layout.edges.map((e) => ({
        id: e.id,
        shown: e.route === 'direct',
        box: edgeLabelBox(e.events, e.labelX, e.labelY, e.labelAnchor),
      }));
      const meets = (a: { x0: number; x1: number; y0: number; y1: number }, b: typeof a) =>
        a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
      const covered = labels.flatMap((l) =>
        obstacles.flatMap((o, i) => (meets(l.box, o) ? [`${l.id} on obstacle ${i}`] : [])),
      );
      // Straight arrows' labels always show; a lane's or a loop's shows on hover, alone beside those.
      const crowded = labels.flatMap((l, i) =>
        labels
          .slice(i + 1)
          .flatMap((m) => ((l.shown || m.shown) && meets(l.box, m.box) ? [`${l.id} on ${m.id}`] : [])),
      );
      expect([...covered, ...crowded]).toEqual([]);
      for (const l of labels) {
        expect(l.box.x0, l.id).toBeGreaterThanOrEqual(0);
        expect(l.box.x1, l.id).toBeLessThanOrEqual(layout.width);
      }
    });

  it('reads every transition that changes state from the machine itself, guards and timers named', () => {
    const transitions = machineTransitions(tcpMachine);
    expect(transitions).toContainEqual({ source: 'CLOSED', target: 'SYN-SENT', event: 'app.connect' });
    expect(transitions).toContainEqual({ source: 'TIME-WAIT', target: 'CLOSED', event: 'after twoMsl' });
    expect(machineTransitions(smtpClientMachine)).toContainEqual({
      source: 'awaitingGreeting',
      target: 'ehlo',
      event: 'reply.received [isPositive]',
    });
  });

  it('puts parallel regions side by side and the usual path top to bottom', () => {
    const layout = layoutMachine(smtpServerMachine);
    const protocol = box(layout, 'session.protocol');
    const timer = box(layout, 'session.idleTimer');
    expect(timer.x).toBeGreaterThanOrEqual(protocol.x + protocol.width);
    expect(box(layout, 'session').kind).toBe('parallel');
    expect(protocol.kind).toBe('region');
    const order = ['awaitingHelo', 'ready', 'mailTransaction', 'receivingData'].map(
      (key) => box(layout, `session.protocol.${key}`).y,
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
  });

  it('writes transitions a container takes from any state inside it as notes, not arrows', () => {
    const layout = layoutMachine(smtpServerMachine);
    const protocol = layout.notes.find((n) => n.container === 'session.protocol');
    expect(protocol?.entries.map((e) => e.event)).toEqual(['command.helo', 'command.rset']);
    expect(
      layout.edges.some((e) => e.source === 'session.protocol' && e.target.startsWith('session.protocol.')),
    ).toBe(false);
  });

  it('reads a trace state value, parallel regions included, into active leaf states', () => {
    const layout = layoutMachine(smtpServerMachine);
    expect(activeStates(layout, 'session.protocol.mailTransaction.haveRecipients,idleTimer.running')).toEqual(
      ['session.protocol.mailTransaction.haveRecipients', 'session.idleTimer.running'],
    );
    expect(activeStates(layout, 'closed')).toEqual(['closed']);
    expect(activeStates(layout, 'nowhere')).toEqual([]);
    expect(withAncestors(['session.idleTimer.running'])).toEqual(
      new Set(['session', 'session.idleTimer', 'session.idleTimer.running']),
    );
  });

  it('marks the arrow that explains a step, or the note and a dashed step when no arrow does', () => {
    const server = layoutMachine(smtpServerMachine);
    const opened = lastStep(server, 'awaitingConnection', 'session.protocol.awaitingHelo,idleTimer.running');
    expect(opened.edges).toEqual(['awaitingConnection>session']);
    expect(opened.unexplained).toEqual([]);
    const greeted = lastStep(
      server,
      'session.protocol.awaitingHelo,idleTimer.running',
      'session.protocol.ready,idleTimer.running',
    );
    expect(greeted.edges).toEqual([]);
    expect(greeted.notes).toContainEqual({ container: 'session.protocol', event: 'command.helo' });
    expect(greeted.unexplained).toEqual([
      { source: 'session.protocol.awaitingHelo', target: 'session.protocol.ready' },
    ]);
    expect(stepPath(server, 'session.protocol.awaitingHelo', 'session.protocol.ready')).toMatch(/^M/);

    const tcp = layoutMachine(tcpMachine);
    expect(lastStep(tcp, 'SYN-SENT', 'ESTABLISHED').edges).toEqual(['SYN-SENT>ESTABLISHED']);
  });

  it('lays out the same machine the same way every time', () => {
    expect(layoutMachine(smtpClientMachine)).toEqual(layoutMachine(smtpClientMachine));
  });
});
