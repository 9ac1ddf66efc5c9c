// A step is met only by doing what it teaches. For every step of every lesson, the driver is brought to the step
// by "show me" of the steps before it, then a nearby wrong action is done instead (composing where the step
// teaches typing, the Read mail panel where it teaches POP3 by hand, the wrong order, the wrong encoding, "show me"
// of another step), the world runs to its end, and the step must still be open.
import { describe, expect, it } from 'vitest';
import { HeadlessLab } from '../../../src/lessons/headlessLab.ts';
import { LessonDriver } from '../../../src/lessons/lessonDriver.ts';
import { formatLessonIssues, type Lesson } from '../../../src/lessons/lessonFormat.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';
import type { Fault, Input, MailDraft, TimedInput } from '../../../src/sim/input.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';

const course = readCourse('lessons');
if (!course.ok) throw new Error(formatLessonIssues(course.issues));
const lessons = course.course.lessons;

const OPEN: Input = { type: 'terminal.open', host: 'alice-pc', target: 'hamburger.edu', port: 25 };
const HELO = 'HELO crepes.fr';
const MAIL = 'MAIL FROM: <alice@crepes.fr>';
const RCPT = 'RCPT TO: <bob@hamburger.edu>';

/**
 * A wrong action: inputs a person does from the step's start on, half a second apart; a string is a line typed in
 * the lesson's console, and a wait lets the world go on first (for mail that is still on its way).
 */
type Act = string | Input | { readonly wait: number };

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

type Device = 'bob-pc' | 'bob-phone';
const pop3 = (host: Device, mode: 'delete' | 'keep'): Input => ({
  type: 'mail.fetch',
  host,
  protocol: 'pop3',
  mode,
});
const imap = (host: Device): Input => ({ type: 'mail.fetch', host, protocol: 'imap' });
const openMail = (host: Device, uid: number, part?: string): Input => ({
  type: 'mail.open',
  host,
  folder: 'INBOX',
  uid,
  ...(part === undefined ? {} : { part }),
});
const web = (url: string): Input => ({ type: 'web.open', host: 'bob-pc', url });

