// Random fault schedules as a property: over a world of five mail domains, hosts go down and up, links drop, a
// teacher forces 4xx and 5xx replies and loses replies to the final ".". Whenever the run is cut off, every accepted
// message is delivered exactly once, bounced to its sender, or still queued with a reason for each recipient; a
// mailbox holds two copies only where a final reply was lost (RFC 5321 §6.1).
import fc from 'fast-check';
import type { TimedInput } from '../../../src/sim/input.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import {
  duplicateProblem,
  forcedReplyInputs,
  HOUR,
  MIN,
  outageInputs,
  SHORT_RETRY,
  shortRetryWorld,
} from '../faultWorld.ts';

/** FIVE_DOMAINS are the world's mail domains: the mixed scenario's three and two more like bratwurst.de. */
export const FIVE_DOMAINS = ['crepes.fr', 'hamburger.edu', 'bratwurst.de', 'sushi.jp', 'tacos.mx'] as const;

/** fiveDomainWorld is the short-retry mixed world with sushi.jp and tacos.mx added, each with a user, an MX and a link. */
export function fiveDomainWorld(): Scenario {
  const mixed = shortRetryWorld();
  const bratwurst = mixed.hosts.find((h) => h.id === 'bratwurst.de');
  const link = mixed.links.find((l) => l.between.includes('bratwurst.de'));
  const mx = mixed.dns.records.find((r) => r.name === 'bratwurst.de');
  if (!bratwurst?.mail || !link || !mx) throw new Error('mixed no longer has bratwurst.de as expected');
  const extra = [
    { id: 'sushi.jp', user: 'dan', address: '10.0.0.41' },
    { id: 'tacos.mx', user: 'eve', address: '10.0.0.42' },
  ];
  return {
    ...mixed,
    hosts: [
      ...mixed.hosts,
      ...extra.map((e) => ({
        ...bratwurst,
        id: e.id,
        address: e.address,
        mail: {
          ...bratwurst.mail!,
          domains: [e.id],
          retry: SHORT_RETRY,
          users: [{ name: e.user, password: 'pw' }],
        },
      })),
    ],
    links: [
      ...mixed.links,
      ...extra.map((e) => ({
        ...link,
        id: `internet--${e.id}`,
        between: ['internet', e.id] as [string, string],
      })),
    ],
    dns: {
      ...mixed.dns,
      records: [
        ...mixed.dns.records,
        ...extra.flatMap((e) => [
          { ...mx, name: e.id, exchange: e.id },
          ...mixed.dns.records
            .filter((r) => r.type === 'A' && r.name === 'bratwurst.de')
            .map((r) => ({ ...r, name: e.id, address: e.address })),
        ]),
      ],
    },
  };
}

const RECIPIENTS = [
  'bob@hamburger.edu',
  'carol@bratwurst.de',
  'dan@sushi.jp',
  'eve@tacos.mx',
  'nobody@hamburger.edu',
  'alice@crepes.fr',
];
const MAIL_HOSTS = FIVE_DOMAINS.filter((d) => d !== 'crepes.fr');
const HOSTS = [...FIVE_DOMAINS, 'ns.example'];

const outage = fc.record({
  target: fc.oneof(
    fc.constantFrom(...HOSTS).map((name) => ({ kind: 'host' as const, name })),
    fc.constantFrom(...FIVE_DOMAINS).map((d) => ({
      kind: 'link' as const,
      name: d === 'crepes.fr' ? 'crepes.fr--internet' : `internet--${d}`,
    })),
  ),
  from: fc.integer({ min: 0, max: 3 * HOUR }),
  length: fc.integer({ min: 1000, max: 5 * HOUR }),
});

const forced = fc.record({
  host: fc.constantFrom(...MAIL_HOSTS),
  stage: fc.constantFrom('greeting', 'helo', 'mail', 'rcpt', 'data', 'data-end'),
  code: fc.constantFrom(421, 450, 451, 452, 550, 552, 554),
  every: fc.integer({ min: 1, max: 4 }),
  from: fc.integer({ min: 0, max: 3 * HOUR }),
  length: fc.integer({ min: MIN, max: 3 * HOUR }),
});

const lostReply = fc.record({
  host: fc.constantFrom(...MAIL_HOSTS),
  at: fc.integer({ min: 0, max: 2 * HOUR }),
  count: fc.integer({ min: 1, max: 2 }),
});

