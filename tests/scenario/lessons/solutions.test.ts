// Every lesson solves: each lesson's scripted solution, replayed headlessly, meets every step's goal in order.
import { describe, expect, it } from 'vitest';
import { formatLessonIssues, LESSON_LANGUAGES, type Lesson } from '../../../src/lessons/lessonFormat.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';
import { replayLesson, type ReplayResult } from '../../../src/lessons/replayLesson.ts';

const result = readCourse('lessons');
if (!result.ok) throw new Error(formatLessonIssues(result.issues));
const lessons = result.course.lessons;

// The solution is language-neutral, so one replay serves both languages' files.
const replays = new Map<string, ReplayResult>();
function replay(lesson: Lesson): ReplayResult {
  let done = replays.get(lesson.slug);
  if (done === undefined) {
    done = replayLesson(lesson);
    replays.set(lesson.slug, done);
  }
  return done;
}

describe.each(LESSON_LANGUAGES)('in %s', (language) => {
  it.each(lessons.map((l) => [l.slug, l] as const))(
    'the %s lesson is completed by its scripted solution, every step in order',
    (_slug, lesson) => {
      const { done, stuckAt } = replay(lesson);
      expect(stuckAt).toBeUndefined();
      expect(done.map((d) => d.id)).toEqual(lesson.text[language].steps.map((s) => s.id));
      for (const [i, step] of done.entries())
        if (i > 0) expect(step.atSeq).toBeGreaterThan(done[i - 1]!.atSeq);
    },
    30_000,
  );
});

describe('answers computed from a run', () => {
  it('are there by the end of every lesson’s scripted solution', async () => {
    const { answerFromTrace } = await import('../../../src/lessons/questions.ts');
    for (const lesson of lessons)
      for (const q of lesson.questions)
        if (q.type === 'short' && q.answerFrom)
          expect(
            answerFromTrace(q.answerFrom, replay(lesson).session.trace),
            `${lesson.slug}/${q.id}`,
          ).toBeDefined();
  });

  it('give the textbook’s 354 after DATA and crepes.fr’s two connections for two messages', async () => {
    const { answerFromTrace } = await import('../../../src/lessons/questions.ts');
    const bySlug = (slug: string) => lessons.find((l) => l.slug === slug)!;
    expect(answerFromTrace({ answers: 'DATA' }, replay(bySlug('smtp-by-hand')).session.trace)).toBe('354');
    const persistent = bySlug('persistent-connection');
    const connections = persistent.questions.find((q) => q.id === 'connections');
    expect(
      connections?.type === 'short' && connections.answerFrom
        ? answerFromTrace(connections.answerFrom, replay(persistent).session.trace)
        : undefined,
    ).toBe('2');
  });
});
