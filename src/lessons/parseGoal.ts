// Validates a goal as written in `steps.json` and turns it into a `Goal`. Every problem names its path
// (`goal.sequence[1].code`), and a field the event kind does not have is an error, not a goal never met; so
// is an SMTP catalogue id (`reply`) the catalogue does not have.
import * as v from 'valibot';
import { isSmtpReplyId } from '../protocols/smtp/replies.ts';
import type { TraceEventKind } from '../sim/trace.ts';
import type { EventGoal, FieldMatch, Goal } from './goals.ts';
import { EVENT_FIELDS, TRACE_EVENT_KINDS } from './traceFields.ts';

/** GoalIssue is one problem with a goal: where (`sequence[1].code`) and what. */
export interface GoalIssue {
  readonly path: string;
  readonly message: string;
}

const regexMatch = v.strictObject({
  regex: v.pipe(
    v.string('must be a text'),
    v.check((source) => compiles(source), 'must be a valid regular expression'),
  ),
  flags: v.optional(v.pipe(v.string(), v.regex(/^[imsu]*$/, 'may only hold the flags i, m, s, u'))),
});

const fieldMatch = v.union(
  [
    v.string(),
    v.number(),
    v.boolean(),
    v.strictObject({ prefix: v.string() }),
    regexMatch,
    v.pipe(
      v.strictObject({ min: v.optional(v.number()), max: v.optional(v.number()) }),
      v.check((range) => range.min !== undefined || range.max !== undefined, 'needs min or max'),
    ),
  ],
  'must be a value, or { "prefix": … }, { "regex": … }, or { "min": …, "max": … }',
);

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

// An exact `reply` naming an SMTP reply must name one the catalogue has.
function isCatalogued(match: FieldMatch): boolean {
  if (typeof match !== 'string' || !match.startsWith('smtp.')) return true;
  return isSmtpReplyId(match);
}

const COMBINERS = ['all', 'any', 'sequence'] as const;

/**
 * parseGoal validates a goal: an object with `kind` and fields to match (plus `atLeast`), or one with `all`,
 * `any` or `sequence` (a list of goals; a sequence may say `sameConnection`). It returns the goal or issues.
 */
export function parseGoal(value: unknown, path = 'goal'): { goal: Goal } | { issues: GoalIssue[] } {
  const issues: GoalIssue[] = [];
  const goal = walk(value, path, issues);
  return goal !== undefined && issues.length === 0 ? { goal } : { issues };
}

function walk(value: unknown, path: string, issues: GoalIssue[]): Goal | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ path, message: 'must be an object with "kind", or with "all", "any" or "sequence"' });
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const combiner = COMBINERS.find((key) => key in record);
  if (combiner === undefined) return eventGoal(record, path, issues);
  const allowed = combiner === 'sequence' ? ['sequence', 'sameConnection'] : [combiner];
  for (const key of Object.keys(record))
    if (!allowed.includes(key))
      issues.push({ path: `${path}.${key}`, message: `cannot sit beside "${combiner}"` });
  const list = record[combiner];
  if (!Array.isArray(list) || list.length === 0) {
    issues.push({ path: `${path}.${combiner}`, message: 'must be a list of at least one goal' });
    return undefined;
  }
  const parts = list.map((item, i) => walk(item, `${path}.${combiner}[${i}]`, issues));
  if (parts.some((p) => p === undefined)) return undefined;
  const goals = parts as Goal[];
  if (combiner === 'all') return { all: goals };
  if (combiner === 'any') return { any: goals };
  const same = record.sameConnection;
  if (same !== undefined && typeof same !== 'boolean') {
    issues.push({ path: `${path}.sameConnection`, message: 'must be true or false' });
    return undefined;
  }
  if (same === true && !('kind' in (goals[0] as Goal)))
    issues.push({
      path: `${path}.sequence[0]`,
      message: 'must be an event goal (with "kind") when sameConnection is true',
    });
  return same === true ? { sequence: goals, sameConnection: true } : { sequence: goals };
}

function eventGoal(
  record: Record<string, unknown>,
  path: string,
  issues: GoalIssue[],
): EventGoal | undefined {
  const kind = record.kind;
  if (typeof kind !== 'string' || !(TRACE_EVENT_KINDS as string[]).includes(kind)) {
    issues.push({
      path: `${path}.kind`,
      message: `must be a trace event kind such as app.line, tcp.segment, queue.deferred or mailbox.stored`,
    });
    return undefined;
  }
  const known = EVENT_FIELDS[kind as TraceEventKind];
  const fields: Record<string, FieldMatch> = {};
  let atLeast: number | undefined;
  for (const [name, raw] of Object.entries(record)) {
    if (name === 'kind') continue;
    if (name === 'atLeast') {
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1)
        issues.push({ path: `${path}.atLeast`, message: 'must be a whole number of at least 1' });
      else atLeast = raw;
      continue;
    }
    if (!known.includes(name.split('.')[0] as string)) {
      issues.push({ path: `${path}.${name}`, message: `is not a field of ${kind} (${known.join(', ')})` });
      continue;
    }
    const parsed = v.safeParse(fieldMatch, raw);
    if (!parsed.success) issues.push({ path: `${path}.${name}`, message: parsed.issues[0].message });
    else if (kind === 'app.line' && name === 'reply' && !isCatalogued(parsed.output))
      issues.push({
        path: `${path}.reply`,
        message: `is not a reply in the SMTP catalogue (smtp.rcpt.ok, …)`,
      });
    else fields[name] = parsed.output;
  }
  return atLeast === undefined
    ? { kind: kind as TraceEventKind, fields }
    : { kind: kind as TraceEventKind, fields, atLeast };
}
