import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/sim/builtinScenarios.ts';
import { MAY_BE_DUPLICATED } from '../../src/sim/mail/smtpDelivery.ts';
import type { Fault, TimedInput } from '../../src/sim/input.ts';
import type { Scenario } from '../../src/sim/scenario.ts';
import { Session } from '../../src/sim/session.ts';
import { isKind, type TraceEvent } from '../../src/sim/trace.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
// A short policy keeps each run small; the invariant is the same for five days.
const RETRY = { policy: 'fixed' as const, interval: 10 * MIN, warnAfter: HOUR, giveUpAfter: 4 * HOUR };
// The longest a single attempt can take: SMTP's own timeouts (RFC 5321 §4.5.3.2) dwarf TCP's.
const ATTEMPT_SLACK = 15 * MIN;

function world(): Scenario {
  const mixed = builtinScenario('mixed');
  if (!mixed) throw new Error('mixed is missing');
  return {
    ...mixed,
    faults: [],
    inputs: [],
    hosts: mixed.hosts.map((h) => (h.mail ? { ...h, mail: { ...h.mail, retry: RETRY } } : h)),
  };
}

const RECIPIENTS = [
  'bob@hamburger.edu',
  'carol@bratwurst.de',
  'nobody@hamburger.edu',
  'dave@nowhere.example',
];
const FLAKY_HOSTS = ['hamburger.edu', 'bratwurst.de', 'ns.example', 'crepes.fr'];
const LINKS = ['internet--hamburger.edu', 'internet--bratwurst.de', 'crepes.fr--internet'];

const outage = fc.record({
  target: fc.oneof(
    fc.constantFrom(...FLAKY_HOSTS).map((host) => ({ kind: 'host' as const, name: host })),
    fc.constantFrom(...LINKS).map((link) => ({ kind: 'link' as const, name: link })),
  ),
  from: fc.integer({ min: 0, max: 3 * HOUR }),
  length: fc.integer({ min: 1000, max: 5 * HOUR }),
});

const softFailure = fc.record({
  host: fc.constantFrom('hamburger.edu', 'bratwurst.de'),
  stage: fc.constantFrom('greeting', 'helo', 'mail', 'rcpt', 'data', 'data-end'),
  code: fc.constantFrom(421, 450, 451, 452),
  every: fc.integer({ min: 1, max: 4 }),
  from: fc.integer({ min: 0, max: 3 * HOUR }),
  length: fc.integer({ min: MIN, max: 3 * HOUR }),
});

const message = fc.record({
  at: fc.integer({ min: 0, max: 2 * HOUR }),
  to: fc.subarray(RECIPIENTS, { minLength: 1 }),
});

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

function faultsOf(outages: ValueOf<typeof outage>[], soft: ValueOf<typeof softFailure>[]): TimedInput[] {
  const at = (t: number, fault: Fault): TimedInput => ({ at: t, input: { type: 'fault', fault } });
  const out: TimedInput[] = [];
  for (const o of outages) {
    if (o.target.kind === 'host') {
      out.push(at(o.from, { type: 'host.down', host: o.target.name }));
      out.push(at(o.from + o.length, { type: 'host.up', host: o.target.name }));
    } else {
      out.push(at(o.from, { type: 'link.down', link: o.target.name }));
      out.push(at(o.from + o.length, { type: 'link.up', link: o.target.name }));
    }
  }
  for (const s of soft) {
    out.push(at(s.from, { type: 'smtp.reply', host: s.host, stage: s.stage, code: s.code, every: s.every }));
    out.push(at(s.from + s.length, { type: 'smtp.normal', host: s.host }));
  }
  return out;
}

function messageIdOf(raw: string): string {
  return /\r\nMessage-ID: (<[^>]+>)/i.exec(`\r\n${raw}`)?.[1] ?? '';
}

