// The one lesson driver on real lessons: "show me" pressed twice or after half a step still finishes the step
// and stops there, a session never idles out under the student, Continue resumes at the first step not done,
// and questions take natural Korean, hint before they tell, and tell after two tries.
import { describe, expect, it } from 'vitest';
import { HeadlessLab } from '../../../src/lessons/headlessLab.ts';
import { LessonDriver } from '../../../src/lessons/lessonDriver.ts';
import { formatLessonIssues, type Lesson } from '../../../src/lessons/lessonFormat.ts';
import { answerFromTrace } from '../../../src/lessons/questions.ts';
import { readCourse } from '../../../src/lessons/readLessons.ts';
import type { TraceEvent } from '../../../src/sim/trace.ts';

const course = readCourse('lessons');
if (!course.ok) throw new Error(formatLessonIssues(course.issues));
const lesson = (slug: string): Lesson => course.course.lessons.find((l) => l.slug === slug)!;

function begin(slug: string): { lab: HeadlessLab; driver: LessonDriver } {
  const l = lesson(slug);
  const lab = new HeadlessLab(l.scenario);
  const driver = new LessonDriver(l, lab);
  driver.start();
  return { lab, driver };
}

function showMe(driver: LessonDriver): void {
  driver.showMe();
  driver.observe();
}

const shown = (lab: HeadlessLab): readonly TraceEvent[] => lab.trace.slice(0, lab.cursor + 1);
const timedOut = (events: readonly TraceEvent[]) =>
  events.some((e) => e.kind === 'app.line' && e.from === 'server' && e.code === 421);

describe('"show me"', () => {
  it('stops at the event that meets the step, with none of its later inputs left to fire', () => {
    const { lab, driver } = begin('smtp-by-hand');
    showMe(driver);
    expect(driver.state.step).toBe(1);
    const met = driver.state.done[0]!;
    expect(lab.cursor).toBe(met.atSeq);
    expect(lab.inputs.every((e) => e.at <= met.t)).toBe(true);
    expect(lab.inputs.every((e) => e.by?.kind === 'showMe' && e.by.step === 'connect')).toBe(true);
  });

  it('pressed twice in a row plays the step once and finishes it', () => {
    const { lab, driver } = begin('smtp-by-hand');
    driver.showMe();
    driver.showMe();
    driver.observe();
    expect(driver.state.done.map((d) => d.id)).toEqual(['connect']);
    expect(lab.inputs.filter((e) => e.input.type === 'terminal.open')).toHaveLength(1);
    showMe(driver);
    showMe(driver);
    expect(driver.state.done.map((d) => d.id)).toEqual(['connect', 'helo', 'envelope']);
  });

  it('finishes a step the student half did and then broke, from where the step began', () => {
    const { lab, driver } = begin('smtp-by-hand');
    showMe(driver);
    showMe(driver);
    expect(driver.state.step).toBe(2);
    lab.input({ type: 'terminal.type', host: 'alice-pc', text: 'MAIL FROM: <alice@crepes.fr>' });
    lab.playUntilQuiet(lab.now);
    lab.input({ type: 'terminal.close', host: 'alice-pc' });
    lab.playToEnd();
    driver.observe();
    expect(driver.state.step).toBe(2);
    showMe(driver);
    expect(driver.state.done.map((d) => d.id)).toEqual(['connect', 'helo', 'envelope']);
    expect(lab.inputs.some((e) => e.input.type === 'terminal.close')).toBe(false);
  });

  it('finishes the next step after the student let the session idle out', () => {
    const { lab, driver } = begin('smtp-by-hand');
    showMe(driver);
    lab.playToEnd();
    expect(timedOut(shown(lab))).toBe(true);
    showMe(driver);
    expect(driver.state.done.map((d) => d.id)).toEqual(['connect', 'helo']);
    expect(timedOut(shown(lab))).toBe(false);
  });

  it('never shows a session idling out while it plays a lesson through', () => {
    const { lab, driver } = begin('server-keeps-order');
    while (!driver.finished) {
      showMe(driver);
      expect(timedOut(shown(lab))).toBe(false);
    }
  });

  it('stops where the world falls quiet when the step cannot be met from here, and says so', () => {
    const l = lesson('smtp-by-hand');
    // In this world hamburger.edu is down for good: nobody will ever answer the telnet.
    const down = {
      ...l,
      scenario: { ...l.scenario, faults: [{ at: 0, fault: { type: 'host.down', host: 'hamburger.edu' } }] },
    } as Lesson;
    const lab = new HeadlessLab(down.scenario);
    const driver = new LessonDriver(down, lab);
    driver.start();
    showMe(driver);
    expect(driver.state).toMatchObject({ step: 0, stuck: 'connect' });
    expect(lab.cursor).toBeGreaterThan(0);
    expect(lab.now).toBeLessThan(60_000);
  });
});

describe('resuming', () => {
  it('replays the recorded run and continues at the first step not done', () => {
    const first = begin('smtp-by-hand');
    showMe(first.driver);
    showMe(first.driver);
    const l = lesson('smtp-by-hand');
    const lab = new HeadlessLab(l.scenario);
    lab.setInputs(first.lab.inputs, first.lab.cursor);
    const driver = new LessonDriver(l, lab);
    driver.start({ done: ['connect', 'helo'] });
    expect(driver.state.step).toBe(2);
    showMe(driver);
    expect(driver.state.done.map((d) => d.id)).toEqual(['connect', 'helo', 'envelope']);
  });

  it('continues at the first step not done even when no run was recorded', () => {
    const { driver } = begin('three-parts');
    driver.start({ done: ['compose'] });
    expect(driver.state.step).toBe(1);
  });

  it('performs the view set-up of the step it starts at', () => {
    const { lab } = begin('smtp-by-hand');
    expect(lab.views).toContainEqual({ action: 'openConsole', host: 'alice-pc' });
  });
});

