// crepes.fr's queue with a connection cache, as Postfix's smtp(8) keeps one: a message for a destination whose
// connection is open goes on it (an RSET probe, then MAIL FROM) instead of a new handshake, greeting and HELO; a
// failed transaction is ended with RSET; an idle connection says QUIT after its idle time, an old one after its
// transaction. Off by default, so the built-in worlds still open one connection per message.
import { describe, expect, it } from 'vitest';
import { checkGoal, type Goal } from '../../../src/lessons/goals.ts';
import { formatLessonIssues } from '../../../src/lessons/lessonFormat.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';
import type { Fault, Input, TimedInput } from '../../../src/sim/input.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { isKind, type EventOf, type TraceEvent } from '../../../src/sim/trace.ts';
import { at, run, scenario } from './mailWorld.ts';

type CacheSetting = { idleTime: number; reuseTimeLimit: number } | null;

/** POSTFIX is what `"connectionCache": true` reads as: Postfix's 2 s idle and 300 s reuse limit. */
const POSTFIX: CacheSetting = { idleTime: 2_000, reuseTimeLimit: 300_000 };

/** textbook is the textbook world with crepes.fr's connection cache set as given, and these inputs. */
function textbook(cache: CacheSetting, inputs: readonly TimedInput[]): Scenario {
  const world = scenario('textbook');
  return {
    ...world,
    inputs: [...inputs],
    hosts: world.hosts.map((h) =>
      h.id === 'crepes.fr' && h.mail ? { ...h, mail: { ...h.mail, connectionCache: cache } } : h,
    ),
  };
}

function letter(t: number, subject: string): TimedInput {
  const input: Input = {
    type: 'mail.send',
    host: 'alice-pc',
    to: ['bob@hamburger.edu'],
    subject,
    body: 'Crepes?',
  };
  return at(t, input);
}

const fault = (t: number, f: Fault): TimedInput => at(t, { type: 'fault', fault: f });

/** Two letters half a second apart: the second reaches crepes.fr while the first is being delivered. */
const TWO = [letter(500, 'Lunch'), letter(1000, 'Dinner')];

function connectionsToBob(trace: readonly TraceEvent[]): EventOf<'conn.opened'>[] {
  return trace
    .filter(isKind('conn.opened'))
    .filter((c) => c.client === 'crepes.fr' && c.server === 'hamburger.edu' && c.port === 25);
}

/** verbs lists what crepes.fr's client said on `conn`, command by command. */
function verbs(trace: readonly TraceEvent[], conn: string): string[] {
  return trace
    .filter(isKind('app.line'))
    .filter((l) => l.conn === conn && l.from === 'client' && l.verb !== undefined && l.content !== 'data')
    .map((l) => l.verb ?? '');
}

/** replies lists the codes hamburger.edu answered on `conn`, each with the command it answers. */
function replies(trace: readonly TraceEvent[], conn: string): string[] {
  return trace
    .filter(isKind('app.line'))
    .filter((l) => l.conn === conn && l.from === 'server' && l.more !== true)
    .map((l) => `${l.code ?? ''} ${l.answers ?? 'greeting'}`);
}

