// The world the random-fault properties run in, how a drawn fault becomes inputs, and the one rule about duplicate
// copies they share: the mixed scenario's mail servers with a short retry policy (the invariants are the same over
// five days), outages of hosts and links, forced SMTP replies, and a second copy only after a lost final reply.
import type { InterposeStage } from '../../src/protocols/smtp/backend.ts';
import { builtinScenario } from '../../src/sim/builtinScenarios.ts';
import type { Fault, TimedInput } from '../../src/sim/input.ts';
import { MAY_BE_DUPLICATED } from '../../src/sim/mail/smtpDelivery.ts';
import type { Scenario } from '../../src/sim/scenario.ts';
import { isKind, type TraceEvent } from '../../src/sim/trace.ts';

export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** SHORT_RETRY retries every 10 minutes, warns after an hour and gives up after four, so each run stays small. */
export const SHORT_RETRY = {
  policy: 'fixed' as const,
  interval: 10 * MIN,
  warnAfter: HOUR,
  giveUpAfter: 4 * HOUR,
};

/** shortRetryWorld is the mixed scenario (crepes.fr, hamburger.edu, bratwurst.de) with SHORT_RETRY and no events. */
export function shortRetryWorld(): Scenario {
  const mixed = builtinScenario('mixed');
  if (!mixed) throw new Error('mixed is missing');
  return {
    ...mixed,
    faults: [],
    inputs: [],
    hosts: mixed.hosts.map((h) => (h.mail ? { ...h, mail: { ...h.mail, retry: SHORT_RETRY } } : h)),
  };
}

/** Outage is a host or a link (by its id) down from `from` for `length` ms. */
export interface Outage {
  readonly target: { readonly kind: 'host' | 'link'; readonly name: string };
  readonly from: number;
  readonly length: number;
}

/** ForcedReply is a teacher forcing `code` at `stage` on `host` (every n-th time) from `from` for `length` ms. */
export interface ForcedReply {
  readonly host: string;
  readonly stage: InterposeStage;
  readonly code: number;
  readonly every: number;
  readonly from: number;
  readonly length: number;
}

function fault(at: number, f: Fault): TimedInput {
  return { at, input: { type: 'fault', fault: f } };
}

/** outageInputs takes the target down, then brings it up again. */
export function outageInputs(o: Outage): TimedInput[] {
  const { kind, name } = o.target;
  return kind === 'host'
    ? [
        fault(o.from, { type: 'host.down', host: name }),
        fault(o.from + o.length, { type: 'host.up', host: name }),
      ]
    : [
        fault(o.from, { type: 'link.down', link: name }),
        fault(o.from + o.length, { type: 'link.up', link: name }),
      ];
}

/** forcedReplyInputs forces the reply, then lets the server answer normally again. */
export function forcedReplyInputs(f: ForcedReply): TimedInput[] {
  return [
    fault(f.from, { type: 'smtp.reply', host: f.host, stage: f.stage, code: f.code, every: f.every }),
    fault(f.from + f.length, { type: 'smtp.normal', host: f.host }),
  ];
}

/** messageIdOf reads a stored message's Message-ID field, or '' when it has none. */
export function messageIdOf(raw: string): string {
  return /\r\nMessage-ID: (<[^>]+>)/i.exec(`\r\n${raw}`)?.[1] ?? '';
}

/**
 * duplicateProblem names a mailbox holding a message twice when no reply after its final "." was lost, or returns
 * null: a second copy is what RFC 5321 §6.1 accepts for a lost reply, and nothing else.
 */
export function duplicateProblem(trace: readonly TraceEvent[]): string | null {
  const enqueued = trace.filter(isKind('queue.enqueued'));
  const counts = new Map<string, number>();
  for (const s of trace.filter(isKind('mailbox.stored'))) {
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
    if (!lostReply) return `duplicate ${key} without a lost final reply`;
  }
  return null;
}