describe('questions', () => {
  it('take a Korean short answer with its polite ending', () => {
    const { driver } = begin('three-parts');
    expect(driver.answer('client-or-server', { kind: 'short', text: '클라이언트입니다.' }, 'ko')?.kind).toBe(
      'correct',
    );
    const base64 = begin('mime-and-base64').driver;
    expect(base64.answer('decode', { kind: 'short', text: '점심이요' }, 'ko')?.kind).toBe('correct');
  });

  it('give a hint, not the answer, after one wrong try, and the answer after two or when asked', () => {
    const { driver } = begin('three-parts');
    driver.answer('client-or-server', { kind: 'short', text: '서버' }, 'ko');
    expect(driver.state.questions['client-or-server']).toMatchObject({ wrong: 1, revealed: false });
    driver.answer('client-or-server', { kind: 'short', text: '서버요' }, 'ko');
    expect(driver.state.questions['client-or-server']).toMatchObject({ wrong: 2, revealed: true });
    driver.answer('push-pull', { kind: 'choice', index: 0 }, 'en');
    expect(driver.state.questions['push-pull']?.revealed).toBe(false);
    driver.reveal('push-pull');
    expect(driver.state.questions['push-pull']?.revealed).toBe(true);
  });
});

describe('a step link without a recorded run', () => {
  // The same lesson done by pressing "show me" at each step up to `stepId`, as a student would.
  function pressedTo(slug: string, stepId: string): { lab: HeadlessLab; driver: LessonDriver } {
    const begun = begin(slug);
    const target = lesson(slug).steps.findIndex((s) => s.id === stepId);
    while (begun.driver.state.step < target) showMe(begun.driver);
    return begun;
  }

  function builtTo(of: Lesson, stepId: string): { lab: HeadlessLab; driver: LessonDriver } {
    const lab = new HeadlessLab(of.scenario);
    const driver = new LessonDriver(of, lab);
    driver.startAt(stepId);
    return { lab, driver };
  }

  it.each([
    ['persistent-connection', 'reuse'],
    ['push-and-pull', 'pull'],
  ])(
    'of %s at step %s arrives with the world, inputs, steps done and cursor of "show me" pressed at each earlier step',
    (slug, stepId) => {
      const built = builtTo(lesson(slug), stepId);
      const pressed = pressedTo(slug, stepId);
      const earlier = lesson(slug).steps.map((s) => s.id);
      expect(built.driver.state.done.map((d) => d.id)).toEqual(earlier.slice(0, earlier.indexOf(stepId)));
      expect(built.driver.state.done).toEqual(pressed.driver.state.done);
      expect(built.lab.inputs).toEqual(pressed.lab.inputs);
      expect(built.lab.cursor).toBe(pressed.lab.cursor);
      expect(built.lab.cursor).toBe(built.driver.state.done.at(-1)?.atSeq);
      expect(built.lab.inputs.every((e) => e.by?.kind === 'showMe' || e.by?.kind === 'setUp')).toBe(true);
      expect(built.lab.inputs.some((e) => e.by?.kind === 'showMe' && e.by.step === stepId)).toBe(false);
      expect(built.driver.state.showing).toBeNull();
    },
    120_000,
  );

  it('lets lesson 5 end honestly: its earlier connections are in the world, so the count of all four messages is 3', () => {
    const l = lesson('persistent-connection');
    const { lab, driver } = builtTo(l, 'reuse');
    const opened = (events: readonly TraceEvent[]) =>
      events.filter(
        (e) => e.kind === 'conn.opened' && e.client === 'crepes.fr' && e.server === 'hamburger.edu',
      ).length;
    expect(opened(shown(lab))).toBe(2);
    showMe(driver);
    expect(driver.finished).toBe(true);
    const connections = l.questions.find((q) => q.id === 'connections');
    expect(
      connections?.type === 'short' && connections.answerFrom
        ? answerFromTrace(connections.answerFrom, shown(lab))
        : undefined,
    ).toBe('3');
  }, 120_000);

  it('ticks off only steps whose goals the built world meets: a first step with no way to its goal stops there', () => {
    const l = lesson('persistent-connection');
    const broken: Lesson = { ...l, steps: l.steps.map((s, i) => (i === 0 ? { ...s, solution: [] } : s)) };
    const { lab, driver } = builtTo(broken, 'reuse');
    expect(driver.state.step).toBe(0);
    expect(driver.state.done).toEqual([]);
    expect(lab.inputs.some((e) => e.by?.kind === 'showMe' && e.by.step !== 'first')).toBe(false);
  });

  it('at the first step, or at a step the lesson lacks, builds nothing', () => {
    for (const stepId of ['first', 'no-such-step']) {
      const { lab, driver } = builtTo(lesson('persistent-connection'), stepId);
      expect(driver.state.step).toBe(0);
      expect(driver.state.done).toEqual([]);
      expect(lab.inputs).toEqual([]);
      expect(lab.cursor).toBe(-1);
    }
  });
});
