import { describe, expect, it } from 'vitest';
import { parseGoal } from '../../../src/lessons/parseGoal.ts';

describe('parsing a goal from a lesson file', () => {
  it('puts the fields beside kind into the event goal', () => {
    expect(parseGoal({ kind: 'app.line', from: 'client', verb: 'HELO', atLeast: 2 })).toEqual({
      goal: { kind: 'app.line', fields: { from: 'client', verb: 'HELO' }, atLeast: 2 },
    });
  });

  it('reads nested sequences, all and any, and same-connection sequences', () => {
    const value = {
      sameConnection: true,
      sequence: [{ kind: 'app.line', verb: 'HELO' }, { any: [{ all: [{ kind: 'host.down' }] }] }],
    };
    expect(parseGoal(value)).toEqual({
      goal: {
        sameConnection: true,
        sequence: [
          { kind: 'app.line', fields: { verb: 'HELO' } },
          { any: [{ all: [{ kind: 'host.down', fields: {} }] }] },
        ],
      },
    });
  });

  it('names the path of every problem', () => {
    const result = parseGoal({
      sequence: [
        { kind: 'app.line', cod: 250 },
        { kind: 'queue.attempt', attempt: { min: 'two' } },
        { kind: 'app.line', line: { regex: '(' } },
        { kind: 'app.line', atLeast: 0 },
      ],
    });
    expect('issues' in result && result.issues.map((i) => i.path)).toEqual([
      'goal.sequence[0].cod',
      'goal.sequence[1].attempt',
      'goal.sequence[2].line',
      'goal.sequence[3].atLeast',
    ]);
  });

  it('refuses a goal that is neither an event nor a combination', () => {
    expect(parseGoal([])).toEqual({
      issues: [{ path: 'goal', message: expect.stringContaining('must be an object') }],
    });
    expect(parseGoal({ all: [] })).toMatchObject({ issues: [{ path: 'goal.all' }] });
    expect(parseGoal({ sequence: [{ all: [{ kind: 'host.up' }] }], sameConnection: true })).toMatchObject({
      issues: [{ path: 'goal.sequence[0]' }],
    });
  });

  it('accepts a nested field by its first part only when the event has that field', () => {
    expect('goal' in parseGoal({ kind: 'tcp.segment', 'to.port': 25 })).toBe(true);
    expect(parseGoal({ kind: 'tcp.state', 'via.port': 25 })).toMatchObject({
      issues: [{ path: 'goal.via.port' }],
    });
  });

  it('accepts the facts a line carries: what it answers, catalogue id, arguments, content', () => {
    const value = {
      all: [
        { kind: 'app.line', from: 'server', code: 235, answers: 'AUTH', reply: 'smtp.auth.ok' },
        { kind: 'app.line', verb: 'RCPT', 'args.to': { prefix: 'bob@' } },
        { kind: 'app.line', content: 'data', reply: { prefix: 'smtp.auth.' } },
      ],
    };
    expect('goal' in parseGoal(value)).toBe(true);
  });

  it('refuses the old re-derived names and a reply the SMTP catalogue does not have', () => {
    const result = parseGoal({
      sequence: [
        { kind: 'app.line', replyTo: 'DATA' },
        { kind: 'app.line', data: true },
        { kind: 'app.line', reply: 'smtp.rcpt.okay' },
      ],
    });
    expect('issues' in result && result.issues.map((i) => `${i.path}: ${i.message.split(' (')[0]}`)).toEqual([
      'goal.sequence[0].replyTo: is not a field of app.line',
      'goal.sequence[1].data: is not a field of app.line',
      'goal.sequence[2].reply: is not a reply in the SMTP catalogue',
    ]);
  });
});
