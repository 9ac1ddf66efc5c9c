import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import { messagePlaces, type MessageWhere } from '../../../src/sim/messagePlaces.ts';
import { Session } from '../../../src/sim/session.ts';
import type { TraceEvent } from '../../../src/sim/trace.ts';

function traceOf(name: string): readonly TraceEvent[] {
  const scenario = builtinScenario(name);
  if (scenario === undefined) throw new Error(`${name} is missing`);
  const session = new Session(scenario);
  session.runUntilQuiet(7 * 86_400_000);
  return session.events;
}

const firstSeq = (trace: readonly TraceEvent[], kind: TraceEvent['kind']): number =>
  trace.findIndex((e) => e.kind === kind);

// What a sentence in the table would say of a copy: its recipient and the kind and host of its place.
const where = (copies: readonly MessageWhere[]) =>
  copies.map((c) => `${c.recipient} ${c.place.kind} ${c.place.host}`);

describe('messagePlaces', () => {
  const textbook = traceOf('textbook');

  it('knows of no message before anything is sent', () => {
    expect(messagePlaces(textbook, -1)).toEqual([]);
    expect(messagePlaces(textbook, firstSeq(textbook, 'ua.submitted') - 1)).toEqual([]);
  });

  it('follows Alice’s message from her PC through crepes.fr’s queue into Bob’s mailbox', () => {
    const submitted = firstSeq(textbook, 'ua.submitted');
    expect(where(messagePlaces(textbook, submitted))).toEqual(['bob@hamburger.edu sending alice-pc']);
    const [sent] = messagePlaces(textbook, submitted);
    expect(sent?.subject).not.toBe('');
    expect(sent?.from).toContain('alice@crepes.fr');
    expect(where(messagePlaces(textbook, firstSeq(textbook, 'queue.enqueued')))).toEqual([
      'bob@hamburger.edu queued crepes.fr',
    ]);
    const stored = firstSeq(textbook, 'mailbox.stored');
    const [inBox] = messagePlaces(textbook, stored);
    expect(inBox?.place).toEqual({
      kind: 'mailbox',
      host: 'hamburger.edu',
      user: 'bob',
      folder: 'INBOX',
      uid: 1,
    });
    expect(inBox?.seq).toBe(stored);
    // crepes.fr hears its 250 after hamburger.edu stored the message: that does not pull the message back.
    expect(firstSeq(textbook, 'queue.delivered')).toBeGreaterThan(stored);
    expect(where(messagePlaces(textbook, textbook.length - 1))).toEqual([
      'bob@hamburger.edu mailbox hamburger.edu',
    ]);
  });

  it('tells each recipient of one message apart: stored, deferred with its next try, and bounced', () => {
    const mixed = traceOf('mixed');
    const deferred = mixed.findIndex((e) => e.kind === 'queue.deferred');
    const atDeferral = messagePlaces(mixed, deferred);
    const carol = atDeferral.find((c) => c.recipient === 'carol@bratwurst.de');
    expect(carol?.place).toMatchObject({
      kind: 'queued',
      host: 'crepes.fr',
      status: 'deferred',
      attempts: 1,
    });
    expect(carol?.place.kind === 'queued' && carol.place.nextAttemptAt).toBeGreaterThan(
      mixed[deferred]?.t ?? 0,
    );
    const end = messagePlaces(mixed, mixed.length - 1);
    const sent = end.filter((c) => c.subject === carol?.subject);
    expect(where(sent)).toEqual([
      'bob@hamburger.edu mailbox hamburger.edu',
      'carol@bratwurst.de mailbox bratwurst.de',
      'dave@nowhere.example bounced crepes.fr',
    ]);
    // The bounce is a message of its own, in Alice's mailbox.
    expect(where(end.filter((c) => c.subject !== carol?.subject))).toEqual([
      'alice@crepes.fr mailbox crepes.fr',
    ]);
  });

  it('says a message stayed with the user agent when it could not hand it over', () => {
    const direct = traceOf('direct');
    expect(where(messagePlaces(direct, direct.length - 1))).toEqual(['bob@hamburger.edu failed alice-pc']);
  });

  it('marks who downloaded a copy, and that POP3 deleted it from the server', () => {
    const trace = traceOf('pop3-delete');
    const end = messagePlaces(trace, trace.length - 1);
    expect(end).toHaveLength(1);
    expect(end[0]?.place).toEqual({ kind: 'deleted', host: 'hamburger.edu', user: 'bob' });
    expect(end[0]?.readers).toEqual(['bob-pc']);
  });
});
