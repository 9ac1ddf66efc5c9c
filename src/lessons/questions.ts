// Check-your-understanding questions: multiple choice, or a short answer that is either fixed in the text or
// computed from the student's own run ("which reply code came after your DATA?").
import type { TraceEvent } from '../sim/trace.ts';
import { matchingEvents } from './goals.ts';
import type { AnswerFrom, QuestionSpec, QuestionText } from './lessonFormat.ts';
import { fieldValue } from './traceFields.ts';

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
 * the server recorded it, how many events match a goal (`count`), or a `field` of the first event that
 * matches one. Undefined when the command was never answered or no event matches yet.
 */
export function answerFromTrace(from: AnswerFrom, trace: readonly TraceEvent[]): string | undefined {
  if ('count' in from) return String(matchingEvents(from.count, trace).length);
  if ('field' in from) {
    const first = matchingEvents(from.of, trace)[0];
    const value = first === undefined ? undefined : fieldValue(first, from.field);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  }
  for (const event of trace) {
    if (event.kind !== 'app.line' || event.from !== 'server' || event.answers !== from.answers) continue;
    if (event.code !== undefined) return String(event.code);
  }
  return undefined;
}

// A short answer in Korean is often a whole polite sentence: "클라이언트입니다", "점심이요", "빈 줄이에요". The
// copula and the polite ending carry no answer, so they go (the longest first), as long as something is left.
const KOREAN_ENDINGS = ['입니다', '이에요', '예요', '이요', '이다', '요'];

// Korean counts with a counter word after the number: "1개", "48번", "4통". The counter carries no answer.
const KOREAN_COUNT = /^(\d+)(개|통|번|회|건|차례)$/;

/**
 * normalizeAnswer makes short answers comparable: Unicode-normalised, lower case, no quotes, no final
 * punctuation, no Korean polite ending, no counter after a number, and no spaces at all (Korean spacing
 * varies: 빈 줄, 빈줄).
 */
export function normalizeAnswer(text: string): string {
  let out = text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/^["'“”‘’「」]+|["'“”‘’「」]+$/g, '')
    .replace(/[.。!?！？]+$/, '')
    .trim();
  for (const ending of KOREAN_ENDINGS)
    if (out.length > ending.length && out.endsWith(ending)) {
      out = out.slice(0, -ending.length);
      break;
    }
  out = out.replace(/\s+/g, '');
  return KOREAN_COUNT.exec(out)?.[1] ?? out;
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
