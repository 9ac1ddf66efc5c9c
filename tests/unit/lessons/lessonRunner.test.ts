import { describe, expect, it } from 'vitest';
import type { Lesson, LessonStep } from '../../../src/lessons/lessonFormat.ts';
import { resolveLessonScenario } from '../../../src/lessons/lessonScenario.ts';
import {
  currentProgress,
  isLessonDone,
  observeTrace,
  shiftInputs,
  startLesson,
  worldLoaded,
} from '../../../src/lessons/lessonRunner.ts';
import { client, server, traceOf } from './traceBuilder.ts';

function lessonOf(...steps: Partial<LessonStep>[]): Lesson {
  const scenario = resolveLessonScenario({ extends: 'textbook', name: 'test', inputs: [] });
  if (!scenario.ok) throw new Error('the textbook scenario does not resolve');
  return {
    slug: 'test',
    folder: '01-part/01-test',
    part: 'part',
    scenario: scenario.scenario,
    steps: steps.map((s, i) => ({
      id: `s${i}`,
      setUp: [],
      goal: { kind: 'host.down', fields: {} },
      since: 'previous',
      solution: [],
      ...s,
    })),
    questions: [],
    text: {} as Lesson['text'],
  };
}

const helo = { kind: 'app.line', fields: { verb: 'HELO' } } as const;
const ok = { kind: 'app.line', fields: { code: 250 } } as const;

describe('the lesson runner', () => {
  it('hands out the first step’s set-up actions when the lesson starts', () => {
    const lesson = lessonOf({ setUp: [{ action: 'openConsole', host: 'alice-pc' }] });
    expect(startLesson(lesson).setUp).toEqual([{ action: 'openConsole', host: 'alice-pc' }]);
  });

  it('moves past every step the trace meets, each counted after the previous one', () => {
    const lesson = lessonOf({ goal: helo }, { goal: ok }, { goal: helo });
    const trace = traceOf(
      client('HELO crepes.fr', { verb: 'HELO' }),
      server('250 Hello', { code: 250, reply: 'smtp.helo.ok', answers: 'HELO' }),
    );
    const { state } = observeTrace(lesson, startLesson(lesson).state, trace);
    expect(state.step).toBe(2);
    expect(state.done.map((d) => [d.id, d.atSeq])).toEqual([
      ['s0', 0],
      ['s1', 1],
    ]);
    expect(isLessonDone(lesson, state)).toBe(false);
  });

  it('checks a step marked since the lesson from the first event of the world', () => {
    const lesson = lessonOf({ goal: ok }, { goal: helo, since: 'lesson' });
    const trace = traceOf(
      client('HELO crepes.fr', { verb: 'HELO' }),
      server('250 Hello', { code: 250, reply: 'smtp.helo.ok', answers: 'HELO' }),
    );
    const { state } = observeTrace(lesson, startLesson(lesson).state, trace);
    expect(isLessonDone(lesson, state)).toBe(true);
  });

  it('waits for a newly loaded world before checking the step that loads it', () => {
    const lesson = lessonOf({ goal: helo }, { goal: helo, setUp: [{ action: 'load', scenario: 'outage' }] });
    const trace = traceOf(client('HELO crepes.fr', { verb: 'HELO' }), client('HELO again', { verb: 'HELO' }));
    const first = observeTrace(lesson, startLesson(lesson).state, trace);
    expect(first.setUp).toEqual([{ action: 'load', scenario: 'outage' }]);
    expect(first.state).toMatchObject({ step: 1, awaitingWorld: true });
    expect(observeTrace(lesson, first.state, trace).state.step).toBe(1);
    const fresh = traceOf(client('HELO from the new world', { verb: 'HELO' }));
    expect(observeTrace(lesson, worldLoaded(first.state), fresh).state.step).toBe(2);
  });

  it('reports the parts of the current step already done', () => {
    const lesson = lessonOf({ goal: { sequence: [helo, ok, helo] } });
    const trace = traceOf(
      client('HELO crepes.fr', { verb: 'HELO' }),
      server('250 Hello', { code: 250, reply: 'smtp.helo.ok', answers: 'HELO' }),
    );
    expect(currentProgress(lesson, startLesson(lesson).state, trace)).toEqual({ done: 2, total: 3 });
  });

  it('times a solution from the moment it is performed', () => {
    const input = { type: 'terminal.type', host: 'alice-pc', text: 'QUIT' } as const;
    expect(shiftInputs([{ at: 500, input }], 60_000)).toEqual([{ at: 60_500, input }]);
  });
});

describe('a lesson scenario', () => {
  it('extends a built-in, its own fields replacing the built-in’s', () => {
    const result = resolveLessonScenario({ extends: 'textbook', name: 'mine', inputs: [], until: '1h' });
    expect(result.ok && result.scenario.name).toBe('mine');
    expect(result.ok && result.scenario.inputs).toEqual([]);
    expect(result.ok && result.scenario.until).toBe(3_600_000);
    expect(result.ok && result.scenario.hosts.map((h) => h.id)).toContain('hamburger.edu');
  });

  it('is reported, not thrown, when it extends a scenario that does not exist', () => {
    expect(resolveLessonScenario({ extends: 'nowhere', name: 'x' })).toMatchObject({
      ok: false,
      issues: [{ path: 'extends' }],
    });
  });
});
