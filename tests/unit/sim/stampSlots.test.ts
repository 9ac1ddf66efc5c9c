// The most frequent kinds of event reach the kernel with their stamp's slots already in them (see Emitted), which
// keeps t and seq inside each object instead of in a property array beside it: about 24 B an event (issue 12).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNSTAMPED } from '../../../src/net/netEvents.ts';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import { Kernel } from '../../../src/sim/kernel.ts';
import { Session } from '../../../src/sim/session.ts';
import type { EmittedEvent } from '../../../src/sim/trace.ts';

const SLOTTED_KINDS = [
  'tcp.segment',
  'tcp.arrived',
  'tcp.dropped',
  'tcp.state',
  'session.state',
  'queue.deferred',
  'app.line',
] as const;

// What each emitted object looked like as it was handed over, before the kernel stamped it.
function handedOver(scenarioName: string): { kind: string; slotted: boolean }[] {
  const seen: { kind: string; slotted: boolean }[] = [];
  const emit = Kernel.prototype.emit;
  vi.spyOn(Kernel.prototype, 'emit').mockImplementation(function (this: Kernel, event: EmittedEvent) {
    seen.push({
      kind: event.kind,
      slotted: Object.keys(event).slice(-2).join() === 't,seq' && event.seq === UNSTAMPED,
    });
    emit.call(this, event);
  });
  const scenario = builtinScenario(scenarioName);
  if (!scenario) throw new Error(`no built-in scenario ${scenarioName}`);
  new Session(scenario).runUntilQuiet(7 * 86_400_000);
  return seen;
}

describe('the events the network and the protocol sessions emit', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(['mixed', 'pop3-keep'])(
    'come with their stamp slots last in %s, for every frequent kind',
    (name) => {
      const seen = handedOver(name);
      for (const kind of SLOTTED_KINDS.filter((k) => k !== 'queue.deferred' && k !== 'tcp.dropped'))
        expect(seen.some((e) => e.kind === kind)).toBe(true);
      const bare = seen.filter((e) => (SLOTTED_KINDS as readonly string[]).includes(e.kind) && !e.slotted);
      expect(bare).toEqual([]);
    },
  );

  it('are told apart from events that came without slots', () => {
    const seen = handedOver('mixed');
    // sim.start and conn.opened are emitted without slots: the check above would see it if a frequent kind were.
    expect(seen.find((e) => e.kind === 'sim.start')?.slotted).toBe(false);
    expect(seen.find((e) => e.kind === 'conn.opened')?.slotted).toBe(false);
  });
});
