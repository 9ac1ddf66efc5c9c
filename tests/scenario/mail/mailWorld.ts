// Runs built-in mail scenarios and reads what happened off the trace, in the terms the tests assert on.
import { parseDeliveryStatusNotification } from '../../../src/protocols/message/deliveryStatus.ts';
import { parseMessage } from '../../../src/protocols/message/parseMessage.ts';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { Input, TimedInput } from '../../../src/sim/input.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';

export function scenario(name: string): Scenario {
  const s = builtinScenario(name);
  if (!s) throw new Error(`no built-in scenario ${name}`);
  return s;
}

/** run plays a scenario until nothing is left to do (or its `until`), and returns the trace. */
export function run(s: Scenario, limit = s.until ?? 3_600_000): readonly TraceEvent[] {
  const session = new Session(s);
  session.runUntilQuiet(limit);
  return session.events;
}

/** sentOnly is the pop3-delete world with Alice's message and nothing else scripted, so each test says what Bob does. */
export function sentOnly(): Scenario {
  const world = scenario('pop3-delete');
  return { ...world, inputs: world.inputs.filter((i) => i.input.type === 'mail.send') };
}

/** playSentOnly plays `sentOnly` with `inputs` added until nothing is left to do (or `limit`), and returns the trace. */
export function playSentOnly(inputs: readonly TimedInput[], limit = 30 * 60_000): readonly TraceEvent[] {
  const world = sentOnly();
  const session = new Session({ ...world, inputs: [...world.inputs, ...inputs] });
  session.runUntilQuiet(limit);
  return session.events;
}

/** at schedules `input` at `t` ms. */
export function at(t: number, input: Input): TimedInput {
  return { at: t, input };
}

/** typedOn gives, for `host`'s terminal, the input that types `text` there at `t` ms. */
export function typedOn(host: string): (t: number, text: string) => TimedInput {
  return (t, text) => at(t, { type: 'terminal.type', host, text });
}

/** queueStory lists queue events as `seconds kind recipient`, the shape the scenario tests compare. */
export function queueStory(trace: readonly TraceEvent[]): string[] {
  const out: string[] = [];
  for (const e of trace) {
    const at = `${(e.t / 1000).toFixed(3)}`;
    if (e.kind === 'queue.enqueued') out.push(`${at} enqueued ${e.recipients.join(',')}`);
    if (e.kind === 'queue.attempt') out.push(`${at} attempt ${e.attempt} ${e.domain}`);
    if (e.kind === 'queue.deferred')
      out.push(`${at} deferred ${e.recipient} until ${(e.nextAttemptAt / 1000).toFixed(3)}`);
    if (e.kind === 'queue.delivered') out.push(`${at} delivered ${e.recipient}`);
    if (e.kind === 'queue.warned') out.push(`${at} warned ${e.recipients.join(',')}`);
    if (e.kind === 'queue.bounced') out.push(`${at} bounced ${e.recipient} ${e.status}`);
    if (e.kind === 'queue.removed') out.push(`${at} removed`);
  }
  return out;
}

/** mailbox lists the raw messages stored for a user on a host, oldest first. */
export function mailbox(trace: readonly TraceEvent[], host: string, user: string): string[] {
  return trace
    .filter(isKind('mailbox.stored'))
    .filter((e) => e.host === host && e.user === user)
    .map((e) => e.raw);
}

/** notices parses every delivery status notification in a mailbox. */
export function notices(raws: readonly string[]) {
  return raws.map((raw) => parseDeliveryStatusNotification(raw)).filter((n) => n !== null);
}

/** subjects reads the Subject of each message. */
export function subjects(raws: readonly string[]): string[] {
  return raws.map((raw) => parseMessage(raw).subject);
}
