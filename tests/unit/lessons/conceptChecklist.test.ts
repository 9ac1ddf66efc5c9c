// The README's "What the course teaches" checklist is a promise: every concept of the course is taught by a step
// whose goal checks the student did it. This reads the list and holds each concept to the steps it names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEventGoal, type Goal } from '../../../src/lessons/goals.ts';
import { formatLessonIssues, type Course } from '../../../src/lessons/lessonFormat.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';

const HEADING = '## What the course teaches';

interface Concept {
  readonly name: string;
  readonly checked: boolean;
  /** steps are the `lesson/step` references, in the order written. */
  readonly steps: readonly string[];
}

/** checklist reads the concepts of the section under HEADING: one `- [x] **name** … `lesson/step`` item each. */
function checklist(markdown: string): Concept[] {
  const start = markdown.indexOf(`\n${HEADING}\n`);
  if (start < 0) return [];
  const rest = markdown.slice(start + HEADING.length + 2);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return section
    .split(/^- /m)
    .slice(1)
    .map((item) => ({
      name: /\*\*(.+?)\*\*/.exec(item)?.[1] ?? item.trim().slice(0, 40),
      checked: item.startsWith('[x]'),
      steps: [...item.matchAll(/`([a-z0-9-]+)\/([a-z0-9-]+)`/g)].map((m) => `${m[1]}/${m[2]}`),
    }));
}

// A goal that checks something has at least one event to match; an empty combination is met by anything.
function eventGoals(goal: Goal): number {
  if (isEventGoal(goal)) return 1;
  const parts = 'all' in goal ? goal.all : 'any' in goal ? goal.any : goal.sequence;
  return parts.reduce((n, part) => n + eventGoals(part), 0);
}

/** problems lists what is wrong with a checklist against the course, one sentence each. */
function problems(concepts: readonly Concept[], course: Course): string[] {
  const out: string[] = [];
  for (const concept of concepts) {
    if (!concept.checked) out.push(`${concept.name}: is not ticked`);
    if (concept.steps.length === 0) out.push(`${concept.name}: names no lesson step`);
    for (const ref of concept.steps) {
      const [slug, id] = ref.split('/');
      const lesson = course.lessons.find((l) => l.slug === slug);
      const step = lesson?.steps.find((s) => s.id === id);
      if (lesson === undefined) out.push(`${concept.name}: ${ref} names no lesson`);
      else if (step === undefined) out.push(`${concept.name}: ${ref} names no step of ${slug}`);
      else if (eventGoals(step.goal) === 0) out.push(`${concept.name}: ${ref} has no goal`);
    }
  }
  return out;
}

const result = readCourse('lessons');
if (!result.ok) throw new Error(formatLessonIssues(result.issues));
const course = result.course;
const readme = readFileSync('README.md', 'utf8');

describe('the README’s checklist of what the course teaches', () => {
  it('lists every concept of the course, each taught by steps with goals', () => {
    const concepts = checklist(readme);
    expect(concepts.length).toBeGreaterThanOrEqual(20);
    expect(problems(concepts, course)).toEqual([]);
  });

  it('names the course’s seed concepts, from the three parts of email to webmail', () => {
    const names = checklist(readme).map((c) => c.name.toLowerCase());
    for (const seed of [
      'three parts',
      'port 25',
      'handshake',
      'transfer',
      'closure',
      'reply codes',
      'persistent',
      'retries',
      'notifying the sender',
      'directly',
      'push against pull',
      '7-bit ascii',
      'rfc 5322',
      'mime and base64',
      'pop3',
      'download and delete',
      'imap keeps folders',
      'part of a message',
      'webmail',
    ])
      expect(
        names.some((n) => n.includes(seed)),
        seed,
      ).toBe(true);
  });

  it('is caught naming a step that does not exist, a lesson that does not, or no step at all', () => {
    const made = checklist(
      [
        '# Title',
        '',
        HEADING,
        '',
        '- [x] **Real**: `smtp-by-hand/helo`',
        '- [x] **Missing step**: `smtp-by-hand/ehlo`',
        '- [x] **Missing lesson**: `smtp-by-mail/helo`',
        '- [ ] **Nothing yet**',
        '',
        '## Next',
        '- [x] **Not in the section**: `nowhere/at-all`',
      ].join('\n'),
    );
    expect(made.map((c) => c.name)).toEqual(['Real', 'Missing step', 'Missing lesson', 'Nothing yet']);
    expect(problems(made, course)).toEqual([
      'Missing step: smtp-by-hand/ehlo names no step of smtp-by-hand',
      'Missing lesson: smtp-by-mail/helo names no lesson',
      'Nothing yet: is not ticked',
      'Nothing yet: names no lesson step',
    ]);
  });

  it('is caught naming a step whose goal checks nothing', () => {
    const emptied: Course = {
      ...course,
      lessons: course.lessons.map((l) =>
        l.slug === 'smtp-by-hand'
          ? { ...l, steps: l.steps.map((s) => (s.id === 'helo' ? { ...s, goal: { all: [] } } : s)) }
          : l,
      ),
    };
    expect(problems([{ name: 'Handshake', checked: true, steps: ['smtp-by-hand/helo'] }], emptied)).toEqual([
      'Handshake: smtp-by-hand/helo has no goal',
    ]);
  });
});
