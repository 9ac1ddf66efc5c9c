// The textbook-and-modern lesson's goals tell the two client styles apart by the facts of the trace: each is met by
// a message sent in its own world and missed by the same message sent where the client greets or waits otherwise.
import { describe, expect, it } from 'vitest';
import { checkGoal } from '../../../src/lessons/goals.ts';
import { formatLessonIssues } from '../../../src/lessons/lessonFormat.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';
import type { TraceEvent } from '../../../src/sim/trace.ts';

const course = readCourse('lessons');
if (!course.ok) throw new Error(formatLessonIssues(course.issues));
const lesson = course.course.lessons.find((l) => l.slug === 'textbook-and-modern');
if (!lesson) throw new Error('the textbook-and-modern lesson is missing');
const modern = builtinScenario('modern');
if (!modern) throw new Error('the modern scenario is missing');

function goalOf(step: string) {
  const goal = lesson?.steps.find((s) => s.id === step)?.goal;
  if (!goal) throw new Error(`no goal for step ${step}`);
  return goal;
}

/** sentIn is the trace of Alice's one message in `scenario`, sent from Compose. */
function sentIn(scenario: Scenario): readonly TraceEvent[] {
  const session = new Session(scenario, [
    {
      at: 500,
      input: { type: 'mail.send', host: 'alice-pc', to: ['bob@hamburger.edu'], subject: 'Lunch', body: 'x' },
    },
  ]);
  session.runUntilQuiet(600_000);
  return session.events;
}

describe('the textbook-and-modern lesson', () => {
  it("meets the book step with the book's client: HELO, then RCPT only after MAIL's 250", () => {
    expect(checkGoal(goalOf('book'), sentIn(lesson.scenario)).met).toBe(true);
  });

  it('misses the book step with the modern client, which says EHLO and sends RCPT before that 250', () => {
    expect(checkGoal(goalOf('book'), sentIn(modern))).toEqual({ met: false });
  });

  it('meets the modern step with EHLO, PIPELINING offered, SIZE announced and RCPT sent without waiting', () => {
    expect(checkGoal(goalOf('modern'), sentIn(modern)).met).toBe(true);
  });

  it("misses the modern step with the book's client, which says HELO and waits for each reply", () => {
    expect(checkGoal(goalOf('modern'), sentIn(lesson.scenario))).toEqual({ met: false });
  });
});
