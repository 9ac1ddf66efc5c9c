// Whole worlds record what they know when they know it: each connection once when it opens, each reply with the
// command it answers, each accepted message with its envelope, each fault's reply by its catalogue id.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { isKind, type EventOf, type TraceEvent } from '../../../src/sim/trace.ts';
import { run, scenario } from './mailWorld.ts';

function withFaults(s: Scenario, faults: Scenario['faults']): Scenario {
  return { ...s, faults: [...s.faults, ...faults] };
}

function lines(trace: readonly TraceEvent[], conn: string): EventOf<'app.line'>[] {
  return trace.filter(isKind('app.line')).filter((e) => e.conn === conn);
}

describe('facts in the textbook world', () => {
  const trace = run(scenario('textbook'));

  it('describes each connection once, before its first segment, naming who opened it', () => {
    const opened = trace.filter(isKind('conn.opened'));
    expect(opened.map((e) => `${e.client} > ${e.server}:${e.port} ${e.protocol}`)).toEqual([
      'alice-pc > crepes.fr:25 smtp',
      'crepes.fr > hamburger.edu:25 smtp',
    ]);
    for (const e of opened) {
      const first = trace.find((s) => s.kind === 'tcp.segment' && s.conn === e.conn);
      expect(first?.kind === 'tcp.segment' && first.flags).toEqual(['SYN']);
      expect(first!.seq).toBeGreaterThan(e.seq);
      expect(first?.kind === 'tcp.segment' && first.from.host).toBe(e.client);
    }
  });

  it('gives every reply its code and catalogue id, and every reply but the greeting the verb it answers', () => {
    const replies = trace.filter(isKind('app.line')).filter((e) => e.from === 'server');
    expect(replies.length).toBeGreaterThan(10);
    for (const e of replies) {
      expect(e.code, e.line).toBe(Number(e.line.slice(0, 3)));
      expect(e.reply, e.line).toMatch(/^smtp\./);
      if (e.reply === 'smtp.greeting') expect(e.answers).toBeUndefined();
      else expect(e.answers, e.line).toBeDefined();
    }
  });

  it('says what each client line is: a command with its verb, or message text', () => {
    for (const e of trace.filter(isKind('app.line')).filter((l) => l.from === 'client'))
      expect(e.verb ?? e.content, e.line).toBeDefined();
  });

  it('records the envelope each server accepted, and the stored message names the same queue id', () => {
    const accepted = trace.filter(isKind('smtp.accepted'));
    expect(accepted.map((e) => [e.host, e.from, e.recipients])).toEqual([
      ['crepes.fr', 'alice@crepes.fr', ['bob@hamburger.edu']],
      ['hamburger.edu', 'alice@crepes.fr', ['bob@hamburger.edu']],
    ]);
    const stored = trace.find(isKind('mailbox.stored'));
    expect(stored?.queueId).toBe(accepted[1]?.queueId);
    expect(accepted[0]?.messageId).toBe(accepted[1]?.messageId);
  });
});

describe('facts of a teacher’s faults', () => {
  it('answers RCPT with the catalogued 450 and defers the message', () => {
    const trace = run(
      withFaults(scenario('textbook'), [
        { at: 0, fault: { type: 'smtp.reply', host: 'hamburger.edu', stage: 'rcpt', code: 450, every: 1 } },
      ]),
      600_000,
    );
    const refused = trace.filter(isKind('app.line')).find((e) => e.code === 450);
    expect(refused).toMatchObject({
      reply: 'smtp.fault.mailboxBusy',
      answers: 'RCPT',
      host: 'hamburger.edu',
    });
    expect(trace.some((e) => e.kind === 'queue.deferred')).toBe(true);
  });

  it('keeps the message but never sends the 250 when the final reply is lost, so the retry duplicates it', () => {
    const trace = run(
      withFaults(scenario('textbook'), [
        { at: 0, fault: { type: 'smtp.dropFinalReply', host: 'hamburger.edu', count: 1 } },
      ]),
      3_600_000,
    );
    const [first, second] = trace.filter(isKind('smtp.accepted')).filter((e) => e.host === 'hamburger.edu');
    expect(first && second).toBeTruthy();
    expect(lines(trace, first!.conn).some((e) => e.from === 'server' && e.answers === '.')).toBe(false);
    expect(lines(trace, second!.conn).find((e) => e.answers === '.')?.reply).toBe('smtp.data.accepted');
    expect(trace.filter(isKind('mailbox.stored')).filter((e) => e.user === 'bob')).toHaveLength(2);
  });
});
