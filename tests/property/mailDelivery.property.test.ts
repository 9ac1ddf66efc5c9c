import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimedInput } from '../../src/sim/input.ts';
import { Session } from '../../src/sim/session.ts';
import { isKind, type TraceEvent } from '../../src/sim/trace.ts';
import {
  duplicateProblem,
  forcedReplyInputs,
  HOUR,
  messageIdOf,
  MIN,
  outageInputs,
  SHORT_RETRY as RETRY,
  shortRetryWorld,
  type ForcedReply,
  type Outage,
} from '../support/faultWorld.ts';
// The longest a single attempt can take: SMTP's own timeouts (RFC 5321 §4.5.3.2) dwarf TCP's.
const ATTEMPT_SLACK = 15 * MIN;

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
  expect(duplicateProblem(trace)).toBeNull();
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
            const faults = [
              ...outages.flatMap((o: Outage) => outageInputs(o)),
              ...soft.flatMap((f: ForcedReply) => forcedReplyInputs(f)),
            ];
            const session = new Session({ ...shortRetryWorld(), seed }, [...sends, ...faults]);
            session.runUntilQuiet(48 * HOUR);
            checkInvariants(session.events);
          },
        ),
        { numRuns: 25 },
      );
    },
  );
});
