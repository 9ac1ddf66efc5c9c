// Reads a lesson's `steps.json`, the language-neutral half of a lesson: each step's set-up actions, goal and
// scripted solution, and the questions' ids and answers. Inputs are checked against the lesson's world.
import * as v from 'valibot';
import { builtinScenarioNames } from '../sim/builtinScenarios.ts';
import type { TimedInput } from '../sim/input.ts';
import { parseTimedInputs, type Scenario } from '../sim/scenario.ts';
import type { EventGoal } from './goals.ts';
import {
  PANELS,
  type AnswerFrom,
  type LessonStep,
  type QuestionSpec,
  type SetUpAction,
} from './lessonFormat.ts';
import { parseGoal } from './parseGoal.ts';
import { EVENT_FIELDS } from './traceFields.ts';

/** StepsIssue is one problem in a steps file: its path (`steps[2].goal.kind`) and what is wrong. */
export interface StepsIssue {
  readonly path: string;
  readonly message: string;
}

/** StepsFile is a parsed `steps.json`. */
export interface StepsFile {
  readonly steps: readonly LessonStep[];
  readonly questions: readonly QuestionSpec[];
}

const id = v.pipe(v.string('must be a text'), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an id in lower case'));
const host = v.pipe(v.string('must be a text'), v.nonEmpty('must name a host'));

const action = v.variant(
  'action',
  [
    v.strictObject({ action: v.literal('load'), scenario: v.optional(v.picklist(builtinScenarioNames)) }),
    v.strictObject({ action: v.literal('input'), at: v.unknown(), input: v.unknown() }),
    v.strictObject({ action: v.literal('openConsole'), host }),
    v.strictObject({
      action: v.literal('selectConnection'),
      client: v.optional(host),
      server: v.optional(host),
      port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535))),
    }),
    v.strictObject({
      action: v.literal('highlight'),
      panel: v.picklist(PANELS, `must be a panel: ${PANELS.join(', ')}`),
    }),
  ],
  'must be a set-up action: load, input, openConsole, selectConnection or highlight',
);

const question = v.variant(
  'type',
  [
    v.strictObject({ id, type: v.literal('choice') }),
    v.strictObject({ id, type: v.literal('short'), answerFrom: v.optional(v.unknown()) }),
  ],
  'must be a question of type choice or short',
);

const file = v.strictObject({
  steps: v.pipe(
    v.array(
      v.strictObject({
        id,
        setUp: v.optional(v.array(action, 'must be a list of set-up actions'), []),
        goal: v.unknown(),
        since: v.optional(v.picklist(['previous', 'lesson'], 'must be previous or lesson'), 'previous'),
        solution: v.array(v.unknown(), 'must be a list of { at, input } (empty when watching is enough)'),
      }),
      'must be a list of steps',
    ),
    v.nonEmpty('must hold at least one step'),
  ),
  questions: v.pipe(
    v.array(question, 'must be a list of questions'),
    v.minLength(2, 'must hold 2 to 4 questions'),
    v.maxLength(4, 'must hold 2 to 4 questions'),
  ),
});

/** parseStepsFile validates a `steps.json` value against the lesson's world (host names in inputs). */
export function parseStepsFile(
  value: unknown,
  scenario: Scenario,
): { ok: true; value: StepsFile } | { ok: false; issues: StepsIssue[] } {
  const parsed = v.safeParse(file, value);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.issues.map((issue) => ({
        path: pathOf(issue) || '(top level)',
        message: issue.message,
      })),
    };
  const issues: StepsIssue[] = [];
  const seen = new Set<string>();
  const steps = parsed.output.steps.map((step, i): LessonStep => {
    const at = `steps[${i}]`;
    if (seen.has(step.id)) issues.push({ path: `${at}.id`, message: `repeats the step id "${step.id}"` });
    seen.add(step.id);
    const goal = parseGoal(step.goal, `${at}.goal`);
    if ('issues' in goal) issues.push(...goal.issues);
    const solution = inputs(step.solution, scenario, `${at}.solution`, issues);
    const setUp = step.setUp.flatMap((a, j): SetUpAction[] => {
      if (a.action !== 'input') return [a];
      // Checked as a one-item input list, so the issue's path ends "[0]"; drop it to point at the action.
      const own: StepsIssue[] = [];
      const entries = inputs([{ at: a.at, input: a.input }], scenario, `${at}.setUp[${j}]`, own);
      issues.push(
        ...own.map((o) => ({ ...o, path: o.path.replace(`${at}.setUp[${j}][0]`, `${at}.setUp[${j}]`) })),
      );
      return entries.map((entry) => ({ action: 'input', at: entry.at, input: entry.input }));
    });
    if (step.setUp.some((a) => a.action === 'load') && i > 0 && step.since === 'lesson')
      issues.push({ path: `${at}.since`, message: 'cannot be "lesson" in a step that loads a new world' });
    return {
      id: step.id,
      setUp,
      goal: 'goal' in goal ? goal.goal : { all: [] },
      since: step.since,
      solution,
    };
  });
  const questionIds = new Set<string>();
  const questions = parsed.output.questions.map((q, i): QuestionSpec => {
    if (questionIds.has(q.id))
      issues.push({ path: `questions[${i}].id`, message: `repeats the question id "${q.id}"` });
    questionIds.add(q.id);
    if (q.type === 'choice' || q.answerFrom === undefined) return { id: q.id, type: q.type };
    const answerFrom = parseAnswerFrom(q.answerFrom, `questions[${i}].answerFrom`, issues);
    return answerFrom ? { id: q.id, type: 'short', answerFrom } : { id: q.id, type: 'short' };
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { steps, questions } };
}

function inputs(value: unknown, scenario: Scenario, path: string, issues: StepsIssue[]): TimedInput[] {
  const result = parseTimedInputs(value, scenario);
  if (result.ok) return result.inputs;
  // parseTimedInputs names its paths from "inputs"; here they sit under the step's own path.
  for (const issue of result.issues)
    issues.push({ path: issue.path.replace(/^inputs/, path), message: issue.message });
  return [];
}

function parseAnswerFrom(value: unknown, path: string, issues: StepsIssue[]): AnswerFrom | undefined {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const record = value as Record<string, unknown>;
    if (keys.length === 1 && typeof record.answers === 'string' && record.answers !== '')
      return { answers: record.answers.toUpperCase() };
    if (keys.length === 1 && 'count' in record) {
      const goal = parseGoal(record.count, `${path}.count`);
      if ('issues' in goal) issues.push(...goal.issues);
      else if ('kind' in goal.goal) return { count: goal.goal as EventGoal };
      else issues.push({ path: `${path}.count`, message: 'must be an event goal (with "kind")' });
      return undefined;
    }
    if (keys.length === 2 && typeof record.field === 'string' && 'of' in record) {
      const goal = parseGoal(record.of, `${path}.of`);
      if ('issues' in goal) issues.push(...goal.issues);
      else if (!('kind' in goal.goal))
        issues.push({ path: `${path}.of`, message: 'must be an event goal (with "kind")' });
      else if (!EVENT_FIELDS[goal.goal.kind].includes(record.field.split('.')[0] as string))
        issues.push({ path: `${path}.field`, message: `is not a field of ${goal.goal.kind}` });
      else return { field: record.field, of: goal.goal };
      return undefined;
    }
  }
  issues.push({
    path,
    message:
      'must be { "answers": "DATA" }, { "count": { "kind": … } } or { "field": "code", "of": { "kind": … } }',
  });
  return undefined;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? [])
    out += typeof item.key === 'number' ? `[${item.key}]` : `${out ? '.' : ''}${String(item.key)}`;
  return out;
}
