// A goal must tell the thing asked for from its nearest wrong version. For each lesson goal that reads what
// an SMTP line means (`answers`, `reply`, `content`), a person at alice-pc's terminal plays, in the lesson's
// own world, a script that meets it and a nearby wrong one that must not: one command out of place, a reply
// with the same code for another reason, a command typed where message text goes.
import { describe, expect, it } from 'vitest';
import { checkGoal } from '../../../src/lessons/goals.ts';
import { formatLessonIssues, type Lesson } from '../../../src/lessons/lessonFormat.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';
import type { TimedInput } from '../../../src/sim/input.ts';
import { Session } from '../../../src/sim/session.ts';

const course = readCourse('lessons');
if (!course.ok) throw new Error(formatLessonIssues(course.issues));
const lessons = course.course.lessons;

/** OPEN (re)opens alice-pc's terminal to hamburger.edu port 25; every other entry is a typed line. */
const OPEN = { open: true } as const;
type Script = readonly (string | typeof OPEN)[];

const HELO = 'HELO crepes.fr';
const MAIL = 'MAIL FROM: <alice@crepes.fr>';
const RCPT = 'RCPT TO: <bob@hamburger.edu>';
const MESSAGE = ['DATA', 'Subject: Lunch', '', 'Do you like ketchup?', '.'];

function play(lesson: Lesson, script: Script): Session {
  const inputs: TimedInput[] = [OPEN, ...script].map((entry, i) => ({
    at: 1000 * i,
    input:
      typeof entry === 'string'
        ? { type: 'terminal.type', host: 'alice-pc', text: entry }
        : { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 },
  }));
  const session = new Session(lesson.scenario, inputs);
  session.runUntilQuiet(1000 * inputs.length + 3_600_000);
  return session;
}

interface Case {
  readonly lesson: string;
  readonly step: string;
  readonly meets: Script;
  readonly misses: Script;
  /** why says what the nearby wrong script gets instead. */
  readonly why: string;
}

const QUIT_IN_MESSAGE = [HELO, MAIL, RCPT, 'DATA', 'QUIT'];

const CASES: readonly Case[] = [
  {
    lesson: 'smtp-by-hand',
    step: 'helo',
    meets: [HELO],
    misses: ['HELLO crepes.fr'],
    why: '500 answers HELLO',
  },
  {
    lesson: 'smtp-by-hand',
    step: 'envelope',
    meets: [HELO, MAIL, RCPT],
    misses: [HELO, RCPT, MAIL],
    why: 'RCPT before MAIL gets 503',
  },
  {
    lesson: 'smtp-by-hand',
    step: 'message',
    meets: [HELO, MAIL, RCPT, ...MESSAGE],
    misses: [HELO, MAIL, ...MESSAGE],
    why: 'DATA without RCPT gets 503, and the lines after it are commands',
  },
  {
    lesson: 'smtp-by-hand',
    step: 'quit',
    meets: [HELO, 'QUIT'],
    misses: QUIT_IN_MESSAGE,
    why: 'QUIT typed after 354 is message text, which no reply answers',
  },
  {
    lesson: 'server-keeps-order',
    step: 'rcpt-first',
    meets: [HELO, RCPT],
    misses: [RCPT, HELO, MAIL, RCPT],
    why: 'RCPT before HELO gets 503 too, but smtp.seq.needHelo; after MAIL it gets 250',
  },
  {
    lesson: 'server-keeps-order',
    step: 'data-first',
    meets: [HELO, MAIL, 'DATA'],
    misses: [HELO, 'DATA', MAIL, RCPT, 'DATA'],
    why: 'DATA before MAIL gets smtp.seq.needMailForData; after RCPT it gets 354',
  },
  {
    lesson: 'server-keeps-order',
    step: 'unknown',
    meets: [HELO, 'HELLO hamburger.edu'],
    misses: [HELO, `NOOP ${'x'.repeat(600)}`, 'MAIL FROM: alice'],
    why: 'a line too long gets 500 too, but smtp.error.lineTooLong; a bad argument gets 501',
  },
  {
    lesson: 'server-keeps-order',
    step: 'still-there',
    meets: [HELO, MAIL, 'HELLO', RCPT, ...MESSAGE],
    misses: [HELO, 'HELLO', RCPT, ...MESSAGE],
    why: 'without a sender RCPT gets 503',
  },
  {
    lesson: 'persistent-connection',
    step: 'first',
    meets: [HELO, MAIL, RCPT, ...MESSAGE],
    misses: [HELO, MAIL, RCPT, ...MESSAGE.slice(0, -1), '..'],
    why: 'a line of two dots is message text, not the end of it',
  },
  {
    lesson: 'persistent-connection',
    step: 'second',
    meets: [HELO, MAIL, RCPT, ...MESSAGE, MAIL, RCPT, ...MESSAGE],
    misses: [HELO, MAIL, RCPT, ...MESSAGE, 'QUIT', OPEN, HELO, MAIL, RCPT, ...MESSAGE],
    why: 'the second message goes on a second connection',
  },
  {
    lesson: 'persistent-connection',
    step: 'quit',
    meets: [HELO, 'QUIT'],
    misses: QUIT_IN_MESSAGE,
    why: 'QUIT typed after 354 is message text, which no reply answers',
  },
  {
    lesson: 'header-and-body',
    step: 'by-hand',
    meets: [HELO, MAIL, RCPT, ...MESSAGE],
    misses: [HELO, 'Subject: Lunch', MAIL, RCPT, 'DATA', '', 'Do you like ketchup?', '.'],
    why: 'a Subject line typed before DATA is a command (500), not part of the message',
  },
];

describe.each(CASES)('the $lesson lesson’s $step goal', ({ lesson: slug, step, meets, misses, why }) => {
  const lesson = lessons.find((l) => l.slug === slug);
  const goal = lesson?.steps.find((s) => s.id === step)?.goal;

  it('is met by the right action', () => {
    expect(goal).toBeDefined();
    expect(checkGoal(goal!, play(lesson!, meets).events).met).toBe(true);
  });

  it(`is not met by a nearby wrong one: ${why}`, () => {
    expect(checkGoal(goal!, play(lesson!, misses).events)).toEqual({ met: false });
  });
});
