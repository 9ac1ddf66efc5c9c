// The life of a fault in the input log: what it acts on, how long it stays in force (its `for`, or until a later
// input undoes it), and how a new setting of a link takes over from the earlier one instead of piling up.
import type { Fault, TimedInput } from './input.ts';

/** LastingFault is a fault that stays in force once injected, so it can carry a `for` and be ended. */
export type LastingFault = Extract<Fault, { for?: number }>;

const LASTING: ReadonlySet<Fault['type']> = new Set([
  'host.down',
  'service.down',
  'smtp.reply',
  'pop3.reply',
  'imap.reply',
  'link.down',
  'link.set',
]);

/** isLasting tells a fault that stays in force (a host down, a forced reply) from one that acts once (a flush). */
export function isLasting(fault: Fault): fault is LastingFault {
  return LASTING.has(fault.type);
}

/**
 * faultTarget names what a fault acts on, so that a later fault on the same thing can take over from it: a
 * host's power, a link's cable, a link's conditions, a server's SMTP service. Reply faults pile up by design
 * (one per stage or command) and name nothing.
 */
export function faultTarget(fault: Fault): string | null {
  switch (fault.type) {
    case 'host.down':
    case 'host.up':
      return `host ${fault.host}`;
    case 'service.down':
    case 'service.up':
      return `smtp ${fault.host}`;
    case 'link.down':
    case 'link.up':
      return `link ${fault.link}`;
    case 'link.set':
      return `conditions ${fault.link}`;
    default:
      return null;
  }
}

/** undoes tells whether fault `later` ends fault `earlier`: bringing up what was down, back to normal, a newer link setting. */
export function undoes(later: Fault, earlier: Fault): boolean {
  switch (earlier.type) {
    case 'host.down':
      return later.type === 'host.up' && later.host === earlier.host;
    case 'service.down':
      return later.type === 'service.up' && later.host === earlier.host;
    case 'link.down':
      return later.type === 'link.up' && later.link === earlier.link;
    case 'link.set':
      return later.type === 'link.set' && later.link === earlier.link;
    case 'smtp.reply':
      return later.type === 'smtp.normal' && later.host === earlier.host;
    case 'pop3.reply':
      return later.type === 'pop3.normal' && later.host === earlier.host;
    case 'imap.reply':
      return later.type === 'imap.normal' && later.host === earlier.host;
    default:
      return false;
  }
}

/**
 * FaultSpan is one fault of the input log and when it is in force: from `from` until `to` (null: to the end
 * of the story). `endedBy` says what ends it: its own `for`, a later input that undoes it, or nothing yet.
 * A fault that acts once has `to` equal to `from`.
 */
export interface FaultSpan {
  readonly entry: TimedInput;
  readonly fault: Fault;
  readonly from: number;
  readonly to: number | null;
  readonly endedBy: 'time' | 'input' | 'once' | null;
}

/** faultSpans lists the faults of an input log in time order, each with the stretch it is in force. */
export function faultSpans(inputs: readonly TimedInput[]): FaultSpan[] {
  const faults = inputs
    .flatMap((entry) => (entry.input.type === 'fault' ? [{ entry, fault: entry.input.fault }] : []))
    .sort((a, b) => a.entry.at - b.entry.at);
  return faults.map(({ entry, fault }, i) => {
    const from = entry.at;
    if (!isLasting(fault)) return { entry, fault, from, to: from, endedBy: 'once' };
    const byTime = fault.for === undefined ? null : from + fault.for;
    const undoing = faults.slice(i + 1).find((later) => undoes(later.fault, fault));
    const byInput = undoing?.entry.at ?? null;
    if (byInput !== null && (byTime === null || byInput < byTime))
      return { entry, fault, from, to: byInput, endedBy: 'input' };
    return { entry, fault, from, to: byTime, endedBy: byTime === null ? null : 'time' };
  });
}

/** FaultPhase is where a fault stands at a moment: not yet injected, in force, or over. */
export type FaultPhase = 'upcoming' | 'on' | 'over';

/** faultPhase is where `span` stands at virtual time `t`. */
export function faultPhase(span: FaultSpan, t: number): FaultPhase {
  if (t < span.from) return 'upcoming';
  if (span.endedBy === 'once' || (span.to !== null && t >= span.to)) return 'over';
  return 'on';
}

/** LinkBaseline is how a scenario says a link behaves, which a link setting equal to it merely restores. */
export interface LinkBaseline {
  readonly latency: number;
  readonly jitter: number;
  readonly loss: number;
}

/**
 * withLinkSetting adds a link setting to an input log so that it takes over from the earlier ones still in
 * force on that link instead of piling up: an earlier setting made at the same moment is replaced, one made
 * before is given its end here (its `for`), and a setting equal to the scenario's own is not added at all,
 * since ending the earlier one already restores it. Other inputs are left as they are, in their order.
 */
export function withLinkSetting(
  inputs: readonly TimedInput[],
  added: TimedInput & { input: { type: 'fault'; fault: Extract<Fault, { type: 'link.set' }> } },
  baseline: LinkBaseline,
): TimedInput[] {
  const setting = added.input.fault;
  const inForce = new Set(
    faultSpans(inputs)
      .filter(
        (s) =>
          s.fault.type === 'link.set' &&
          s.fault.link === setting.link &&
          s.from <= added.at &&
          (s.to === null || s.to > added.at),
      )
      .map((s) => s.entry),
  );
  const kept = inputs.flatMap((entry): TimedInput[] => {
    const fault = entry.input.type === 'fault' ? entry.input.fault : null;
    if (!inForce.has(entry) || fault?.type !== 'link.set') return [entry];
    if (entry.at >= added.at) return [];
    return [{ at: entry.at, input: { type: 'fault', fault: { ...fault, for: added.at - entry.at } } }];
  });
  const restores =
    (setting.latency ?? baseline.latency) === baseline.latency &&
    (setting.jitter ?? baseline.jitter) === baseline.jitter &&
    (setting.loss ?? baseline.loss) === baseline.loss;
  return restores ? kept : [...kept, added];
}

/**
 * endedAt gives a lasting fault's entry its end at virtual time `t` (its `for`); a fault not yet in force at
 * `t` has no life to end and is null, so the caller removes it instead.
 */
export function endedAt(entry: TimedInput, t: number): TimedInput | null {
  const fault = entry.input.type === 'fault' ? entry.input.fault : null;
  if (fault === null || !isLasting(fault) || t <= entry.at) return null;
  return { at: entry.at, input: { type: 'fault', fault: { ...fault, for: t - entry.at } } };
}
