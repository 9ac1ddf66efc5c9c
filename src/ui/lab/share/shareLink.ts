// A lab shared with a link: the built-in's name (or the whole scenario, for one loaded from a file) or the lesson
// and its step, what people did in it (the inputs), and the exact event the cursor was at. Reading a link never
// throws: a bad one says why, as a LinkProblem the page words in the reader's language. A part larger than a
// scenario file may be (SCENARIO_LIMITS.bytes) is refused before it is parsed, compressed or not.
//
// The address, every part optional:  ?scenario=NAME | lesson=SLUG [&step=ID]  &at=MS [&nth=N] &lang=en|ko
//                                     #world=PAYLOAD &inputs=PAYLOAD
// The payloads ride in the fragment, which the browser never sends: a world may be a megabyte, and a server
// refuses a request line that long (HTTP 431 or 414). Older links carry `world` and `inputs` in the query, and
// still open. PAYLOAD is JSON as linkPayload writes it (plain or `z1.` compressed). `at` and `nth` are a
// TracePlace: the event's virtual time and how many events of that instant come before it. Links from before
// `nth` existed keep only `at`, and open at the last event of that time, as they always did.
import type { TimedInput } from '../../../sim/input.ts';
import {
  limitIssue,
  parseScenario,
  parseTimedInputs,
  SCENARIO_LIMITS,
  type Scenario,
} from '../../../sim/scenario.ts';
import type { TracePlace } from '../../../timeline/tracePlace.ts';
import type { LinkProblem } from '../../i18n/scenarioIssueText.ts';
import { decodePayload, encodePayload, encodePlainPayload, type PayloadProblem } from './linkPayload.ts';

/** LessonPlace is where in a lesson a link was made: the lesson's slug and the id of its current step. */
export interface LessonPlace {
  readonly slug: string;
  /** step is the current step's id; null when the link does not say (the lesson then starts at its beginning). */
  readonly step: string | null;
}

/** SharedLab is what a link carries. */
export interface SharedLab {
  /** scenario is the world: a built-in, one loaded from a file, or the lesson's own. */
  readonly scenario: Scenario;
  /** builtin is true when `scenario` is an unchanged built-in, so the link names it instead of carrying it. */
  readonly builtin: boolean;
  /** lesson is set when the lab is a lesson's; the link then names the lesson rather than its scenario. */
  readonly lesson: LessonPlace | null;
  readonly inputs: readonly TimedInput[];
  /** place is the event the cursor was at, or null for the beginning. */
  readonly place: TracePlace | null;
}

/** SharedLabResult is a lab read from a link, why it could not be read, or `ok: null` for a plain visit. */
export type SharedLabResult =
  { ok: true; lab: SharedLab } | { ok: false; problem: LinkProblem } | { ok: null };

/**
 * LessonLinkStep is the step a lesson's link opens at; `built` when the link carries no run (no inputs, no
 * place), so the earlier steps are done by their "show me" rather than restored.
 */
export interface LessonLinkStep {
  readonly id: string;
  readonly built: boolean;
}

/** LinkLesson is what a link's lesson names: its world and the ids of its steps, in order. */
export interface LinkLesson {
  readonly scenario: Scenario;
  readonly steps: readonly string[];
}

/** LinkWorlds finds what a link names: a built-in scenario by name, a lesson by slug. */
export interface LinkWorlds {
  builtin(name: string): Scenario | undefined;
  lesson(slug: string): LinkLesson | undefined;
}

/**
 * LinkAddress is an address's two halves as parameters: the query, which goes to the server, and the fragment,
 * which stays in the browser. splitAddress reads them from `?query#fragment` (location.search + location.hash);
 * joinAddress writes them back.
 */
export interface LinkAddress {
  readonly query: URLSearchParams;
  readonly fragment: URLSearchParams;
}

/** PAYLOAD_PARTS are the parts of a link that can be as large as a scenario, so they go in the fragment. */
const PAYLOAD_PARTS = ['world', 'inputs'] as const;
type PayloadPart = (typeof PAYLOAD_PARTS)[number];

