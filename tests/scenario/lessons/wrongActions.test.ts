// A step is met only by doing what it teaches. For every step of the nine lessons, the driver is brought to the
// step by "show me" of the steps before it, then a nearby wrong action is done instead (composing where the step
// teaches typing, the wrong order, the wrong encoding, "show me" of another step), the world runs to its end, and
// the step must still be open.
import { describe, expect, it } from 'vitest';
import { HeadlessLab } from '../../../src/lessons/headlessLab.ts';
import { LessonDriver } from '../../../src/lessons/lessonDriver.ts';
import { formatLessonIssues, type Lesson } from '../../../src/lessons/lessonFormat.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';
import type { Fault, Input, MailDraft, TimedInput } from '../../../src/sim/input.ts';

const course = readCourse('lessons');
if (!course.ok) throw new Error(formatLessonIssues(course.issues));
const lessons = course.course.lessons;

const OPEN: Input = { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 };
const HELO = 'HELO crepes.fr';
const MAIL = 'MAIL FROM: <alice@crepes.fr>';
const RCPT = 'RCPT TO: <bob@hamburger.edu>';

/** A wrong action: inputs a person does from the step's start on, half a second apart. */
type Act = string | Input;

const typed = (...lines: Act[]): Act[] => lines;
const compose = (draft: MailDraft = {}): Input => ({
  type: 'mail.send',
  host: 'alice-pc',
  to: ['bob@hamburger.edu'],
  subject: 'Lunch',
  body: 'Do you like ketchup?',
  ...draft,
});
const fault = (f: Fault): Input => ({ type: 'fault', fault: f });
const hamburgerDown = fault({ type: 'host.down', host: 'hamburger.edu' });
const hamburgerUp = fault({ type: 'host.up', host: 'hamburger.edu' });

interface Case {
  readonly step: string;
  readonly wrong: readonly Act[];
  /** why names the nearby wrong action in the test's title. */
  readonly why: string;
}

const CASES: Readonly<Record<string, readonly Case[]>> = {
  'three-parts': [
    {
      step: 'compose',
      wrong: typed(OPEN, HELO, MAIL, RCPT, 'DATA', 'Lunch', '.'),
      why: 'typing instead of composing',
    },
    { step: 'relay', wrong: [hamburgerDown], why: 'crashing the next server before the relay' },
    { step: 'mailbox', wrong: [hamburgerDown], why: 'crashing the next server before delivery' },
  ],
  'smtp-over-tcp': [
    { step: 'handshake', wrong: [compose()], why: 'composing instead of opening the console' },
    { step: 'lossy', wrong: [compose()], why: 'sending without making the link lossy' },
  ],
  'smtp-by-hand': [
    { step: 'connect', wrong: [compose()], why: 'composing instead of telnet' },
    { step: 'helo', wrong: [compose()], why: 'composing instead of typing HELO' },
    { step: 'envelope', wrong: [compose()], why: 'composing instead of typing MAIL and RCPT' },
    { step: 'message', wrong: [compose()], why: 'composing instead of typing DATA' },
    { step: 'quit', wrong: [compose()], why: 'composing instead of typing QUIT' },
  ],
  'server-keeps-order': [
    { step: 'rcpt-first', wrong: typed(OPEN, HELO, MAIL, RCPT), why: 'RCPT in its right place' },
    { step: 'data-first', wrong: typed(RCPT, 'DATA'), why: 'DATA after RCPT' },
    { step: 'unknown', wrong: typed(HELO), why: 'a command the server knows' },
    {
      step: 'bad-argument',
      wrong: typed(MAIL),
      why: 'a second MAIL, refused for its place, not its argument',
    },
    { step: 'still-there', wrong: [compose()], why: 'composing instead of typing the message' },
  ],
  'persistent-connection': [
    { step: 'first', wrong: [compose()], why: 'composing instead of typing' },
    {
      step: 'second',
      wrong: typed('QUIT', OPEN, HELO, MAIL, RCPT, 'DATA', 'Subject: Second', '', 'Again.', '.'),
      why: 'the second message on a new connection',
    },
    {
      step: 'quit',
      wrong: [{ type: 'terminal.close', host: 'alice-pc' }],
      why: 'closing the console without QUIT',
    },
    { step: 'compare', wrong: [compose()], why: 'composing only one message' },
  ],
  'server-down': [
    { step: 'down', wrong: [compose()], why: 'sending while the server is up' },
    { step: 'retry', wrong: [hamburgerUp], why: 'bringing the server back before the third try' },
    {
      step: 'back',
      wrong: [fault({ type: 'queue.flush', host: 'crepes.fr' })],
      why: 'flushing the queue while it is down',
    },
    { step: 'warning', wrong: [compose()], why: 'sending while the server is up' },
    { step: 'bounce', wrong: [hamburgerUp], why: 'bringing the server back before the give-up time' },
  ],
  'why-not-direct': [
    { step: 'direct', wrong: [compose()], why: 'sending through the own server' },
    { step: 'queued', wrong: [compose({ direct: true })], why: 'sending direct again' },
    {
      step: 'recovered',
      wrong: [fault({ type: 'queue.flush', host: 'crepes.fr' })],
      why: 'flushing the queue while it is down',
    },
  ],
  'header-and-body': [
    {
      step: 'compose-bcc',
      wrong: [compose({ to: ['bob@hamburger.edu', 'alice@crepes.fr'] })],
      why: 'To instead of Bcc',
    },
    {
      step: 'by-hand',
      wrong: [compose({ subject: 'Searching for the meaning of life.' })],
      why: 'composing instead of typing',
    },
    {
      step: 'envelope',
      wrong: typed(
        MAIL,
        RCPT,
        'DATA',
        'From: alice@crepes.fr',
        'To: bob@hamburger.edu',
        'Subject: Hi',
        '',
        'Hi.',
        '.',
      ),
      why: 'a To: that matches the envelope',
    },
  ],
  'mime-and-base64': [
    { step: 'korean-subject', wrong: [compose({ subject: 'Lunch menu' })], why: 'a subject in English' },
    {
      step: 'attachment',
      wrong: [compose({ subject: 'Menu', body: 'The menu: crepes.' })],
      why: 'no attachment',
    },
    {
      step: 'by-hand',
      wrong: [compose({ subject: '점심', body: '점심은 몇 시에요?' })],
      why: 'composing the Korean text instead of typing Base64',
    },
  ],
};

