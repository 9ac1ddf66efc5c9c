// A scenario shared with a link: the built-in's name (or the whole scenario, for one loaded from a file), what
// people did in it (the inputs), and where the cursor was. Reading a link never throws: a bad one says why.
import type { TimedInput } from '../../sim/input.ts';
import {
  limitIssue,
  parseScenario,
  parseTimedInputs,
  SCENARIO_LIMITS,
  type Scenario,
} from '../../sim/scenario.ts';
import type { LinkProblem } from '../i18n/scenarioIssueText.ts';

/** SharedLab is what a link carries. */
export interface SharedLab {
  readonly scenario: Scenario;
  readonly inputs: readonly TimedInput[];
  /** at is the virtual time the cursor was at, or null to start at the beginning. */
  readonly at: number | null;
}

/** SharedLabResult is a lab read from a link, or the reason it could not be read (the lab then starts afresh). */
export type SharedLabResult = { ok: true; lab: SharedLab } | { ok: false; error: LinkProblem } | { ok: null };

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * shareQuery writes the query string of a link to this lab. Built-in scenarios go by name; others travel whole.
 * `builtin` says whether `scenario` is an unchanged built-in.
 */
export function shareQuery(lab: SharedLab, builtin: boolean, language: string): string {
  const params = new URLSearchParams();
  if (builtin) params.set('scenario', lab.scenario.name);
  else params.set('world', toBase64Url(JSON.stringify(lab.scenario)));
  recordInputs(params, lab.inputs, lab.at);
  params.set('lang', language);
  return `?${params}`;
}

/**
 * readShareQuery reads a link's query. `{ ok: null }` means the link shares nothing (a plain visit);
 * `builtin` finds a built-in scenario by name.
 */
export function readShareQuery(
  search: string,
  builtin: (name: string) => Scenario | undefined,
): SharedLabResult {
  const params = new URLSearchParams(search);
  const name = params.get('scenario');
  const world = params.get('world');
  if (name === null && world === null) return { ok: null };
  let scenario: Scenario;
  if (world !== null) {
    // A link's world is checked against the file size limit before it is decoded (base64 is 4/3 of the bytes).
    if (world.length > (SCENARIO_LIMITS.bytes * 4) / 3)
      return {
        ok: false,
        error: {
          kind: 'world-invalid',
          issues: [limitIssue('(link)', 'bytes', Math.floor((world.length * 3) / 4))],
        },
      };
    let value: unknown;
    try {
      value = JSON.parse(fromBase64Url(world));
    } catch {
      return { ok: false, error: { kind: 'world-damaged' } };
    }
    const parsed = parseScenario(value);
    if (!parsed.ok) return { ok: false, error: { kind: 'world-invalid', issues: parsed.issues } };
    scenario = parsed.scenario;
  } else {
    const found = builtin(name ?? '');
    if (!found) return { ok: false, error: { kind: 'no-scenario', name: name ?? '' } };
    scenario = found;
  }
  const recorded = readRecordedInputs(params, scenario);
  if (!recorded.ok) return recorded;
  return { ok: true, lab: { scenario, inputs: recorded.inputs, at: recorded.at } };
}

/**
 * readRecordedInputs reads what a link says was done in `scenario` (`inputs`) and where the cursor was (`at`):
 * a shared link carries them, and so does a lesson's address, so a reload resumes where the student was.
 */
export function readRecordedInputs(
  params: URLSearchParams,
  scenario: Scenario,
): { ok: true; inputs: readonly TimedInput[]; at: number | null } | { ok: false; error: LinkProblem } {
  let inputs: readonly TimedInput[] = [];
  const encoded = params.get('inputs');
  if (encoded !== null) {
    if (encoded.length > (SCENARIO_LIMITS.bytes * 4) / 3)
      return {
        ok: false,
        error: {
          kind: 'inputs-invalid',
          issues: [limitIssue('inputs', 'bytes', Math.floor((encoded.length * 3) / 4))],
        },
      };
    let value: unknown;
    try {
      value = JSON.parse(fromBase64Url(encoded));
    } catch {
      return { ok: false, error: { kind: 'inputs-damaged' } };
    }
    const parsed = parseTimedInputs(value, scenario);
    if (!parsed.ok) return { ok: false, error: { kind: 'inputs-invalid', issues: parsed.issues } };
    inputs = parsed.inputs;
  }
  const atText = params.get('at');
  const at = atText === null ? null : Number(atText);
  if (at !== null && !(Number.isFinite(at) && at >= 0))
    return { ok: false, error: { kind: 'bad-time', text: atText ?? '' } };
  return { ok: true, inputs, at };
}

/** recordInputs writes what was done and where the cursor is into `params` (the other half of readRecordedInputs). */
export function recordInputs(
  params: URLSearchParams,
  inputs: readonly TimedInput[],
  at: number | null,
): void {
  if (inputs.length > 0) params.set('inputs', toBase64Url(JSON.stringify(inputs)));
  else params.delete('inputs');
  if (at !== null) params.set('at', String(Math.round(at * 1000) / 1000));
  else params.delete('at');
}