/** splitAddress reads `?query#fragment`; either half may be missing. */
export function splitAddress(address: string): LinkAddress {
  const hash = address.indexOf('#');
  const search = hash < 0 ? address : address.slice(0, hash);
  const fragment = hash < 0 ? '' : address.slice(hash + 1);
  return { query: new URLSearchParams(search), fragment: new URLSearchParams(fragment) };
}

/** joinAddress writes `?query`, and `#fragment` after it when the fragment says anything. */
export function joinAddress(address: LinkAddress): string {
  const fragment = address.fragment.toString();
  return `?${address.query}${fragment === '' ? '' : `#${fragment}`}`;
}

/** carriesPayload is true when a fragment (location.hash) holds a part of a link, not an element's id. */
export function carriesPayload(hash: string): boolean {
  const fragment = splitAddress(hash.startsWith('#') ? hash : `#${hash}`).fragment;
  return PAYLOAD_PARTS.some((part) => fragment.has(part));
}

// A payload part goes in the fragment; the query's copy, from a link of the older form, is dropped with it.
function setPayload(address: LinkAddress, part: PayloadPart, value: string | null): void {
  address.query.delete(part);
  if (value === null) address.fragment.delete(part);
  else address.fragment.set(part, value);
}

// The fragment's copy wins over the query's, which only an older link has.
function payload(address: LinkAddress, part: PayloadPart): string | null {
  return address.fragment.get(part) ?? address.query.get(part);
}

/**
 * shareAddress writes the address of a link to `lab` (`?query#fragment`, to follow the page's path), compressing
 * the long parts when that makes them shorter. readShareAddress reads it back.
 */
export async function shareAddress(lab: SharedLab, language: string): Promise<string> {
  const address: LinkAddress = { query: new URLSearchParams(), fragment: new URLSearchParams() };
  const params = address.query;
  if (lab.lesson) {
    params.set('lesson', lab.lesson.slug);
    if (lab.lesson.step !== null) params.set('step', lab.lesson.step);
  } else if (lab.builtin) params.set('scenario', lab.scenario.name);
  else setPayload(address, 'world', await encodePayload(lab.scenario));
  if (lab.inputs.length > 0) setPayload(address, 'inputs', await encodePayload(lab.inputs));
  writePlace(params, lab.place);
  params.set('lang', language);
  return joinAddress(address);
}

/**
 * recordInputs writes what was done (in the fragment, uncompressed) and where the cursor is (in the query) into
 * `address` at once, for an address kept up to date as a student works; readShareAddress reads it like any link.
 */
export function recordInputs(
  address: LinkAddress,
  inputs: readonly TimedInput[],
  place: TracePlace | null,
): void {
  setPayload(address, 'inputs', inputs.length > 0 ? encodePlainPayload(inputs) : null);
  writePlace(address.query, place);
}

/**
 * recordBuiltin makes `address` name the built-in world `name`, with what was done in it and where the cursor is,
 * for an address kept up to date outside a lesson; whatever it said about another lab goes, the language stays.
 */
export function recordBuiltin(
  address: LinkAddress,
  name: string,
  inputs: readonly TimedInput[],
  place: TracePlace | null,
): void {
  forgetLab(address);
  address.query.set('scenario', name);
  recordInputs(address, inputs, place);
}

/** recordStep writes the lesson step an address resumes at, or removes it once the lesson is done. */
export function recordStep(address: LinkAddress, step: string | null): void {
  if (step !== null) address.query.set('step', step);
  else address.query.delete('step');
}

/**
 * forgetLab removes from `address` everything a link says about a lab (its world or lesson, what was done, the
 * cursor), so that another can be written; the language stays.
 */
export function forgetLab(address: LinkAddress): void {
  for (const key of ['scenario', 'lesson', 'step', 'at', 'nth']) address.query.delete(key);
  for (const part of PAYLOAD_PARTS) setPayload(address, part, null);
}

