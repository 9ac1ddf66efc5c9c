// Every lesson solves: the one lesson driver the panel uses, pressing "show me" at each step on a lab with no
// screen, meets every step's goal in order, in every language the lesson is written in.
import { describe, expect, it } from 'vitest';
import { HeadlessLab } from '../../../src/lessons/headlessLab.ts';
import { LessonDriver } from '../../../src/lessons/lessonDriver.ts';
import { formatLessonIssues, LESSON_LANGUAGES, type Lesson } from '../../../src/lessons/lessonFormat.ts';
import { answerFromTrace } from '../../../src/lessons/questions.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';

const result = readCourse('lessons');
if (!result.ok) throw new Error(formatLessonIssues(result.issues));
const lessons = result.course.lessons;

interface Solved {
  readonly driver: LessonDriver;
  readonly lab: HeadlessLab;
}

// "Show me" is language-neutral, so one run serves both languages' checks.
const solved = new Map<string, Solved>();
function solve(lesson: Lesson): Solved {
  let done = solved.get(lesson.slug);
  if (done === undefined) {
    const lab = new HeadlessLab(lesson.scenario);
    const driver = new LessonDriver(lesson, lab);
    driver.start();
    // Each press must finish its step: a lesson of n steps takes n presses, never more.
    for (let i = 0; i < lesson.steps.length && !driver.finished; i++) {
      driver.showMe();
      driver.observe();
    }
    done = { driver, lab };
    solved.set(lesson.slug, done);
  }
  return done;
}

describe.each(LESSON_LANGUAGES)('in %s', (language) => {
  it.each(lessons.map((l) => [l.slug, l] as const))(
    'the %s lesson is completed by "show me" at each step, every step in order, one press a step',
    (_slug, lesson) => {
      const { driver } = solve(lesson);
      expect(driver.state.stuck).toBeNull();
      expect(driver.finished).toBe(true);
      const done = driver.state.done;
      expect(done.map((d) => d.id)).toEqual(lesson.text[language].steps.map((s) => s.id));
      for (const [i, step] of done.entries())
        if (i > 0) expect(step.atSeq).toBeGreaterThan(done[i - 1]!.atSeq);
    },
    // The first language's run solves the lesson for both; lesson 14's 1 MB world takes minutes on a busy machine.
    600_000,
  );
});

describe('answers computed from a run', () => {
  it('are there by the end of every lesson solved through the driver', () => {
    for (const lesson of lessons)
      for (const q of lesson.questions)
        if (q.type === 'short' && q.answerFrom)
          expect(
            answerFromTrace(q.answerFrom, solve(lesson).lab.trace),
            `${lesson.slug}/${q.id}`,
          ).toBeDefined();
  }, 300_000);

  it('give the textbook’s 354 after DATA, and crepes.fr’s three connections for four messages (two without reuse, one with)', () => {
    const bySlug = (slug: string) => lessons.find((l) => l.slug === slug)!;
    expect(answerFromTrace({ answers: 'DATA' }, solve(bySlug('smtp-by-hand')).lab.trace)).toBe('354');
    const persistent = bySlug('persistent-connection');
    const connections = persistent.questions.find((q) => q.id === 'connections');
    expect(
      connections?.type === 'short' && connections.answerFrom
        ? answerFromTrace(connections.answerFrom, solve(persistent).lab.trace)
        : undefined,
    ).toBe('3');
  }, 120_000);
});
