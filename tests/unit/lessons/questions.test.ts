import { describe, expect, it } from 'vitest';
import type { QuestionText } from '../../../src/lessons/lessonFormat.ts';
import { answerFromTrace, checkAnswer, normalizeAnswer } from '../../../src/lessons/questions.ts';
import { client, server, traceOf } from './traceBuilder.ts';

const run = traceOf(
  server('220 hamburger.edu'),
  client('HELO crepes.fr'),
  server('250 Hello crepes.fr'),
  client('DATA'),
  server('503 Need MAIL before RCPT'),
  client('MAIL FROM: <alice@crepes.fr>'),
  server('250 Sender ok'),
);

const text = (over: Partial<QuestionText>): QuestionText => ({
  id: 'q',
  prompt: [],
  choices: [],
  accept: [],
  explanation: [],
  ...over,
});

describe('questions answered from the student’s own run', () => {
  it('take the code of the first reply to a command', () => {
    expect(answerFromTrace({ replyTo: 'DATA' }, run)).toBe('503');
    expect(answerFromTrace({ replyTo: 'QUIT' }, run)).toBeUndefined();
  });

  it('count the events that match a goal', () => {
    expect(answerFromTrace({ count: { kind: 'app.line', fields: { from: 'server' } } }, run)).toBe('4');
  });

  it('say “not yet” while the run has not done what is asked about', () => {
    const verdict = checkAnswer(
      { id: 'q', type: 'short', answerFrom: { replyTo: 'QUIT' } },
      text({}),
      { kind: 'short', text: '221' },
      run,
    );
    expect(verdict).toEqual({ kind: 'notYet' });
  });

  it('compare the answer with this run, not with a fixed one', () => {
    const spec = { id: 'q', type: 'short', answerFrom: { replyTo: 'DATA' } } as const;
    expect(checkAnswer(spec, text({}), { kind: 'short', text: ' 503 ' }, run)).toEqual({ kind: 'correct' });
    expect(checkAnswer(spec, text({}), { kind: 'short', text: '354' }, run)).toEqual({
      kind: 'wrong',
      expected: '503',
    });
  });
});

describe('fixed questions', () => {
  it('accept a short answer in any case, spacing, or with a final period', () => {
    expect(normalizeAnswer('  An  Empty line. ')).toBe('an empty line');
    const spec = { id: 'q', type: 'short' } as const;
    const q = text({ accept: ['an empty line', '빈 줄'] });
    expect(checkAnswer(spec, q, { kind: 'short', text: 'An empty line.' }, []).kind).toBe('correct');
    expect(checkAnswer(spec, q, { kind: 'short', text: '빈 줄' }, []).kind).toBe('correct');
    expect(checkAnswer(spec, q, { kind: 'short', text: 'a dot' }, []).kind).toBe('wrong');
  });

  it('judge a choice by the one marked right', () => {
    const q = text({
      choices: [
        { text: [{ kind: 'text', text: 'HELO' }], correct: false },
        { text: [{ kind: 'text', text: 'QUIT' }], correct: true },
      ],
    });
    expect(checkAnswer({ id: 'q', type: 'choice' }, q, { kind: 'choice', index: 1 }, []).kind).toBe(
      'correct',
    );
    expect(checkAnswer({ id: 'q', type: 'choice' }, q, { kind: 'choice', index: 0 }, []).kind).toBe('wrong');
  });
});
