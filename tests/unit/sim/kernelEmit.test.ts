// Kernel.emit keeps what an event says, stamped with the time and the next sequence number, in the trace's
// columns (issue 12's compact trace): the emitter's object is read, never kept nor changed.
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../src/sim/kernel.ts';
import { UNSTAMPED } from '../../../src/net/netEvents.ts';
import type { EmittedEvent, UnstampedEvent } from '../../../src/sim/trace.ts';

describe('Kernel.emit', () => {
  it('keeps the event stamped with the time and then the sequence number after its own fields', () => {
    const kernel = new Kernel(1);
    const event: UnstampedEvent = { kind: 'host.down', host: 'hamburger.edu' };
    kernel.schedule(250, () => kernel.emit(event));
    kernel.runUntil(1000);
    expect(JSON.stringify(kernel.trace.at(0))).toBe(
      '{"kind":"host.down","host":"hamburger.edu","t":250,"seq":0}',
    );
  });

  it('leaves the emitter its object as it was, and a later change to it does not reach the trace', () => {
    const kernel = new Kernel(1);
    const event = { kind: 'host.down', host: 'hamburger.edu' } as { kind: 'host.down'; host: string };
    kernel.emit(event);
    expect(event).toEqual({ kind: 'host.down', host: 'hamburger.edu' });
    event.host = 'elsewhere';
    expect(kernel.trace.at(0)).toEqual({ kind: 'host.down', host: 'hamburger.edu', t: 0, seq: 0 });
  });

  it('keeps an object emitted twice as two events, each with its own stamp', () => {
    const kernel = new Kernel(1);
    const event: UnstampedEvent = { kind: 'host.up', host: 'hamburger.edu' };
    kernel.emit(event);
    kernel.schedule(5, () => kernel.emit(event));
    kernel.runUntil(10);
    expect(kernel.trace.slice().map((e) => [e.t, e.seq])).toEqual([
      [0, 0],
      [5, 1],
    ]);
  });

  it('gives an event built with its stamp slots the same JSON as one built without', () => {
    const kernel = new Kernel(1);
    const slotted: EmittedEvent = { kind: 'host.down', host: 'hamburger.edu', t: 0, seq: UNSTAMPED };
    const bare: EmittedEvent = { kind: 'host.down', host: 'hamburger.edu' };
    kernel.schedule(250, () => {
      kernel.emit(slotted);
      kernel.emit(bare);
    });
    kernel.runUntil(1000);
    expect(kernel.trace.slice().map((e) => JSON.stringify(e))).toEqual([
      '{"kind":"host.down","host":"hamburger.edu","t":250,"seq":0}',
      '{"kind":"host.down","host":"hamburger.edu","t":250,"seq":1}',
    ]);
  });
});