/** downtime is how long `host` was down between `from` and `to`, read from its host.down and host.up events. */
function downtime(trace: readonly TraceEvent[], host: string, from: number, to: number): number {
  let total = 0;
  let downSince: number | null = null;
  for (const e of trace) {
    if (e.t > to) break;
    if (e.kind === 'host.down' && e.host === host) downSince = Math.max(e.t, from);
    if (e.kind === 'host.up' && e.host === host && downSince !== null) {
      total += Math.max(0, e.t - downSince);
      downSince = null;
    }
  }
  return downSince === null ? total : total + Math.max(0, to - downSince);
}

function checkInvariants(trace: readonly TraceEvent[]): void {
  const enqueued = trace.filter(isKind('queue.enqueued'));
  const finals = trace.filter((e) => e.kind === 'queue.delivered' || e.kind === 'queue.bounced');
  for (const entry of enqueued) {
    const mine = finals.filter((e) => 'queueId' in e && e.queueId === entry.queueId && e.host === entry.host);
    for (const recipient of entry.recipients) {
      const fates = mine.filter((e) => 'recipient' in e && e.recipient === recipient);
      // Every accepted message ends delivered to each recipient or bounced to the sender, exactly once.
      expect(fates, `${entry.queueId} → ${recipient}`).toHaveLength(1);
      // A queue acts only while its own host is up, so the time that host spent down does not count.
      const fateAt = fates[0]?.t ?? 0;
      expect(fateAt - entry.t - downtime(trace, entry.host, entry.t, fateAt)).toBeLessThanOrEqual(
        RETRY.giveUpAfter + RETRY.interval + ATTEMPT_SLACK,
      );
    }
    expect(trace.filter(isKind('queue.removed')).filter((e) => e.queueId === entry.queueId)).toHaveLength(1);
  }
  // Nothing vanishes: a delivery the queue reports is in the recipient's mailbox.
  const stored = trace.filter(isKind('mailbox.stored'));
  for (const delivered of trace.filter(isKind('queue.delivered'))) {
    const entry = enqueued.find((e) => e.queueId === delivered.queueId && e.host === delivered.host);
    const user = delivered.recipient.slice(0, delivered.recipient.indexOf('@'));
    const copies = stored.filter(
      (s) => s.host === delivered.remote && s.user === user && messageIdOf(s.raw) === entry?.messageId,
    );
    expect(copies.length, `${delivered.recipient} has ${entry?.messageId}`).toBeGreaterThanOrEqual(1);
  }
  // Duplicates only where a reply after the final "." was lost (RFC 5321 §6.1).
  const counts = new Map<string, number>();
  for (const s of stored) {
    const key = `${s.host}|${s.user}|${messageIdOf(s.raw)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, count] of counts) {
    if (count < 2) continue;
    const messageId = key.split('|')[2];
    const entries = enqueued.filter((e) => e.messageId === messageId).map((e) => e.queueId);
    const lostReply = trace
      .filter(isKind('queue.deferred'))
      .some((d) => entries.includes(d.queueId) && d.reason.endsWith(MAY_BE_DUPLICATED));
    expect(lostReply, `duplicate ${key} without a lost final reply`).toBe(true);
  }
}

describe('mail delivery under random faults', () => {
  // A generous test timeout: the 25 runs take several seconds on a loaded machine; the time bound itself is unchanged.
  it(
    'delivers or bounces every accepted message in time, loses none, and duplicates only after a lost reply',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(
          fc.array(message, { minLength: 1, maxLength: 4 }),
          fc.array(outage, { maxLength: 4 }),
          fc.array(softFailure, { maxLength: 2 }),
          fc.integer({ min: 1, max: 1000 }),
          (messages, outages, soft, seed) => {
            const sends: TimedInput[] = messages.map((m) => ({
              at: m.at,
              input: { type: 'mail.send', host: 'alice-pc', to: m.to, subject: 'Property', body: 'x' },
            }));
            const session = new Session({ ...world(), seed }, [...sends, ...faultsOf(outages, soft)]);
            session.runUntilQuiet(48 * HOUR);
            checkInvariants(session.trace);
          },
        ),
        { numRuns: 25 },
      );
    },
  );
});
