// Kernel.emit stamps the object its emitter built, in place, rather than copying it: the trace keeps one hidden
// class per emitter and no copy per event (issue 12), so an object must never be emitted twice.
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../src/sim/kernel.ts';
import { UNSTAMPED } from '../../../src/net/netEvents.ts';
import type { EmittedEvent, UnstampedEvent } from '../../../src/sim/trace.ts';

describe('Kernel.emit', () => {
  it('keeps the emitted object itself, stamped with the time and then the sequence number after its own fields', () => {
    const kernel = new Kernel(1);
    const event: UnstampedEvent = { kind: 'host.down', host: 'hamburger.edu' };
    kernel.schedule(250, () => kernel.emit(event));
    kernel.runUntil(1000);
    expect(kernel.trace.at(0)).toBe(event);
    expect(JSON.stringify(kernel.trace.at(0))).toBe(
      '{"kind":"host.down","host":"hamburger.edu","t":250,"seq":0}',
    );
  });

  it('refuses an object that was emitted before, which would restamp the first event', () => {
    const kernel = new Kernel(1);
    const event: UnstampedEvent = { kind: 'host.up', host: 'hamburger.edu' };
    kernel.emit(event);
    expect(() => kernel.emit(event)).toThrow(/host\.up event object was emitted before/);
    expect(kernel.trace).toHaveLength(1);
    expect(kernel.trace.at(0)?.seq).toBe(0);
  });

  it('fills the slots of an event built with them in place, the JSON the same as for one stamped after', () => {
    const kernel = new Kernel(1);
    const slotted: EmittedEvent = { kind: 'host.down', host: 'hamburger.edu', t: 0, seq: UNSTAMPED };
    const bare: EmittedEvent = { kind: 'host.down', host: 'hamburger.edu' };
    kernel.schedule(250, () => {
      kernel.emit(slotted);
      kernel.emit(bare);
    });
    kernel.runUntil(1000);
    expect(kernel.trace.at(0)).toBe(slotted);
    expect(kernel.trace.slice().map((e) => JSON.stringify(e))).toEqual([
      '{"kind":"host.down","host":"hamburger.edu","t":250,"seq":0}',
      '{"kind":"host.down","host":"hamburger.edu","t":250,"seq":1}',
    ]);
  });

  it('refuses an event built with slots once it has been stamped', () => {
    const kernel = new Kernel(1);
    const event: EmittedEvent = { kind: 'host.up', host: 'hamburger.edu', t: 0, seq: UNSTAMPED };
    kernel.emit(event);
    expect(() => kernel.emit(event)).toThrow(/host\.up event object was emitted before/);
    expect(kernel.trace).toHaveLength(1);
  });
});
