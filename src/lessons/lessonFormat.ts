// The shapes of a loaded course: parts, lessons, steps, questions and their texts in each language. The
// loader builds these from `lessons/**`; the build turns them into a JSON module, so they are plain data.
import type { Input, TimedInput } from '../sim/input.ts';
import type { HostSpec, Scenario } from '../sim/scenario.ts';
import type { EventGoal, Goal } from './goals.ts';

/** HostId is a host's name in the scenario, a HostSpec's `id`. */
type HostId = HostSpec['id'];

/** LESSON_LANGUAGES are the languages every lesson is written in; each needs its own `<code>.md`. */
export const LESSON_LANGUAGES = ['en', 'ko'] as const;

/** LessonLanguage is one of `LESSON_LANGUAGES`. */
export type LessonLanguage = (typeof LESSON_LANGUAGES)[number];

/** Inline is a run of prose text: plain, `code`, **strong** or *emphasised*. */
export type Inline = { readonly kind: 'text' | 'code' | 'strong' | 'em'; readonly text: string };

/** Block is a paragraph, a list (each item a line of inlines) or a fenced code block. */
export type Block =
  | { readonly kind: 'paragraph'; readonly inline: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'code'; readonly text: string };

/** Prose is the small subset of Markdown lessons are written in, parsed once, rendered without raw HTML. */
export type Prose = readonly Block[];

/** PANELS names the parts of the lab screen a step may point at with a `highlight` action. */
export const PANELS = [
  'topology',
  'timeline',
  'transcript',
  'machines',
  'inspector',
  'queues',
  'mailboxes',
  'console',
  'compose',
  'read',
  'faults',
  'events',
] as const;

/** PanelName is one of `PANELS`. */
export type PanelName = (typeof PANELS)[number];

/**
 * SetUpAction is done when a step begins. `load` starts a fresh world (a built-in scenario by name, or the
 * lesson's own); `input` happens `at` ms after the step begins; `openConsole` opens a host's terminal;
 * `selectConnection` selects the latest connection that fits; `highlight` points at a panel.
 */
export type SetUpAction =
  | { readonly action: 'load'; readonly scenario?: string }
  | { readonly action: 'input'; readonly at: number; readonly input: Input }
  | { readonly action: 'openConsole'; readonly host: HostId }
  | {
      readonly action: 'selectConnection';
      readonly client?: HostId;
      readonly server?: HostId;
      readonly port?: number;
    }
  | { readonly action: 'highlight'; readonly panel: PanelName };

/**
 * LessonStep is one thing to do or watch. Its goal is checked from the event after the previous step's
 * goal was met (`since: 'previous'`) or from the start of the lesson's world (`since: 'lesson'`). The
 * `solution` is what "show me" does: inputs timed from the moment it is pressed; empty when watching is
 * enough.
 */
export interface LessonStep {
  readonly id: string;
  readonly setUp: readonly SetUpAction[];
  readonly goal: Goal;
  readonly since: 'previous' | 'lesson';
  readonly solution: readonly TimedInput[];
}

/**
 * AnswerFrom computes a short answer from the student's own run: the code of the first reply whose `answers`
 * names a command (`answers: "DATA"` → `354`), how many events match a goal (`count`), or one `field` of the
 * first event that matches a goal (`{ field: "port", of: { kind: "conn.opened", client: "bob-pc" } }` → `143`).
 */
export type AnswerFrom =
  | { readonly answers: string }
  | { readonly count: EventGoal }
  | { readonly field: string; readonly of: EventGoal };

/**
 * QuestionSpec is the language-neutral part of a question. A `choice` question's right choice is marked in
 * the texts (the same one in every language); a `short` answer is accepted from the texts' `accept` list or
 * computed from the trace (`answerFrom`).
 */
export type QuestionSpec =
  | { readonly id: string; readonly type: 'choice' }
  | { readonly id: string; readonly type: 'short'; readonly answerFrom?: AnswerFrom };

/** StepText is a step's prose and its hints, shown one at a time. */
export interface StepText {
  readonly id: string;
  readonly prose: Prose;
  readonly hints: readonly (readonly Inline[])[];
}

/** Choice is one answer of a multiple-choice question. */
export interface Choice {
  readonly text: readonly Inline[];
  readonly correct: boolean;
}

/**
 * QuestionText is a question in one language: the prompt, its choices or accepted answers, a hint toward the
 * reasoning (shown after a wrong answer, which never gives the answer away), and the explanation.
 */
export interface QuestionText {
  readonly id: string;
  readonly prompt: Prose;
  readonly choices: readonly Choice[];
  readonly accept: readonly string[];
  readonly hint: Prose;
  readonly explanation: Prose;
}

/** LessonText is everything a lesson says in one language. */
export interface LessonText {
  readonly title: string;
  readonly summary: string;
  readonly intro: Prose;
  readonly steps: readonly StepText[];
  readonly questions: readonly QuestionText[];
}

/** Lesson is a loaded lesson: where it came from, its starting world, steps, questions and texts. */
export interface Lesson {
  /** slug is the folder name without its numeric prefix, unique in the course (`smtp-by-hand`). */
  readonly slug: string;
  /** folder is the path under `lessons/` (`01-sending/03-smtp-by-hand`). */
  readonly folder: string;
  readonly part: string;
  readonly scenario: Scenario;
  readonly steps: readonly LessonStep[];
  readonly questions: readonly QuestionSpec[];
  readonly text: Readonly<Record<LessonLanguage, LessonText>>;
}

/** Part is a group of lessons with a title in each language. */
export interface Part {
  readonly slug: string;
  readonly folder: string;
  readonly title: Readonly<Record<LessonLanguage, string>>;
  readonly lessons: readonly string[];
}

/** Course is every part and lesson, in order. */
export interface Course {
  readonly parts: readonly Part[];
  readonly lessons: readonly Lesson[];
}

/** LessonIssue is one problem found while loading lessons: the file, the field in it, and what is wrong. */
export interface LessonIssue {
  readonly file: string;
  readonly field: string;
  readonly message: string;
}

/** formatLessonIssues writes issues one a line: `lessons/…/steps.json: steps[1].goal.kind: must be …`. */
export function formatLessonIssues(issues: readonly LessonIssue[]): string {
  return issues.map((i) => `${i.file}: ${i.field}: ${i.message}`).join('\n');
}

/** findLesson finds a lesson by slug or by folder name (`smtp-by-hand` or `03-smtp-by-hand`). */
export function findLesson(course: Course, name: string): Lesson | undefined {
  const slug = name.replace(/^\d+-/, '');
  return course.lessons.find((l) => l.slug === slug);
}