/** CONSOLE is whose console a lesson's typed lines go to: Alice's, unless Bob is the one reading by hand. */
const CONSOLE: Readonly<Record<string, string>> = {
  'push-and-pull': 'bob-pc',
  'pop3-by-hand': 'bob-pc',
  'imap-keeps-state': 'bob-pc',
};

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
    {
      step: 'reuse',
      wrong: [compose(), compose({ subject: 'Dinner' })],
      why: 'two messages with connection reuse still off',
    },
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
  'push-and-pull': [
    {
      step: 'pull-empty',
      wrong: [
        web('http://webmail.hamburger.edu/'),
        { type: 'web.login', host: 'bob-pc', user: 'bob', password: 'ketchup' },
      ],
      why: 'a wrong password, which gets the form again',
    },
    {
      step: 'push',
      wrong: [{ type: 'web.send', host: 'bob-pc', to: ['alice@crepes.fr'], subject: 'Lunch', body: 'Yes' }],
      why: 'Bob’s reply, pushed the other way',
    },
    { step: 'pull', wrong: [web('/inbox')], why: 'reloading the inbox without opening the message' },
    {
      step: 'by-hand',
      wrong: [web('http://webmail.hamburger.edu/style.css')],
      why: 'the browser fetching it instead of a request typed in the console',
    },
  ],
  'pop3-by-hand': [
    { step: 'connect', wrong: [pop3('bob-pc', 'delete')], why: 'the Read mail panel instead of telnet' },
    { step: 'wrong-password', wrong: typed('PASS ketchup'), why: 'PASS before USER' },
    { step: 'login', wrong: [pop3('bob-pc', 'keep')], why: 'the Read mail panel logging in' },
    { step: 'look', wrong: typed('LIST'), why: 'LIST without STAT' },
    { step: 'retrieve', wrong: typed('RETR 3'), why: 'a message that is not there' },
    { step: 'hang-up', wrong: typed('DELE 1', 'QUIT'), why: 'QUIT instead of hanging up' },
    { step: 'update', wrong: [pop3('bob-pc', 'delete')], why: 'the Read mail panel deleting' },
  ],
  'delete-or-keep': [
    { step: 'pc-deletes', wrong: [pop3('bob-pc', 'keep')], why: 'download and keep' },
    { step: 'phone-finds-nothing', wrong: [pop3('bob-pc', 'keep')], why: 'the PC looking again' },
    {
      step: 'pc-keeps',
      wrong: [{ wait: 5000 }, pop3('bob-pc', 'delete')],
      why: 'download and delete',
    },
    { step: 'phone-finds-it', wrong: [pop3('bob-pc', 'keep')], why: 'the PC downloading' },
    { step: 'pc-again', wrong: [pop3('bob-phone', 'keep')], why: 'the phone, with no record of the ids' },
  ],
  'imap-keeps-state': [
    {
      step: 'two-devices',
      wrong: [{ wait: 3000 }, imap('bob-phone'), pop3('bob-pc', 'keep')],
      why: 'the PC reading with POP3',
    },
    { step: 'seen', wrong: [openMail('bob-phone', 1)], why: 'the phone opening it' },
    { step: 'flagged', wrong: [openMail('bob-pc', 2)], why: 'opening instead of flagging' },
    {
      step: 'by-hand',
      wrong: [
        { type: 'terminal.open', host: 'bob-pc', target: 'hamburger.edu', port: 143 },
        'a1 LOGIN bob hungry',
        'a3 FETCH 1 (BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)])',
        'a4 SEARCH UNSEEN',
        'a5 CREATE Recipes',
      ],
      why: 'FETCH and SEARCH before SELECT',
    },
    {
      step: 'move',
      wrong: [{ type: 'mail.delete', host: 'bob-pc', folder: 'INBOX', uid: 1 }],
      why: 'deleting, which moves it to Trash',
    },
  ],
  'partial-fetch': [
    {
      step: 'headers',
      wrong: [{ wait: 10_000 }, pop3('bob-pc', 'keep')],
      why: 'POP3, which downloads it whole',
    },
    { step: 'text-only', wrong: [openMail('bob-pc', 1, '2')], why: 'opening the attachment' },
    { step: 'attachment', wrong: [openMail('bob-pc', 1)], why: 'opening only the text' },
    { step: 'pop3-whole', wrong: [imap('bob-phone')], why: 'IMAP, which fetches only the headers' },
  ],
};

const SLUGS = Object.keys(CASES);

/**
 * smallerAttachment shrinks the megabyte photo of the partial-fetch lesson to a few hundred kilobytes: its goals
 * read which part was fetched, not its size, and each case replays the world.
 */
function smallerAttachment(scenario: Scenario): Scenario {
  return {
    ...scenario,
    inputs: scenario.inputs.map((timed) =>
      timed.input.type === 'mail.send' && timed.input.attachments
        ? {
            ...timed,
            input: {
              ...timed.input,
              attachments: timed.input.attachments.map((a) => ({ ...a, repeat: 10_000 })),
            },
          }
        : timed,
    ),
  };
}

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

function asInputs(acts: readonly Act[], from: number, host: string): TimedInput[] {
  let at = from + 0.001;
  const inputs: TimedInput[] = [];
  for (const act of acts) {
    if (typeof act !== 'string' && 'wait' in act) {
      at += act.wait;
      continue;
    }
    const input: Input = typeof act === 'string' ? { type: 'terminal.type', host, text: act } : act;
    inputs.push({ at, input, by: { kind: 'person' } });
    at += 500;
  }
  return inputs;
}

describe.each(SLUGS)('the %s lesson', (slug) => {
  const found = lessons.find((l) => l.slug === slug);
  if (found === undefined) throw new Error(`no lesson ${slug}`);
  const lesson = slug === 'partial-fetch' ? { ...found, scenario: smallerAttachment(found.scenario) } : found;
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
      lab.addInputs(asInputs(c.wrong, lab.now, CONSOLE[slug] ?? 'alice-pc'));
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