describe('two messages to one destination with the connection cache on', () => {
  const trace = run(textbook(POSTFIX, TWO));
  const [only, ...others] = connectionsToBob(trace);

  it('go over one connection to hamburger.edu:25, with one QUIT at the end', () => {
    expect(only).toBeDefined();
    expect(others).toEqual([]);
    expect(verbs(trace, only!.conn)).toEqual([
      'HELO',
      'MAIL',
      'RCPT',
      'DATA',
      '.',
      'RSET',
      'MAIL',
      'RCPT',
      'DATA',
      '.',
      'QUIT',
    ]);
  });

  it('probe the connection with RSET, answered 250, before the second MAIL FROM', () => {
    const answers = replies(trace, only!.conn);
    expect(answers.slice(answers.indexOf('250 RSET') - 1, answers.indexOf('250 RSET') + 2)).toEqual([
      '250 .',
      '250 RSET',
      '250 MAIL',
    ]);
  });

  it('record the second attempt as made on that connection, its second message', () => {
    const attempts = trace.filter(isKind('queue.attempt')).filter((a) => a.host === 'crepes.fr');
    expect(attempts.map((a) => a.reused ?? null)).toEqual([null, { conn: only!.conn, use: 2 }]);
  });

  it('deliver both, and hamburger.edu accepts both on that connection', () => {
    const accepted = trace.filter(isKind('smtp.accepted')).filter((a) => a.host === 'hamburger.edu');
    expect(accepted.map((a) => a.conn)).toEqual([only!.conn, only!.conn]);
    expect(trace.filter(isKind('queue.delivered'))).toHaveLength(2);
  });

  it('keep the idle connection two seconds (Postfix’s smtp_connection_cache_time_limit) before QUIT', () => {
    const delivered = trace.filter(isKind('queue.delivered')).at(-1)!;
    const quit = trace
      .filter(isKind('app.line'))
      .find((l) => l.conn === only!.conn && l.from === 'client' && l.verb === 'QUIT');
    expect(quit!.t - delivered.t).toBe(2_000);
  });
});

describe('the same two messages with the cache off (the default)', () => {
  const trace = run(textbook(null, TWO));

  it('open a connection for each, each ending in QUIT, with no RSET', () => {
    const conns = connectionsToBob(trace);
    expect(conns).toHaveLength(2);
    for (const c of conns)
      expect(verbs(trace, c.conn)).toEqual(['HELO', 'MAIL', 'RCPT', 'DATA', '.', 'QUIT']);
    expect(trace.filter(isKind('queue.attempt')).every((a) => a.reused === undefined)).toBe(true);
  });

  it('is what the built-in textbook world does, which sets no cache', () => {
    const builtin = run({ ...scenario('textbook'), inputs: TWO });
    expect(builtin).toEqual(trace);
  });
});

describe('a failed transaction on a cached connection', () => {
  // hamburger.edu answers 450 to RCPT for 1.3 s: the first letter's RCPT, not the second's.
  const trace = run(
    textbook(POSTFIX, [
      fault(0, { type: 'smtp.reply', host: 'hamburger.edu', stage: 'rcpt', code: 450, for: 1_300 }),
      ...TWO,
    ]),
  );
  const [only, ...others] = connectionsToBob(trace);

  it('is ended with RSET, and the next message still goes on the same connection after its probe', () => {
    expect(others).toEqual([]);
    expect(verbs(trace, only!.conn)).toEqual([
      'HELO',
      'MAIL',
      'RCPT',
      'RSET',
      'RSET',
      'MAIL',
      'RCPT',
      'DATA',
      '.',
      'QUIT',
    ]);
    expect(replies(trace, only!.conn).slice(2, 5)).toEqual(['250 MAIL', '450 RCPT', '250 RSET']);
  });

  it('defers the refused letter as before, and delivers the other', () => {
    const deferred = trace.filter(isKind('queue.deferred'));
    expect(deferred).toHaveLength(1);
    expect(deferred[0]!.reason).toMatch(/^host hamburger\.edu\[192\.0\.2\.\d+\] said: 450 /);
    expect(deferred[0]!.nextAttemptAt - deferred[0]!.t).toBeGreaterThan(29 * 60_000);
    expect(trace.filter(isKind('queue.delivered'))).toHaveLength(1);
  });
});

describe('the connection cache’s limits', () => {
  it('lets a message that comes within the idle time reuse the connection, and one after it open a new one', () => {
    const within = run(textbook(POSTFIX, [letter(500, 'Lunch'), letter(2_500, 'Dinner')]));
    expect(connectionsToBob(within)).toHaveLength(1);
    const after = run(textbook(POSTFIX, [letter(500, 'Lunch'), letter(4_000, 'Dinner')]));
    expect(connectionsToBob(after)).toHaveLength(2);
  });

  it('says QUIT after a transaction once the connection is older than the reuse time limit', () => {
    const trace = run(textbook({ idleTime: 2_000, reuseTimeLimit: 300 }, TWO));
    const conns = connectionsToBob(trace);
    expect(conns).toHaveLength(2);
    expect(verbs(trace, conns[0]!.conn)).toEqual(['HELO', 'MAIL', 'RCPT', 'DATA', '.', 'QUIT']);
    expect(trace.filter(isKind('queue.attempt')).every((a) => a.reused === undefined)).toBe(true);
  });

  it('is turned on and off by a teacher’s input, from then on', () => {
    const on = fault(0, { type: 'queue.connectionCache', host: 'crepes.fr', on: true });
    const off = fault(5_000, { type: 'queue.connectionCache', host: 'crepes.fr', on: false });
    const trace = run(textbook(null, [on, ...TWO, off, letter(5_500, 'Tea'), letter(6_000, 'Coffee')]));
    expect(connectionsToBob(trace)).toHaveLength(3);
  });
});

