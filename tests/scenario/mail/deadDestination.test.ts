// A queue that behaves like Postfix's towards a destination it cannot reach: after a connection to bob's server
// times out, later mail for it waits without a new lookup or SYN sequence until the destination is tried again,
// a teacher's flush tries it at once, and one answer brings it back to life.
import { describe, expect, it } from 'vitest';
import type { Input } from '../../../src/sim/input.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import { at, run, scenario } from './mailWorld.ts';

const MINUTE = 60_000;

function letter(subject: string): Input {
  return { type: 'mail.send', host: 'alice-pc', to: ['bob@hamburger.edu'], subject, body: 'Crepes?' };
}

/** outage is the outage scenario with the inputs given instead of its own. */
function outage(inputs: Scenario['inputs'], until = 3 * 60 * MINUTE): Scenario {
  return { ...scenario('outage'), inputs, until };
}

function synsTo(trace: readonly TraceEvent[], host: string): number[] {
  return trace
    .filter(isKind('tcp.segment'))
    .filter((s) => s.to.host === host && s.flags.join() === 'SYN' && !s.retransmission)
    .map((s) => s.t);
}

describe('a destination that would not take a connection', () => {
  const trace = run(outage([at(1000, letter('Lunch')), at(5 * MINUTE, letter('Dinner'))]));
  const deferrals = trace.filter(isKind('queue.deferred'));

  it('suspends later mail for it without a lookup or a SYN, giving the connect failure as the reason', () => {
    const dinner = deferrals.find((d) => d.t >= 5 * MINUTE);
    expect(dinner?.reason).toBe(
      'delivery temporarily suspended: connect to hamburger.edu[192.0.2.14]:25: Connection timed out',
    );
    const afterDinner = trace.filter((e) => e.t >= 5 * MINUTE && e.t < 30 * MINUTE);
    expect(afterDinner.filter(isKind('dns.query')).filter((q) => q.name === 'hamburger.edu')).toEqual([]);
    expect(synsTo(afterDinner, 'hamburger.edu')).toEqual([]);
  });

  it('is tried again at the next retry of the message that found it dead, one SYN sequence each time', () => {
    // Lunch, which found it dead at its first try, probes it every 30 minutes and gets through at 2 h, when it is
    // back; Dinner, suspended at each of its own tries until then, goes at its next one. Without the suspension
    // Dinner would add a SYN sequence at 5, 35, 65 and 95 minutes.
    const syns = synsTo(trace, 'hamburger.edu').map((t) => Math.floor(t / MINUTE));
    expect(syns).toEqual([0, 30, 60, 90, 120, 125]);
  });

  it('delivers both letters once it is back, each once', () => {
    const stored = trace.filter(isKind('mailbox.stored')).filter((s) => s.host === 'hamburger.edu');
    expect(stored).toHaveLength(2);
  });
});

describe('a teacher’s flush', () => {
  it('revives a dead destination: the flushed message is tried at once, with a new SYN', () => {
    const trace = run(
      outage([
        at(1000, letter('Lunch')),
        at(5 * MINUTE, { type: 'fault', fault: { type: 'queue.flush', host: 'crepes.fr' } }),
      ]),
    );
    // The MX and A records come from the resolver's cache, so the SYN leaves at the moment of the flush.
    expect(synsTo(trace, 'hamburger.edu').filter((t) => t >= 5 * MINUTE)[0]).toBe(5 * MINUTE);
  });
});

describe('a destination that answers with an error', () => {
  it('is not dead: a 4xx reply still lets the next message try', () => {
    const s = outage([
      at(1000, {
        type: 'fault',
        fault: { type: 'smtp.reply', host: 'hamburger.edu', stage: 'rcpt', code: 450 },
      }),
      at(2000, letter('Lunch')),
      at(5 * MINUTE, letter('Dinner')),
    ]);
    const trace = run({ ...s, faults: [] });
    const reasons = trace.filter(isKind('queue.deferred')).map((d) => d.reason);
    expect(reasons.some((r) => r.startsWith('delivery temporarily suspended'))).toBe(false);
    expect(synsTo(trace, 'hamburger.edu').filter((t) => t >= 5 * MINUTE).length).toBeGreaterThan(0);
  });
});
