// The capstone's goals tell the thing asked for from its nearest wrong version. Each case builds the world the
// step starts from (a few inputs before it), performs the step's own set-up from steps.json (the failures the
// lesson plants), then a student's action: the right one meets the step's goal, a nearby wrong one does not.
import { describe, expect, it } from 'vitest';
import { checkGoal } from '../../../src/lessons/goals.ts';
import { formatLessonIssues, type LessonStep } from '../../../src/lessons/lessonFormat.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';
import type { Input, TimedInput } from '../../../src/sim/input.ts';
import { Session } from '../../../src/sim/session.ts';

const course = readCourse('lessons');
if (!course.ok) throw new Error(formatLessonIssues(course.issues));
const lesson = course.course.lessons.find((l) => l.slug === 'whole-path');

/** STEP_STARTS_MS is when the step begins: after the world's earlier mail has been delivered. */
const STEP_STARTS_MS = 60_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Reader = 'alice-pc' | 'bob-pc';
type Send = Extract<Input, { type: 'mail.send' }>;
const toBob = (subject: string, extra: Partial<Send> = {}): Send => ({
  type: 'mail.send',
  host: 'alice-pc',
  to: ['bob@hamburger.edu'],
  subject,
  body: 'Do you like ketchup?',
  ...extra,
});
const imap = (host: Reader): Input => ({ type: 'mail.fetch', host, protocol: 'imap' });
const pop3 = (host: Reader): Input => ({ type: 'mail.fetch', host, protocol: 'pop3', mode: 'delete' });
const open = (host: Reader, uid: number): Input => ({ type: 'mail.open', host, folder: 'INBOX', uid });
const at = (ms: number, input: Input): TimedInput => ({ at: ms, input });
/** seconds spaces a student's inputs two seconds apart from the step's start. */
const seconds = (...inputs: Input[]): TimedInput[] => inputs.map((input, i) => at(500 + 2000 * i, input));

interface Case {
  readonly step: string;
  /** before is the mail already sent when the step begins, one message a second. */
  readonly before: readonly Input[];
  /** meets is a right action, timed from the step's start; by default the step's own solution. */
  readonly meets?: readonly TimedInput[];
  readonly misses: readonly TimedInput[];
  /** why says what the nearby wrong run does instead. */
  readonly why: string;
}

const CASES: readonly Case[] = [
  {
    step: 'submit',
    before: [],
    misses: seconds(toBob('Lunch', { direct: true })),
    why: 'sent straight to hamburger.edu, the message never enters crepes.fr’s queue',
  },
  {
    step: 'relay',
    before: [],
    meets: seconds(toBob('Lunch')),
    misses: seconds(toBob('Lunch', { to: ['alice@crepes.fr'] })),
    why: 'a message for Alice stays on crepes.fr and is never relayed',
  },
  {
    step: 'read',
    before: [toBob('Lunch')],
    misses: seconds(imap('bob-pc')),
    why: 'Get mail lists the headers but opens nothing',
  },
  {
    step: 'read',
    before: [toBob('Lunch')],
    meets: seconds(
      { type: 'web.open', host: 'bob-pc', url: 'http://webmail.hamburger.edu/' },
      { type: 'web.login', host: 'bob-pc', user: 'bob', password: 'hungry' },
      { type: 'web.read', host: 'bob-pc', uid: 1 },
    ),
    misses: seconds(
      { type: 'web.open', host: 'bob-pc', url: 'http://webmail.hamburger.edu/' },
      { type: 'web.login', host: 'bob-pc', user: 'bob', password: 'hungry' },
    ),
    why: 'the webmail’s inbox lists the message without opening it',
  },
  {
    step: 'server-down',
    before: [toBob('Lunch')],
    misses: [at(HOUR, imap('alice-pc'))],
    why: 'Alice looked after one hour, before crepes.fr warned her',
  },
  {
    step: 'unknown-user',
    before: [toBob('Lunch')],
    meets: seconds(imap('alice-pc'), open('alice-pc', 1)),
    misses: seconds(imap('bob-pc'), open('bob-pc', 1)),
    why: 'Bob reads his own mail, and the bounce went to Alice',
  },
  {
    step: 'dropped',
    before: [toBob('Lunch'), toBob('Dinner')],
    misses: [at(5 * MINUTE, pop3('bob-pc'))],
    why: 'Bob tries again while his connection is still down',
  },
];

function setUpInputs(step: LessonStep): TimedInput[] {
  return step.setUp.flatMap((a) => (a.action === 'input' ? [{ at: a.at, input: a.input }] : []));
}

/** play runs the world of a case: the mail before, then the step's set-up and the acts from its start. */
function play(step: LessonStep, before: readonly Input[], acts: readonly TimedInput[]): Session {
  const fromStart = [...setUpInputs(step), ...acts];
  const inputs: TimedInput[] = [
    ...before.map((input, i) => at(1000 * (i + 1), input)),
    ...fromStart.map((e) => ({ at: STEP_STARTS_MS + e.at, input: e.input })),
  ];
  const session = new Session(lesson!.scenario, inputs);
  session.runUntil(STEP_STARTS_MS + Math.max(0, ...fromStart.map((e) => e.at)) + 2 * 86_400_000);
  return session;
}

function check(step: LessonStep, session: Session) {
  const fromSeq = session.events.find((e) => e.t >= STEP_STARTS_MS)?.seq ?? session.events.length;
  return checkGoal(step.goal, session.events, fromSeq);
}

describe.each(CASES)('the whole path’s $step goal', ({ step: id, before, meets, misses, why }) => {
  const step = lesson?.steps.find((s) => s.id === id);

  it('is met by the right action', () => {
    expect(step).toBeDefined();
    expect(check(step!, play(step!, before, meets ?? step!.solution)).met).toBe(true);
  });

  it(`is not met by a nearby wrong one: ${why}`, () => {
    expect(check(step!, play(step!, before, misses))).toEqual({ met: false });
  });
});

it('every step of the whole path has its near miss here', () => {
  expect(lesson).toBeDefined();
  const covered = new Set(CASES.map((c) => c.step));
  for (const step of lesson!.steps) expect(covered, step.id).toContain(step.id);
});
