import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import { Session } from '../../../src/sim/session.ts';
import type { TraceEvent } from '../../../src/sim/trace.ts';
import { retryRuns } from '../../../src/timeline/retryRuns.ts';
import { DAY_SPAN, timelineLayout, type GlyphMark } from '../../../src/timeline/timelineLayout.ts';
import { breakCaptions, timelineLabels } from '../../../src/ui/lab/timeline/timelineLabels.ts';
import { timelineText } from '../../../src/ui/i18n/timelineText.ts';
import type { Language } from '../../../src/ui/i18n/language.ts';

const HOUR = 3_600_000;

function run(name: string) {
  const scenario = builtinScenario(name)!;
  const session = new Session(scenario);
  session.runUntilQuiet(7 * 86_400_000);
  return { scenario, trace: session.events };
}

const labelsFor = (trace: readonly TraceEvent[], language: Language) =>
  timelineLabels({ text: timelineText[language], language, hostLabel: {}, trace, cursor: trace.length - 1 });

describe('retry runs', () => {
  const { trace } = run('bounce');

  it('finds the bounce’s five days of tries as one run of deferred attempts, thirty minutes apart', () => {
    const attempts = trace.filter((e) => e.kind === 'queue.attempt');
    const runs = retryRuns(trace);
    expect(runs).toHaveLength(1);
    const [only] = runs;
    // Every attempt but the last, which bounced instead of being deferred.
    expect(only!.attempts).toBe(attempts.length - 1);
    expect(only!.every).toBe(30 * 60_000);
    expect(only!.host).toBe('crepes.fr');
    expect(only!.to).toBeLessThan(trace.find((e) => e.kind === 'queue.bounced')!.t);
  });

  it('finds no run where a message is delivered at its first or second try', () => {
    expect(retryRuns(run('textbook').trace)).toEqual([]);
    expect(retryRuns(run('mixed').trace)).toEqual([]);
  });
});

describe('folding the 5-day bounce on the timeline', () => {
  const { scenario, trace } = run('bounce');
  const layout = timelineLayout(scenario, trace, { width: 740, height: 400 });
  const [run0] = retryRuns(trace);

  it('folds the tries into one band on the queue’s lane, labelled with their number and interval', () => {
    const queue = layout.folds.filter((f) => f.queueLane);
    expect(queue).toHaveLength(1);
    expect(queue[0]!.attempts).toBe(run0!.attempts);
    expect(labelsFor(trace, 'en').fold(queue[0]!)).toBe(`${run0!.attempts} attempts, every 30 min`);
    expect(labelsFor(trace, 'ko').fold(queue[0]!)).toBe(`30분마다 ${run0!.attempts}번 시도`);
  });

  it('draws no glyph of a try inside the fold, and no count over a crowd of them on any lane', () => {
    const inside = (g: GlyphMark) => g.t >= run0!.from && g.t <= run0!.to;
    const glyphs = layout.marks.filter((m): m is GlyphMark => m.kind === 'glyph');
    expect(
      glyphs.filter((g) => inside(g) && ['attempt', 'deferred', 'dropped', 'dns'].includes(g.glyph)),
    ).toEqual([]);
    // The delay warning falls inside the run and stays a glyph of its own: folds never hide an outcome.
    expect(glyphs.some((g) => g.glyph === 'warned' && inside(g))).toBe(true);
    const lost = layout.folds.find((f) => f.host === 'hamburger.edu')!;
    expect(lost.counts.dropped).toBe(trace.filter((e) => e.kind === 'tcp.dropped' && e.t <= run0!.to).length);
    expect(labelsFor(trace, 'en').fold(lost)).toMatch(/^[\d,]+ segments lost$/);
  });

  it('leaves no caption on the quiet spells between the folded tries', () => {
    const plot = layout.plot;
    const captions = breakCaptions(layout.breaks, plot, labelsFor(trace, 'en').duration);
    expect(layout.breaks.filter((b) => b.folded).length).toBeGreaterThan(200);
    expect(captions.filter((c) => c.from >= run0!.from && c.to <= run0!.to)).toEqual([]);
  });

  it('unfolds when zoomed in far enough to tell the tries apart', () => {
    const zoomed = timelineLayout(scenario, trace, {
      width: 740,
      height: 400,
      window: { from: 0, to: 3 * HOUR },
    });
    expect(zoomed.folds).toEqual([]);
    expect(zoomed.marks.some((m) => m.kind === 'glyph' && m.glyph === 'attempt')).toBe(true);
  });

  it('prints the axis of a window of days as distinct days and hours, with no clock ticks', () => {
    expect(layout.window.to - layout.window.from).toBeGreaterThanOrEqual(DAY_SPAN);
    const en = layout.ticks.map((t) => labelsFor(trace, 'en').tick(t.t, t.unit, 0));
    const ko = layout.ticks.map((t) => labelsFor(trace, 'ko').tick(t.t, t.unit, 0));
    expect(en.length).toBeGreaterThanOrEqual(4);
    expect(new Set(en).size).toBe(en.length);
    expect(en.slice(0, 3)).toEqual(['0 h', '1 d', '2 d']);
    expect(ko.slice(0, 3)).toEqual(['0시간', '1일', '2일']);
    const wide = timelineLayout(scenario, trace, { width: 2400, height: 400 });
    const hours = wide.ticks.map((t) => labelsFor(trace, 'en').tick(t.t, t.unit, 0));
    expect(hours.some((h) => / d \d+ h$/.test(h))).toBe(true);
  });

  it('keeps clock ticks for a window of hours, as the two-hour outage shows', () => {
    const outage = run('outage');
    const ticks = timelineLayout(outage.scenario, outage.trace, { width: 740, height: 400 }).ticks;
    expect(ticks.every((t) => t.unit === 'clock')).toBe(true);
  });
});