function writePlace(params: URLSearchParams, place: TracePlace | null): void {
  params.delete('at');
  params.delete('nth');
  if (place === null) return;
  params.set('at', String(place.at));
  if (place.nth !== null) params.set('nth', String(place.nth));
}

/**
 * readShareAddress reads a link's address (`?query#fragment`, as location.search + location.hash); `worlds` finds
 * the built-in or lesson it names.
 */
export async function readShareAddress(address: string, worlds: LinkWorlds): Promise<SharedLabResult> {
  const split = splitAddress(address);
  const params = split.query;
  const slug = params.get('lesson');
  const name = params.get('scenario');
  const world = payload(split, 'world');
  let scenario: Scenario;
  let lesson: LessonPlace | null = null;
  if (slug !== null) {
    const found = worlds.lesson(slug);
    if (!found) return { ok: false, problem: { kind: 'no-lesson', name: slug } };
    const step = params.get('step');
    if (step !== null && !found.steps.includes(step))
      return { ok: false, problem: { kind: 'no-step', lesson: slug, name: step } };
    scenario = found.scenario;
    lesson = { slug, step };
  } else if (world !== null) {
    const decoded = await decodePayload(world, SCENARIO_LIMITS.bytes);
    if (!decoded.ok) return { ok: false, problem: payloadProblem(decoded, 'world', '(link)') };
    const parsed = parseScenario(decoded.value);
    if (!parsed.ok) return { ok: false, problem: { kind: 'world-invalid', issues: parsed.issues } };
    scenario = parsed.scenario;
  } else if (name !== null) {
    const found = worlds.builtin(name);
    if (!found) return { ok: false, problem: { kind: 'no-scenario', name } };
    scenario = found;
  } else return { ok: null };

  let inputs: readonly TimedInput[] = [];
  const encoded = payload(split, 'inputs');
  if (encoded !== null) {
    const decoded = await decodePayload(encoded, SCENARIO_LIMITS.bytes);
    if (!decoded.ok) return { ok: false, problem: payloadProblem(decoded, 'inputs', 'inputs') };
    const parsed = parseTimedInputs(decoded.value, scenario);
    if (!parsed.ok) return { ok: false, problem: { kind: 'inputs-invalid', issues: parsed.issues } };
    inputs = parsed.inputs;
  }
  const place = readPlace(params);
  if (!place.ok) return place;
  return {
    ok: true,
    lab: { scenario, builtin: slug === null && world === null, lesson, inputs, place: place.place },
  };
}

// What a payload's problem means in a link: its part damaged, in an unknown format, or over the size limit.
function payloadProblem(failed: PayloadProblem, part: 'world' | 'inputs', path: string): LinkProblem {
  switch (failed.problem) {
    case 'damaged':
      return { kind: `${part}-damaged` };
    case 'version':
      return { kind: `${part}-format`, marker: failed.marker };
    case 'tooLarge':
      return { kind: `${part}-invalid`, issues: [limitIssue(path, 'bytes', failed.bytes)] };
  }
}

function readPlace(
  params: URLSearchParams,
): { ok: true; place: TracePlace | null } | { ok: false; problem: LinkProblem } {
  const atText = params.get('at');
  const nthText = params.get('nth');
  if (atText === null) {
    if (nthText === null) return { ok: true, place: null };
    return { ok: false, problem: { kind: 'bad-event', text: nthText } };
  }
  const at = Number(atText);
  if (atText.trim() === '' || !Number.isFinite(at) || at < 0)
    return { ok: false, problem: { kind: 'bad-time', text: atText } };
  if (nthText === null) return { ok: true, place: { at, nth: null } };
  const nth = Number(nthText);
  if (!/^\d+$/.test(nthText) || !Number.isSafeInteger(nth))
    return { ok: false, problem: { kind: 'bad-event', text: nthText } };
  return { ok: true, place: { at, nth } };
}
