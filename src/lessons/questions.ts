// Check-your-understanding questions: multiple choice, or a short answer that is either fixed in the text or
// computed from the student's own run ("which reply code came after your DATA?").
import type { TraceEvent } from '../sim/trace.ts';
import { matchingEvents } from './goals.ts';
import type { AnswerFrom, QuestionSpec, QuestionText } from './lessonFormat.ts';

/** Answer is what a student gave: a choice's index, or a short text. */
export type Answer =
  { readonly kind: 'choice'; readonly index: number } | { readonly kind: 'short'; readonly text: string };

/**
 * Verdict is a checked answer. `notYet` means the answer comes from the run and the run has not done the
 * thing asked about, so there is nothing to compare with yet.
 */
export type Verdict =
  | { readonly kind: 'correct' }
  | { readonly kind: 'wrong'; readonly expected: string }
  | { readonly kind: 'notYet' };

/**
 * answerFromTrace computes an answer from a run: the code of the first reply that `answers` a command, as
 * the server recorded it, or how many events match a goal (`count`). Undefined when the command was never
 * answered.
 */
export function answerFromTrace(from: AnswerFrom, trace: readonly TraceEvent[]): string | undefined {
  if ('count' in from) return String(matchingEvents(from.count, trace).length);
  for (const event of trace) {
    if (event.kind !== 'app.line' || event.from !== 'server' || event.answers !== from.answers) continue;
    if (event.code !== undefined) return String(event.code);
  }
  return undefined;
}

/** normalizeAnswer makes short answers comparable: trimmed, lower case, inner spaces single, no final period. */
export function normalizeAnswer(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.。]$/, '');
}

/**
 * checkAnswer judges an answer against a question in the student's language. A short answer computed from
 * the run is compared with what this run shows, so each student is asked about their own.
 */
export function checkAnswer(
  spec: QuestionSpec,
  text: QuestionText,
  answer: Answer,
  trace: readonly TraceEvent[],
): Verdict {
  if (spec.type === 'choice') {
    const right = text.choices.findIndex((c) => c.correct);
    const chosen = answer.kind === 'choice' ? answer.index : -1;
    return chosen === right ? { kind: 'correct' } : { kind: 'wrong', expected: String(right) };
  }
  const given = normalizeAnswer(answer.kind === 'short' ? answer.text : '');
  if (spec.answerFrom !== undefined) {
    const expected = answerFromTrace(spec.answerFrom, trace);
    if (expected === undefined) return { kind: 'notYet' };
    return given === normalizeAnswer(expected) ? { kind: 'correct' } : { kind: 'wrong', expected };
  }
  return text.accept.some((a) => normalizeAnswer(a) === given)
    ? { kind: 'correct' }
    : { kind: 'wrong', expected: text.accept[0] ?? '' };
}