const message = fc.record({
  at: fc.integer({ min: 0, max: 2 * HOUR }),
  to: fc.subarray(RECIPIENTS, { minLength: 1 }),
});

/** schedule is one random world run: messages, outages, forced replies, lost final replies and a cut-off time. */
export const schedule = fc.record({
  messages: fc.array(message, { minLength: 1, maxLength: 4 }),
  outages: fc.array(outage, { maxLength: 4 }),
  forced: fc.array(forced, { maxLength: 2 }),
  lost: fc.array(lostReply, { maxLength: 2 }),
  until: fc.integer({ min: 10 * MIN, max: 12 * HOUR }),
  seed: fc.integer({ min: 1, max: 1000 }),
});

/** Schedule is one value of `schedule`. */
export type Schedule = typeof schedule extends fc.Arbitrary<infer T> ? T : never;

function inputsOf(s: Schedule): TimedInput[] {
  return [
    ...s.messages.map((m) => ({
      at: m.at,
      input: { type: 'mail.send' as const, host: 'alice-pc', to: m.to, subject: 'Property', body: 'x' },
    })),
    ...s.outages.flatMap(outageInputs),
    ...s.forced.flatMap(forcedReplyInputs),
    ...s.lost.map((l) => ({
      at: l.at,
      input: {
        type: 'fault' as const,
        fault: { type: 'smtp.dropFinalReply' as const, host: l.host, count: l.count },
      },
    })),
  ];
}

/** fatesProblem says what breaks the property in a trace, or null when every message is accounted for. */
export function fatesProblem(trace: readonly TraceEvent[]): string | null {
  const enqueued = trace.filter(isKind('queue.enqueued'));
  const stored = trace.filter(isKind('mailbox.stored'));
  for (const entry of enqueued) {
    for (const recipient of entry.recipients) {
      const mine = (e: TraceEvent) =>
        'queueId' in e && e.queueId === entry.queueId && 'host' in e && e.host === entry.host;
      const finals = trace.filter(
        (e) =>
          (e.kind === 'queue.delivered' || e.kind === 'queue.bounced') &&
          mine(e) &&
          e.recipient === recipient,
      );
      if (finals.length > 1) return `${entry.queueId} → ${recipient} ended ${finals.length} times`;
      const fate = finals[0];
      if (fate === undefined) {
        // Still queued: the last word on this recipient must be a deferral that says why.
        const deferrals = trace
          .filter(isKind('queue.deferred'))
          .filter((e) => mine(e) && e.recipient === recipient);
        const last = deferrals.at(-1);
        const attempts = trace.filter(isKind('queue.attempt')).filter(mine);
        const removed = trace.filter(isKind('queue.removed')).some(mine);
        if (removed) return `${entry.queueId} → ${recipient} left the queue without a fate`;
        if (last !== undefined && last.reason.trim() === '')
          return `${entry.queueId} → ${recipient} deferred without a reason`;
        if (
          last === undefined &&
          attempts.length > 0 &&
          trace.at(-1)!.t - (attempts.at(-1)?.t ?? 0) > 15 * MIN
        )
          return `${entry.queueId} → ${recipient} still queued long after an attempt, with no reason`;
        continue;
      }
      if (fate.kind === 'queue.bounced' && entry.from !== '') {
        // The bounce reaches the sender: a notice in alice's mailbox that quotes the message's id.
        const notice = stored.some(
          (s) => s.t >= fate.t && s.user === 'alice' && s.raw.includes(entry.messageId),
        );
        const senderQueued = enqueued.some(
          (e) => e.from === '' && e.t >= fate.t && e.raw.includes(entry.messageId),
        );
        if (!notice && !senderQueued)
          return `${entry.queueId} → ${recipient} bounced, but no notice reached ${entry.from}`;
      }
    }
  }
  return duplicateProblem(trace);
}

/** runSchedule plays one schedule to its cut-off time and returns the trace. */
export function runSchedule(s: Schedule): readonly TraceEvent[] {
  const session = new Session({ ...fiveDomainWorld(), seed: s.seed }, inputsOf(s));
  session.runUntilQuiet(s.until);
  return session.events;
}

/** checkFaultSchedules runs `numRuns` random schedules from `seed` and throws fast-check's report on a failure. */
export function checkFaultSchedules(numRuns: number, seed?: number): void {
  fc.assert(
    fc.property(schedule, (s) => {
      const problem = fatesProblem(runSchedule(s));
      if (problem !== null) throw new Error(problem);
    }),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
}
