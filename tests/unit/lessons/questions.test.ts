import { describe, expect, it } from 'vitest';
import type { QuestionText } from '../../../src/lessons/lessonFormat.ts';
import { answerFromTrace, checkAnswer, normalizeAnswer } from '../../../src/lessons/questions.ts';
import { client, server, traceOf } from './traceBuilder.ts';

const run = traceOf(
  server('220 hamburger.edu', { code: 220, reply: 'smtp.greeting' }),
  client('HELO crepes.fr', { verb: 'HELO' }),
  server('250 Hello crepes.fr', { code: 250, reply: 'smtp.helo.ok', answers: 'HELO' }),
  client('DATA', { verb: 'DATA' }),
  server('503 Need MAIL command', { code: 503, reply: 'smtp.seq.needMailForData', answers: 'DATA' }),
  client('MAIL FROM: <alice@crepes.fr>', { verb: 'MAIL' }),
  server('250 Sender ok', { code: 250, reply: 'smtp.mail.ok', answers: 'MAIL' }),
);

const text = (over: Partial<QuestionText>): QuestionText => ({
  id: 'q',
  prompt: [],
  choices: [],
  accept: [],
  hint: [],
  explanation: [],
  ...over,
});

describe('questions answered from the student’s own run', () => {
  it('take the code of the first reply that answers a command', () => {
    expect(answerFromTrace({ answers: 'DATA' }, run)).toBe('503');
    expect(answerFromTrace({ answers: 'QUIT' }, run)).toBeUndefined();
  });

  it('do not take a reply that answers nothing, such as the greeting', () => {
    expect(answerFromTrace({ answers: '' }, run)).toBeUndefined();
  });

  it('count the events that match a goal', () => {
    expect(answerFromTrace({ count: { kind: 'app.line', fields: { from: 'server' } } }, run)).toBe('4');
  });

  it('take a field of the first event that matches a goal', () => {
    const reply = { kind: 'app.line', fields: { from: 'server', code: { min: 500 } } } as const;
    expect(answerFromTrace({ field: 'code', of: reply }, run)).toBe('503');
    expect(answerFromTrace({ field: 'reply', of: reply }, run)).toBe('smtp.seq.needMailForData');
  });

  it('have no field to give before an event matches, or when the field holds no single value', () => {
    const quit = { kind: 'app.line', fields: { answers: 'QUIT' } } as const;
    expect(answerFromTrace({ field: 'code', of: quit }, run)).toBeUndefined();
    const greeting = { kind: 'app.line', fields: { code: 220 } } as const;
    expect(answerFromTrace({ field: 'answers', of: greeting }, run)).toBeUndefined();
  });

  it('say “not yet” while the run has not done what is asked about', () => {
    const verdict = checkAnswer(
      { id: 'q', type: 'short', answerFrom: { answers: 'QUIT' } },
      text({}),
      { kind: 'short', text: '221' },
      run,
    );
    expect(verdict).toEqual({ kind: 'notYet' });
  });

  it('compare the answer with this run, not with a fixed one', () => {
    const spec = { id: 'q', type: 'short', answerFrom: { answers: 'DATA' } } as const;
    expect(checkAnswer(spec, text({}), { kind: 'short', text: ' 503 ' }, run)).toEqual({ kind: 'correct' });
    expect(checkAnswer(spec, text({}), { kind: 'short', text: '354' }, run)).toEqual({
      kind: 'wrong',
      expected: '503',
    });
  });
});

describe('fixed questions', () => {
  it('take natural Korean: a polite ending, the copula, other spacing, quotes', () => {
    const spec = { id: 'q', type: 'short' } as const;
    const q = text({ accept: ['클라이언트', '빈 줄', '점심'] });
    for (const given of [
      '클라이언트입니다',
      '클라이언트예요.',
      '빈줄이요',
      '“점심”',
      '점심이에요',
      '점심 이요',
    ])
      expect(checkAnswer(spec, q, { kind: 'short', text: given }, []).kind, given).toBe('correct');
    for (const given of ['서버입니다', '빈 칸이요', '점'])
      expect(checkAnswer(spec, q, { kind: 'short', text: given }, []).kind, given).toBe('wrong');
  });

  it('count a number said with a Korean counter as the number, and keep the counter in a word', () => {
    for (const given of ['1개입니다', '1 개', '1번이요', '1통', '1'])
      expect(normalizeAnswer(given), given).toBe('1');
    expect(normalizeAnswer('48번')).toBe('48');
    expect(normalizeAnswer('개')).toBe('개');
    expect(normalizeAnswer('한 개')).toBe('한개');
  });

  it('keep an answer that is nothing but an ending', () => {
    expect(normalizeAnswer('요')).toBe('요');
  });

  it('accept a short answer in any case, spacing, or with a final period', () => {
    expect(normalizeAnswer('  An  Empty line. ')).toBe('anemptyline');
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
