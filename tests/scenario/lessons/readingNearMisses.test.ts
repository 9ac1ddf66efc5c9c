// The reading lessons' goals tell the thing asked for from its nearest wrong version: for every step of the
// POP3 and IMAP lessons, a run that does the step meets its goal and a run that does something close to it
// (the other POP3 mode, the other device, a command in the wrong state, the attachment instead of the text)
// does not. Runs start after Alice's mail has been delivered, one input a second.
import { describe, expect, it } from 'vitest';
import { checkGoal } from '../../../src/lessons/goals.ts';
import { formatLessonIssues, type Lesson } from '../../../src/lessons/lessonFormat.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';
import type { Input, TimedInput } from '../../../src/sim/input.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';

const course = readCourse('lessons');
if (!course.ok) throw new Error(formatLessonIssues(course.issues));
const lessons = course.course.lessons;

/** FIRST_INPUT_MS leaves time for the lesson's own mail to reach Bob's mailbox before the case's inputs. */
const FIRST_INPUT_MS = 10_000;

type Device = 'bob-pc' | 'bob-phone';
const open = (port: number): Input => ({
  type: 'terminal.open',
  host: 'bob-pc',
  target: 'hamburger.edu',
  port,
});
const type = (text: string): Input => ({ type: 'terminal.type', host: 'bob-pc', text });
const hangUp: Input = { type: 'terminal.close', host: 'bob-pc' };
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
const DINNER: Input = {
  type: 'mail.send',
  host: 'alice-pc',
  to: ['bob@hamburger.edu'],
  subject: 'Dinner',
  body: 'Crepes tonight?',
};

const web = (url: string): Input => ({ type: 'web.open', host: 'bob-pc', url });
const webLogin = (password: string): Input => ({ type: 'web.login', host: 'bob-pc', user: 'bob', password });
const WEBMAIL = [web('http://webmail.hamburger.edu/'), webLogin('hungry')];
const TO_BOB: Input = {
  type: 'mail.send',
  host: 'alice-pc',
  to: ['bob@hamburger.edu'],
  subject: '점심 Lunch',
  body: 'Do you like ketchup?',
};

const POP3_LOGIN = [open(110), type('USER bob'), type('PASS hungry')];
const IMAP_LOGIN = [open(143), type('a1 LOGIN bob hungry')];
const BOTH_IMAP = [imap('bob-phone'), imap('bob-pc')];

interface Case {
  readonly lesson: string;
  readonly step: string;
  readonly meets: readonly Input[];
  readonly misses: readonly Input[];
  /** why says what the nearby wrong run does instead. */
  readonly why: string;
}

