import { describe, expect, it } from 'vitest';
import { formatLessonIssues, LESSON_LANGUAGES, type Course } from '../../../src/lessons/lessonFormat.ts';
import { inlineText } from '../../../src/lessons/markdown.ts';
import { normalizeAnswer } from '../../../src/lessons/questions.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';

function course(): Course {
  const result = readCourse('lessons');
  if (!result.ok) throw new Error(formatLessonIssues(result.issues));
  return result.course;
}

describe('the lessons folder', () => {
  it('parses without a single issue', () => {
    const result = readCourse('lessons');
    expect(result.ok ? [] : formatLessonIssues(result.issues).split('\n')).toEqual([]);
  });

  it('holds the lessons in order, their slugs without numeric prefixes', () => {
    expect(course().lessons.map((l) => l.slug)).toEqual([
      'three-parts',
      'smtp-over-tcp',
      'smtp-by-hand',
      'server-keeps-order',
      'persistent-connection',
      'textbook-and-modern',
      'server-down',
      'why-not-direct',
      'header-and-body',
      'mime-and-base64',
      'push-and-pull',
      'pop3-by-hand',
      'delete-or-keep',
      'imap-keeps-state',
      'partial-fetch',
      'whole-path',
    ]);
    expect(course().parts.map((p) => p.slug)).toEqual([
      'sending-mail',
      'when-delivery-fails',
      'message-format',
      'reading-mail',
    ]);
  });

  describe.each(course().lessons.map((l) => [l.slug, l] as const))('the %s lesson', (_slug, lesson) => {
    it('has the same steps and questions, by id, in English and in Korean', () => {
      const ids = (language: (typeof LESSON_LANGUAGES)[number]) => ({
        steps: lesson.text[language].steps.map((s) => s.id),
        questions: lesson.text[language].questions.map((q) => q.id),
      });
      expect(ids('ko')).toEqual(ids('en'));
      expect(ids('en').steps).toEqual(lesson.steps.map((s) => s.id));
    });

    it('marks the same choice right in both languages', () => {
      for (const [i, q] of lesson.text.en.questions.entries()) {
        const ko = lesson.text.ko.questions[i]!;
        expect(ko.choices.map((c) => c.correct)).toEqual(q.choices.map((c) => c.correct));
      }
    });

    it('asks two to four questions, gives every step a hint, and writes Korean in Korean', () => {
      expect(lesson.questions.length).toBeGreaterThanOrEqual(2);
      expect(lesson.questions.length).toBeLessThanOrEqual(4);
      for (const language of LESSON_LANGUAGES)
        for (const step of lesson.text[language].steps) expect(step.hints.length).toBeGreaterThan(0);
      expect(lesson.text.ko.title).toMatch(/[가-힣]/);
      expect(lesson.text.ko.summary).toMatch(/[가-힣]/);
    });

    it('gives every question a hint in both languages that does not give its answer away', () => {
      for (const language of LESSON_LANGUAGES)
        for (const q of lesson.text[language].questions) {
          const hint = q.hint
            .flatMap((b) => (b.kind === 'paragraph' ? [inlineText(b.inline)] : []))
            .join(' ');
          expect(hint, `${language} ${q.id}`).not.toBe('');
          const said = normalizeAnswer(hint);
          const answers = [...q.accept, ...q.choices.filter((c) => c.correct).map((c) => inlineText(c.text))];
          for (const answer of answers)
            expect(said, `${language} ${q.id}`).not.toContain(normalizeAnswer(answer));
        }
    });
  });
});
