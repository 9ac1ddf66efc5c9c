// The lab's state, bound to runes: one session (scenario + inputs → trace), the playback cursor over its trace,
// and what the student has selected. Views read it; only `input` changes the world, and it does so by
// appending to the session's input log at the cursor's time. The world arrives after the first paint (run in a
// worker: `status`), and the engine that changes it when someone first does: what people ask of the lab before
// what it needs is there waits, in order, for it.
import { builtinScenario } from '../../sim/builtinScenarios.ts';
import { endedAt, faultSpans, withLinkSetting, type FaultSpan } from '../../sim/faultLife.ts';
import type { Input, InputOrigin, TimedInput } from '../../sim/input.ts';
import type { Scenario } from '../../sim/scenario.ts';
import type { Session } from '../../sim/session.ts';
import type { TraceEvent } from '../../sim/trace.ts';
import { worldAt, type WorldView } from '../../sim/worldView.ts';
import {
  advanceTime,
  nextNotable,
  nextStop,
  prevNotable,
  prevStop,
  seqAtTime,
  SPEEDS,
  type StepUnit,
} from '../../timeline/playback.ts';
import { cursorAt, placeOf, type TracePlace } from '../../timeline/tracePlace.ts';
import { firstRun, loadEngine, runSliced } from './engineLoader.ts';

// A pause longer than this (virtual time) ends a burst of activity, such as a command and its reply.
const IDLE_MS = 2000;

// How far past the cursor the world is run after each change: the longest built-in story is six days long.
const HORIZON_MS = 7 * 24 * 3_600_000;

/**
 * LabStatus says whether the world is there: `simulating` while the engine loads and runs it the first time,
 * `ready` once it has, `failed` when the engine could not be fetched (offline before it was ever kept).
 */
export type LabStatus = 'simulating' | 'ready' | 'failed';

// What an action waits for: the trace (playback), or the engine on this thread (anything that changes the world).
type Need = 'trace' | 'session';

/** LabState holds one lab; create it with a scenario, then drive it from the controls. */
export class LabState {
  status = $state<LabStatus>('simulating');
  scenario = $state.raw<Scenario>() as Scenario;
  /** builtin is true while the scenario is an unchanged built-in, so a link can name it. */
  builtin = $state(true);
  trace = $state.raw<readonly TraceEvent[]>([]);
  /** extraInputs are what people did here, beyond the scenario's own script. */
  extraInputs = $state.raw<readonly TimedInput[]>([]);
  cursor = $state(-1);
  playing = $state(false);
  speed = $state(1);
  unit = $state<StepUnit>('line');
  selectedConn = $state<string | null>(null);
  selectedSeq = $state<number | null>(null);

  /** now is the virtual time at the cursor. */
  now = $derived(this.trace[this.cursor]?.t ?? 0);
  /** world is everything at the cursor: hosts, links, connections, queues, mailboxes. */
  world: WorldView = $derived(worldAt(this.scenario, this.trace, this.cursor));
  atEnd = $derived(this.cursor >= this.trace.length - 1);
  /** faults are the faults people injected here, in time order, each with the stretch it is in force. */
  faults: readonly FaultSpan[] = $derived(faultSpans(this.extraInputs));
  /** place names the event at the cursor so that a link can return to it (null before the first event). */
  place: TracePlace | null = $derived(placeOf(this.trace, this.cursor));

  /** clock is the playing virtual time, which runs on between events so packets can glide along links. */
  clock = $state(0);
  /** #session is null until someone first changes the world and the engine has joined this thread. */
  #session: Session | null = null;
  #Session: typeof Session | null = null;
  #engaging = false;
  /** #flushing is true while what waited is done: what it asks of the lab in turn is done at once. */
  #flushing = false;
  /** #waiting is what was asked of the lab before what it needs was there, to be done in order once it is. */
  #waiting: { need: Need; action: () => void }[] = [];
  /** #untilIdle makes playing stop at the next quiet stretch, as after a line typed in the console. */
  #untilIdle = false;
  /** #quietAfter is the time before which a quiet stretch does not stop playing (a "show me" still typing). */
  #quietAfter = 0;
  /** #stopAt is the event playing pauses at (a lesson's "show me" reaching its goal), or null. */
  #stopAt: number | null = null;

  constructor(scenario: Scenario, inputs: readonly TimedInput[] = [], builtin = true) {
    this.#reset(scenario, inputs, builtin);
    void this.#arrive();
  }