const CASES: readonly Case[] = [
  {
    lesson: 'push-and-pull',
    step: 'pull-empty',
    meets: WEBMAIL,
    misses: [web('http://webmail.hamburger.edu/'), webLogin('ketchup')],
    why: 'a wrong password gets the form again, not the inbox',
  },
  {
    lesson: 'push-and-pull',
    step: 'push',
    meets: [TO_BOB],
    misses: [
      ...WEBMAIL,
      { type: 'web.send', host: 'bob-pc', to: ['alice@crepes.fr'], subject: 'Lunch', body: 'Yes' },
    ],
    why: 'Bob’s reply is pushed the other way, by hamburger.edu',
  },
  {
    lesson: 'push-and-pull',
    step: 'pull',
    meets: [...WEBMAIL, TO_BOB, web('/inbox'), { type: 'web.read', host: 'bob-pc', uid: 1 }],
    misses: [...WEBMAIL, TO_BOB, web('/inbox')],
    why: 'reloading the inbox lists the message without opening it',
  },
  {
    lesson: 'push-and-pull',
    step: 'by-hand',
    meets: [
      { type: 'terminal.open', host: 'bob-pc', target: 'webmail.hamburger.edu', port: 80 },
      type('GET /style.css HTTP/1.1'),
      type('Host: webmail.hamburger.edu'),
      type(''),
    ],
    misses: [web('http://webmail.hamburger.edu/style.css')],
    why: 'the browser fetches it, not a request typed in the console',
  },
  {
    lesson: 'pop3-by-hand',
    step: 'connect',
    meets: [open(110)],
    misses: [open(25)],
    why: 'port 25 greets in SMTP',
  },
  {
    lesson: 'pop3-by-hand',
    step: 'wrong-password',
    meets: [open(110), type('USER bob'), type('PASS ketchup')],
    misses: [open(110), type('PASS ketchup'), type('USER bob'), type('PASS hungry')],
    why: 'PASS before USER is refused for its order, not for the password',
  },
  {
    lesson: 'pop3-by-hand',
    step: 'login',
    meets: POP3_LOGIN,
    misses: [open(110), type('USER bob'), type('PASS ketchup')],
    why: 'a wrong password is refused',
  },
  {
    lesson: 'pop3-by-hand',
    step: 'look',
    meets: [...POP3_LOGIN, type('STAT'), type('LIST')],
    misses: [open(110), type('STAT'), type('LIST'), type('USER bob'), type('PASS hungry')],
    why: 'STAT and LIST in the AUTHORIZATION state get -ERR',
  },
  {
    lesson: 'pop3-by-hand',
    step: 'retrieve',
    meets: [...POP3_LOGIN, type('RETR 1')],
    misses: [...POP3_LOGIN, type('RETR 3')],
    why: 'there is no message 3',
  },
  {
    lesson: 'pop3-by-hand',
    step: 'hang-up',
    meets: [...POP3_LOGIN, type('DELE 1'), hangUp],
    misses: [...POP3_LOGIN, type('DELE 1'), type('QUIT')],
    why: 'QUIT enters UPDATE instead of dropping the session',
  },
  {
    lesson: 'pop3-by-hand',
    step: 'update',
    meets: [...POP3_LOGIN, type('DELE 1'), type('QUIT')],
    misses: [...POP3_LOGIN, type('DELE 1'), type('RSET'), type('QUIT')],
    why: 'RSET unmarks the message, so UPDATE removes nothing',
  },
  // The Read mail panel reads with the same POP3 commands, but the lesson asks for them typed in the console.
  ...(['connect', 'login', 'look', 'retrieve', 'update'] as const).map((step): Case => ({
    lesson: 'pop3-by-hand',
    step,
    meets: {
      connect: [open(110)],
      login: POP3_LOGIN,
      look: [...POP3_LOGIN, type('STAT'), type('LIST')],
      retrieve: [...POP3_LOGIN, type('RETR 1')],
      update: [...POP3_LOGIN, type('DELE 1'), type('QUIT')],
    }[step],
    misses: [pop3('bob-pc', 'delete')],
    why: 'the Read mail panel downloads and deletes with the same commands, none of them typed',
  })),
  {
    lesson: 'delete-or-keep',
    step: 'pc-deletes',
    meets: [pop3('bob-pc', 'delete')],
    misses: [pop3('bob-pc', 'keep')],
    why: 'download and keep sends no DELE',
  },
  {
    lesson: 'delete-or-keep',
    step: 'phone-finds-nothing',
    meets: [pop3('bob-pc', 'delete'), pop3('bob-phone', 'keep')],
    misses: [pop3('bob-pc', 'keep'), pop3('bob-phone', 'keep')],
    why: 'after the PC kept the message the phone finds it',
  },
  {
    lesson: 'delete-or-keep',
    step: 'pc-keeps',
    meets: [DINNER, pop3('bob-pc', 'keep')],
    misses: [DINNER, pop3('bob-pc', 'delete')],
    why: 'the PC downloads in delete mode',
  },
  {
    lesson: 'delete-or-keep',
    step: 'phone-finds-it',
    meets: [pop3('bob-phone', 'keep')],
    misses: [pop3('bob-pc', 'keep')],
    why: 'the PC downloads, not the phone',
  },
  {
    lesson: 'delete-or-keep',
    step: 'pc-again',
    meets: [pop3('bob-pc', 'keep'), pop3('bob-pc', 'keep')],
    misses: [pop3('bob-pc', 'keep'), pop3('bob-phone', 'keep')],
    why: 'the phone has no record of the ids, so it downloads the message',
  },
  {
    lesson: 'imap-keeps-state',
    step: 'two-devices',
    meets: BOTH_IMAP,
    misses: [imap('bob-phone'), pop3('bob-pc', 'keep')],
    why: 'the PC reads with POP3',
  },
  {
    lesson: 'imap-keeps-state',
    step: 'seen',
    meets: [...BOTH_IMAP, openMail('bob-pc', 1)],
    misses: [...BOTH_IMAP, openMail('bob-phone', 1)],
    why: 'the phone opens it, so the PC is the one told',
  },
  {
    lesson: 'imap-keeps-state',
    step: 'flagged',
    meets: [
      ...BOTH_IMAP,
      { type: 'mail.flag', host: 'bob-pc', folder: 'INBOX', uid: 2, flag: '\\Flagged', set: true },
    ],
    misses: [...BOTH_IMAP, openMail('bob-pc', 2)],
    why: 'opening sets \\Seen, not \\Flagged',
  },
  {
    lesson: 'imap-keeps-state',
    step: 'by-hand',
    meets: [
      ...IMAP_LOGIN,
      type('a2 SELECT INBOX'),
      type('a3 FETCH 1 (BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)])'),
      type('a4 SEARCH UNSEEN'),
      type('a5 CREATE Recipes'),
    ],
    misses: [
      ...IMAP_LOGIN,
      type('a3 FETCH 1 (BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)])'),
      type('a4 SEARCH UNSEEN'),
      type('a5 CREATE Recipes'),
    ],
    why: 'FETCH and SEARCH before SELECT are refused',
  },
  {
    lesson: 'imap-keeps-state',
    step: 'by-hand',
    meets: [
      ...IMAP_LOGIN,
      type('a2 SELECT INBOX'),
      type('a3 FETCH 1 (BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)])'),
      type('a4 SEARCH UNSEEN'),
      type('a5 CREATE Recipes'),
    ],
    misses: [imap('bob-pc'), { type: 'mail.search', host: 'bob-pc', folder: 'INBOX', query: 'UNSEEN' }],
    why: 'the Read mail panel logs in, fetches and searches, none of it typed',
  },
  {
    lesson: 'imap-keeps-state',
    step: 'move',
    meets: [
      ...BOTH_IMAP,
      ...IMAP_LOGIN,
      type('a2 CREATE Recipes'),
      imap('bob-pc'),
      { type: 'mail.move', host: 'bob-pc', folder: 'INBOX', uid: 1, to: 'Recipes' },
    ],
    misses: [...BOTH_IMAP, { type: 'mail.delete', host: 'bob-pc', folder: 'INBOX', uid: 1 }],
    why: 'deleting moves the message to Trash, not to a folder of Bob’s',
  },
  {
    lesson: 'partial-fetch',
    step: 'headers',
    meets: [imap('bob-pc')],
    misses: [pop3('bob-pc', 'keep')],
    why: 'POP3 downloads the whole message',
  },
  {
    lesson: 'partial-fetch',
    step: 'text-only',
    meets: [imap('bob-pc'), openMail('bob-pc', 1)],
    misses: [imap('bob-pc'), openMail('bob-pc', 1, '2')],
    why: 'the attachment is part 2',
  },
  {
    lesson: 'partial-fetch',
    step: 'attachment',
    meets: [imap('bob-pc'), openMail('bob-pc', 1, '2')],
    misses: [imap('bob-pc'), openMail('bob-pc', 1)],
    why: 'opening the message fetches only its text',
  },
  {
    lesson: 'partial-fetch',
    step: 'pop3-whole',
    meets: [pop3('bob-phone', 'keep')],
    misses: [imap('bob-phone')],
    why: 'IMAP fetches only the headers',
  },
];

/**
 * smallerAttachment shrinks the 5 MB photo of the partial-fetch lesson to a few hundred kilobytes: the goals
 * read which part was fetched, not its size, and a run stays quick.
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

function play(lesson: Lesson, inputs: readonly Input[]): Session {
  const scenario = lesson.slug === 'partial-fetch' ? smallerAttachment(lesson.scenario) : lesson.scenario;
  const timed: TimedInput[] = inputs.map((input, i) => ({ at: FIRST_INPUT_MS + 2000 * i, input }));
  const session = new Session(scenario, timed);
  session.runUntil(FIRST_INPUT_MS + 2000 * inputs.length + 60_000);
  return session;
}

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

it('every step of the reading lessons has its near miss here', () => {
  const reading = lessons.filter((l) => l.folder.startsWith('04-'));
  const covered = new Set(CASES.map((c) => `${c.lesson}/${c.step}`));
  for (const lesson of reading.filter((l) => CASES.some((c) => c.lesson === l.slug)))
    for (const step of lesson.steps)
      expect(covered, `${lesson.slug}/${step.id}`).toContain(`${lesson.slug}/${step.id}`);
});