describe('a cached connection whose server has gone', () => {
  // hamburger.edu crashes while the connection waits idle; the next letter's RSET probe is never answered.
  const trace = run(
    textbook(POSTFIX, [
      letter(500, 'Lunch'),
      fault(2_000, { type: 'host.down', host: 'hamburger.edu', mode: 'crash' }),
      letter(2_500, 'Dinner'),
    ]),
  );
  const [first, second] = connectionsToBob(trace);

  it('gives up the probe after Postfix’s 20 s RSET timeout, and the letter goes on a new connection', () => {
    expect(verbs(trace, first!.conn)).toEqual(['HELO', 'MAIL', 'RCPT', 'DATA', '.', 'RSET']);
    const probe = trace.filter(isKind('app.line')).find((l) => l.conn === first!.conn && l.verb === 'RSET')!;
    expect(second!.t - probe.t).toBeGreaterThanOrEqual(20_000);
  });

  it('records no reuse for it, and defers it as any letter for a dead server', () => {
    const attempts = trace.filter(isKind('queue.attempt')).filter((a) => a.host === 'crepes.fr');
    expect(attempts.map((a) => a.reused ?? null)).toEqual([null, null]);
    const deferred = trace.filter(isKind('queue.deferred'));
    expect(deferred.map((d) => d.reason)).toEqual([
      expect.stringMatching(/^connect to hamburger\.edu\[192\.0\.2\.\d+\]:25: Connection timed out$/),
    ]);
  });
});

describe('a cached connection the server closes with 421', () => {
  it('leaves the cache at once, so the next letter opens a new connection without a probe', () => {
    const trace = run(
      textbook(POSTFIX, [
        letter(500, 'Lunch'),
        fault(2_000, { type: 'service.down', host: 'hamburger.edu', service: 'smtp' }),
        fault(2_200, { type: 'service.up', host: 'hamburger.edu', service: 'smtp' }),
        letter(2_500, 'Dinner'),
      ]),
    );
    const [first, second, ...more] = connectionsToBob(trace);
    expect(more).toEqual([]);
    expect(verbs(trace, first!.conn)).toEqual(['HELO', 'MAIL', 'RCPT', 'DATA', '.']);
    expect(verbs(trace, second!.conn)).toEqual(['HELO', 'MAIL', 'RCPT', 'DATA', '.', 'QUIT']);
    expect(trace.filter(isKind('queue.delivered'))).toHaveLength(2);
  });
});

describe('lesson 5’s reuse step', () => {
  const course = readCourse('lessons');
  if (!course.ok) throw new Error(formatLessonIssues(course.issues));
  const lesson = course.course.lessons.find((l) => l.slug === 'persistent-connection')!;
  const goal: Goal = lesson.steps.find((s) => s.id === 'reuse')!.goal;
  const on = fault(0, { type: 'queue.connectionCache', host: 'crepes.fr', on: true });

  it('is met when one connection carries two messages', () => {
    expect(checkGoal(goal, run(textbook(null, [on, ...TWO]))).met).toBe(true);
  });

  it('is not met by one message with reuse on, nor by two with it off', () => {
    expect(checkGoal(goal, run(textbook(null, [on, letter(500, 'Lunch')]))).met).toBe(false);
    expect(checkGoal(goal, run(textbook(null, TWO))).met).toBe(false);
  });
});
