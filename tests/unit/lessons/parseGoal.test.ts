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
});