  /**
   * whenReady does `action` now if the world is there and can be changed, or once it is, after what was asked
   * before it (a lesson's driver reads the world and changes it as soon as it starts).
   */
  whenReady(action: () => void): void {
    if (this.#sessionOrLater(action)) action();
  }

  /** load replaces the lab with another scenario, from the start. */
  load(scenario: Scenario, inputs: readonly TimedInput[] = [], builtin = true): void {
    if (this.#sessionOrLater(() => this.load(scenario, inputs, builtin)))
      this.#start(scenario, inputs, builtin);
  }

  /** loadBuiltin loads a built-in by name; false when there is none of that name. */
  loadBuiltin(name: string): boolean {
    const scenario = builtinScenario(name);
    if (!scenario) return false;
    this.load(scenario);
    return true;
  }

  /**
   * input records what a person did (or, with `by`, who else did it), at the cursor's time: the world is
   * re-derived (a replay when the cursor is in the past), and the cursor moves to show the input and what it
   * caused at that instant.
   */
  input(input: Input, by: InputOrigin = { kind: 'person' }): void {
    const session = this.#sessionOrLater(() => this.input(input, by));
    if (!session) return;
    const at = this.#inputTime();
    const fault = input.type === 'fault' ? input.fault : null;
    if (fault?.type === 'link.set') {
      // A link's new setting takes over from the one in force instead of piling up beside it.
      const link = this.scenario.links.find((l) => l.id === fault.link);
      if (link !== undefined) {
        this.#rewrite(
          withLinkSetting(this.extraInputs, { at, input: { type: 'fault', fault }, by }, link),
          at,
        );
        return;
      }
    }
    const entry = session.input(at, input, by);
    this.extraInputs = [...this.extraInputs, entry];
    this.#run(at);
    this.cursor = seqAtTime(this.trace, at);
    this.clock = at;
  }

  /** inputs adds several timed inputs at once (a lesson's "show me"), re-deriving the world a single time. */
  inputs(list: readonly TimedInput[]): void {
    const session = this.#sessionOrLater(() => this.inputs(list));
    if (!session || list.length === 0) return;
    const earliest = this.#inputTime();
    const timed = list.map((entry) => ({ ...entry, at: Math.max(entry.at, earliest) }));
    const logged = timed.map(({ at, input, by }) => session.input(at, input, by));
    this.extraInputs = [...this.extraInputs, ...logged];
    this.#run(Math.max(...timed.map((i) => i.at)));
  }

  /**
   * remove takes something people did out of the input log, as if it had never been done: the world is
   * recomputed without it and the cursor stays at the same time.
   */
  remove(entry: TimedInput): void {
    const session = this.#sessionOrLater(() => this.remove(entry));
    const t = this.now;
    if (!session?.remove(entry)) return;
    this.extraInputs = this.extraInputs.filter((e) => e !== entry);
    this.#run(t);
    this.seekTime(t);
  }

  /** endFault ends a lasting fault at the cursor (a fault that has not begun there is removed instead). */
  endFault(entry: TimedInput): void {
    if (!this.#sessionOrLater(() => this.endFault(entry))) return;
    const ended = endedAt(entry, this.now);
    if (ended === null) return this.remove(entry);
    this.#rewrite(
      this.extraInputs.map((e) => (e === entry ? ended : e)),
      this.now,
    );
  }

  /**
   * replaceInputs sets what was done here to `list` (a lesson's "show me" sets aside what the student did in the
   * step), re-deriving the world once, and puts the cursor, paused, at `cursor`.
   */
  replaceInputs(list: readonly TimedInput[], cursor: number): void {
    if (!this.#sessionOrLater(() => this.replaceInputs(list, cursor))) return;
    this.#start(this.scenario, list, this.builtin);
    this.seek(cursor);
  }

  /** playTo plays on from the cursor and pauses at event `seq`. */
  playTo(seq: number): void {
    if (!this.#traceOrLater(() => this.playTo(seq))) return;
    this.#untilIdle = false;
    this.#stopAt = seq;
    this.playing = this.cursor < seq;
  }

  // A change to the past of the log (an entry replaced): a new session replays the new log, the cursor at `t`.
  #rewrite(inputs: readonly TimedInput[], t: number): void {
    this.#session = this.#newSession(this.scenario, inputs);
    this.extraInputs = inputs;
    this.#run(t);
    this.seekTime(t);
  }

  // What a person does now happens after everything the cursor shows: an input at the very same millisecond
  // would be replayed before the world's events of that millisecond (inputs run first), so it is stamped a
  // microsecond later.
  #inputTime(): number {
    return this.cursor < 0 ? 0 : this.now + 0.001;
  }

  /** seek moves the cursor to a trace position (clamped to the trace). */
  seek(seq: number): void {
    if (!this.#traceOrLater(() => this.seek(seq))) return;
    this.cursor = Math.max(-1, Math.min(seq, this.trace.length - 1));
    this.clock = this.now;
  }

  /** seekEnd moves the cursor to the last event (of the trace there is then: asked early, of the world to come). */
  seekEnd(): void {
    if (!this.#traceOrLater(() => this.seekEnd())) return;
    this.seek(this.trace.length - 1);
  }

  /** seekTime moves the cursor to the last event at or before virtual time `t`. */
  seekTime(t: number): void {
    if (!this.#traceOrLater(() => this.seekTime(t))) return;
    this.seek(seqAtTime(this.trace, t));
    this.clock = Math.max(0, t);
  }

  /** seekPlace moves the cursor to the event a link named. */
  seekPlace(place: TracePlace): void {
    if (!this.#traceOrLater(() => this.seekPlace(place))) return;
    this.seek(cursorAt(this.trace, place));
  }

  /** step moves one unit forward (+1) or back (−1). */
  step(direction: 1 | -1): void {
    if (!this.#traceOrLater(() => this.step(direction))) return;
    this.playing = false;
    this.#untilIdle = false;
    this.#stopAt = null;
    this.seek(
      direction > 0
        ? nextStop(this.trace, this.cursor, this.unit)
        : prevStop(this.trace, this.cursor, this.unit),
    );
  }

  /** jump moves to the next or previous notable event: a fault, a deferral, a delivery, a bounce. */
  jump(direction: 1 | -1): void {
    if (!this.#traceOrLater(() => this.jump(direction))) return;
    this.playing = false;
    this.seek(direction > 0 ? nextNotable(this.trace, this.cursor) : prevNotable(this.trace, this.cursor));
  }

  /** toggle plays or pauses; playing from the end starts again from the beginning. */
  toggle(): void {
    if (!this.#traceOrLater(() => this.toggle())) return;
    if (!this.playing && this.atEnd) this.seek(-1);
    this.#untilIdle = false;
    this.#stopAt = null;
    this.playing = !this.playing;
  }

  /** faster and slower move through SPEEDS. */
  faster(): void {
    this.speed = SPEEDS[Math.min(SPEEDS.length - 1, SPEEDS.indexOf(this.speed) + 1)] ?? this.speed;
  }

  slower(): void {
    this.speed = SPEEDS[Math.max(0, SPEEDS.indexOf(this.speed) - 1)] ?? this.speed;
  }

  /**
   * playUntilIdle plays what follows the cursor and pauses when the world falls quiet — after a typed line,
   * once its reply has arrived, rather than skipping ahead to a timeout minutes later.
   */
  playUntilIdle(after = 0): void {
    if (!this.#traceOrLater(() => this.playUntilIdle(after))) return;
    this.#stopAt = null;
    this.#quietAfter = after;
    this.#untilIdle = true;
    this.playing = true;
  }

  /** tick advances a playing lab by `realMs` of wall time; called once per animation frame. */
  tick(realMs: number): void {
    if (!this.playing) return;
    const from = Math.max(this.clock, this.now);
    const next = this.trace[this.cursor + 1];
    if (
      this.#untilIdle &&
      (!next || (next.t > this.#quietAfter && next.t - Math.max(from, this.#quietAfter) > IDLE_MS))
    ) {
      this.#untilIdle = false;
      this.playing = false;
      return;
    }
    this.clock = advanceTime(this.trace, from, realMs, this.speed);
    if (this.#untilIdle && this.#stopsBeforeQuiet(from)) return;
    const seq = seqAtTime(this.trace, this.clock);
    if (this.#stopAt !== null && seq >= this.#stopAt) {
      this.cursor = this.#stopAt;
      this.clock = this.now;
      this.#stopAt = null;
      this.playing = false;
      return;
    }
    if (seq !== this.cursor) this.cursor = seq;
    if (this.atEnd) this.playing = false;
  }

  // Along the compressed axis one frame may leap a whole quiet stretch, and the world beyond it (a scenario's next
  // scripted act): playing until idle stops at the last event before the first quiet stretch the frame crossed.
  #stopsBeforeQuiet(from: number): boolean {
    let last = from;
    for (let i = this.cursor + 1; i < this.trace.length; i++) {
      const e = this.trace[i] as TraceEvent;
      if (e.t > this.clock) return false;
      if (e.t > this.#quietAfter && e.t - Math.max(last, this.#quietAfter) > IDLE_MS) {
        this.clock = last;
        this.cursor = seqAtTime(this.trace, last);
        this.#untilIdle = false;
        this.playing = false;
        return true;
      }
      last = e.t;
    }
    return false;
  }

  /** select marks an event (for the inspector) and, when it belongs to a connection, that connection. */
  select(seq: number | null): void {
    this.selectedSeq = seq;
    const event = seq === null ? undefined : this.trace[seq];
    if (event && 'conn' in event && typeof event.conn === 'string') this.selectedConn = event.conn;
  }

  // The session, when it is there and nothing asked before waits; otherwise null, and `later` is kept (the engine
  // is sent for) to be done in its turn.
  #sessionOrLater(later: () => void): Session | null {
    if (this.#session && (this.#waiting.length === 0 || this.#flushing)) return this.#session;
    this.#wait('session', later);
    return null;
  }

  // True when the trace is there and nothing asked before waits; otherwise `later` is kept for its turn.
  #traceOrLater(later: () => void): boolean {
    if (this.status === 'ready' && (this.#waiting.length === 0 || this.#flushing)) return true;
    this.#wait('trace', later);
    return false;
  }

  #wait(need: Need, action: () => void): void {
    this.#waiting.push({ need, action });
    this.#flush();
  }

  // Does what waits, in order, until an action needs what is not there yet (then sends for the engine if that is
  // what it needs). What an action asks of the lab in turn is done at once, as part of it (#flushing).
  #flush(): void {
    if (this.#flushing) return;
    this.#flushing = true;
    try {
      for (let next = this.#waiting[0]; next !== undefined; next = this.#waiting[0]) {
        if (this.status !== 'ready') return;
        if (next.need === 'session' && !this.#session) return void this.#engage();
        this.#waiting.shift();
        next.action();
      }
    } finally {
      this.#flushing = false;
    }
  }

  // The first world, run in a worker while the page shows its layout; then what was asked meanwhile is done.
  async #arrive(): Promise<void> {
    try {
      this.trace = await firstRun({ scenario: this.scenario, inputs: this.extraInputs, until: HORIZON_MS });
    } catch {
      this.status = 'failed';
      return;
    }
    this.status = 'ready';
    this.#flush();
  }

  // The engine joins this thread when the world is first changed: it replays the same world (deterministic, so
  // to the same trace the worker gave) a slice at a time, and then what waits for it is done.
  async #engage(): Promise<void> {
    if (this.#engaging) return;
    this.#engaging = true;
    try {
      this.#Session = (await loadEngine()).Session;
    } catch {
      this.status = 'failed';
      return;
    }
    const session = this.#newSession(this.scenario, this.extraInputs);
    await runSliced((steps) => session.runSome(HORIZON_MS, steps));
    this.#session = session;
    this.#flush();
  }

  // What a new world starts with: the scenario and inputs, nothing selected, the cursor before the first event.
  #reset(scenario: Scenario, inputs: readonly TimedInput[], builtin: boolean): void {
    this.scenario = scenario;
    this.builtin = builtin;
    this.extraInputs = inputs;
    this.playing = false;
    this.selectedConn = null;
    this.selectedSeq = null;
    this.cursor = -1;
    this.clock = 0;
  }

  #newSession(scenario: Scenario, inputs: readonly TimedInput[]): Session {
    if (!this.#Session) throw new Error('the lab asked for a world before its engine was there');
    return new this.#Session(scenario, inputs);
  }

  // A new world, run from the start, on the engine that is there.
  #start(scenario: Scenario, inputs: readonly TimedInput[], builtin: boolean): void {
    this.#reset(scenario, inputs, builtin);
    this.#session = this.#newSession(scenario, inputs);
    this.#run(0);
  }

  #run(from: number): void {
    const session = this.#session;
    if (!session) return;
    session.runUntilQuiet(from + HORIZON_MS);
    // A new array each time, so views that hold the trace raw see that it changed.
    this.trace = [...session.events];
  }
}