const NINE = Object.keys(CASES);

interface AtStep {
  readonly inputs: readonly TimedInput[];
  readonly cursor: number;
}

// Where each step begins in one run of "show me": the inputs so far and the cursor, to start a fresh lab from.
function stepStarts(lesson: Lesson): AtStep[] {
  const lab = new HeadlessLab(lesson.scenario);
  const driver = new LessonDriver(lesson, lab);
  driver.start();
  const starts: AtStep[] = [];
  for (let i = 0; i < lesson.steps.length && !driver.finished; i++) {
    starts.push({ inputs: lab.inputs, cursor: lab.cursor });
    driver.showMe();
    driver.observe();
  }
  return starts;
}

function atStep(lesson: Lesson, start: AtStep): { lab: HeadlessLab; driver: LessonDriver } {
  const lab = new HeadlessLab(lesson.scenario);
  lab.setInputs(start.inputs, start.cursor);
  const driver = new LessonDriver(lesson, lab);
  driver.start();
  return { lab, driver };
}

function asInputs(acts: readonly Act[], from: number): TimedInput[] {
  return acts.map((act, i) => ({
    at: from + 0.001 + 500 * i,
    input: typeof act === 'string' ? { type: 'terminal.type', host: 'alice-pc', text: act } : act,
    by: { kind: 'person' },
  }));
}

describe.each(NINE)('the %s lesson', (slug) => {
  const lesson = lessons.find((l) => l.slug === slug);
  if (lesson === undefined) throw new Error(`no lesson ${slug}`);
  const starts = stepStarts(lesson);

  it('has a nearby wrong action for every step', () => {
    expect((CASES[slug] ?? []).map((c) => c.step)).toEqual(lesson.steps.map((s) => s.id));
  });

  it.each((CASES[slug] ?? []).map((c) => [c.step, c.why, c] as const))(
    'does not tick "%s" off for %s',
    (_step, _why, c) => {
      const index = lesson.steps.findIndex((s) => s.id === c.step);
      const { lab, driver } = atStep(lesson, starts[index]!);
      expect(driver.state.step).toBe(index);
      lab.addInputs(asInputs(c.wrong, lab.now));
      lab.playToEnd();
      driver.observe();
      expect(driver.state.step).toBe(index);
    },
    60_000,
  );

  // A step that only watches is met by the world going on; a step that acts is pinned down by its goal's first
  // act (a line typed, a message sent), which "show me" of another step never supplies.
  const acting = lesson.steps.flatMap((s, index) => {
    const other = [lesson.steps[index + 1], lesson.steps[index - 1]].find((o) => o && o.solution.length > 0);
    return s.solution.length > 0 && other ? [[s.id, other.id, index, other] as const] : [];
  });
  it.each(acting)(
    'does not tick "%s" off for "show me" of "%s"',
    (_step, _other, index, other) => {
      const { lab, driver } = atStep(lesson, starts[index]!);
      const base = lab.now;
      lab.addInputs(
        other.solution.map((e) => ({
          at: base + e.at,
          input: e.input,
          by: { kind: 'showMe', step: other.id },
        })),
      );
      lab.playToEnd();
      driver.observe();
      expect(driver.state.step).toBe(index);
    },
    60_000,
  );
});
