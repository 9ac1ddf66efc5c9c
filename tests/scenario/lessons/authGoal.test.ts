// A lesson goal "authenticated on the submission port", written as a lesson writes it, checked against AUTH
// sessions typed by hand: met by the 235 that answers AUTH however the credential was typed, not met by the
// replies a nearby wrong action gets.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { checkGoal, type Goal } from '../../../src/lessons/goals.ts';
import { parseGoal } from '../../../src/lessons/parseGoal.ts';
import { isKind, type EventOf } from '../../../src/sim/trace.ts';
import { typeAt } from '../terminalSession.ts';

const plain = (password: string) => Buffer.from(`\0alice\0${password}`).toString('base64');

function goalOf(value: unknown): Goal {
  const parsed = parseGoal(value);
  if ('issues' in parsed) throw new Error(JSON.stringify(parsed.issues));
  return parsed.goal;
}

/** Reply is a server's `app.line`, its facts read as the server wrote them. */
type Reply = Extract<EventOf<'app.line'>, { from: 'server' }>;

function serverLines(events: readonly EventOf<'app.line'>[]): Reply[] {
  return events.filter((e): e is Reply => e.from === 'server');
}

const AUTHENTICATED = goalOf({ kind: 'app.line', code: 235, answers: 'AUTH' });

function authAt(port: number, lines: readonly string[]) {
  const session = typeAt('alice-pc', 'crepes.fr', port, ['EHLO alice-pc', ...lines, 'QUIT']);
  const replies = serverLines(session.events.filter(isKind('app.line'))).filter((e) => e.answers === 'AUTH');
  return { result: checkGoal(AUTHENTICATED, session.events), replies };
}

describe('the goal { kind: app.line, code: 235, answers: AUTH }', () => {
  it('is met by AUTH PLAIN with the credential on the same line, at the 235', () => {
    const { result, replies } = authAt(587, [`AUTH PLAIN ${plain('croissant')}`]);
    expect(replies.map((e) => e.reply)).toEqual(['smtp.auth.ok']);
    expect(result).toEqual({ met: true, atSeq: replies[0]!.seq });
  });

  it('is met by AUTH PLAIN with the credential typed after the 334', () => {
    const { result, replies } = authAt(587, ['AUTH PLAIN', plain('croissant')]);
    expect(replies.map((e) => e.reply)).toEqual(['smtp.auth.challenge', 'smtp.auth.ok']);
    expect(result).toEqual({ met: true, atSeq: replies[1]!.seq });
  });

  it('is not met with the wrong password: the server answers AUTH with 535', () => {
    const { result, replies } = authAt(587, [`AUTH PLAIN ${plain('baguette')}`]);
    expect(replies.map((e) => [e.code, e.reply])).toEqual([[535, 'smtp.auth.failed']]);
    expect(result).toEqual({ met: false });
  });

  it('is not met on port 25, where crepes.fr offers no AUTH', () => {
    const { result, replies } = authAt(25, [`AUTH PLAIN ${plain('croissant')}`]);
    expect(replies.map((e) => [e.code, e.reply])).toEqual([[503, 'smtp.auth.notEnabled']]);
    expect(result).toEqual({ met: false });
  });

  it('is not met by AUTH before EHLO on the submission port', () => {
    const session = typeAt('alice-pc', 'crepes.fr', 587, [`AUTH PLAIN ${plain('croissant')}`, 'QUIT']);
    const reply = serverLines(session.events.filter(isKind('app.line'))).find((e) => e.answers === 'AUTH');
    expect(reply?.code).toBe(503);
    expect(checkGoal(AUTHENTICATED, session.events)).toEqual({ met: false });
  });
});
