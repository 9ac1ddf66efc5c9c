import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { TimedInput } from '../../../src/sim/input.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import { compressedTimeScale } from '../../../src/timeline/compressedTimeScale.ts';
import {
  TIMELINE_METRICS,
  coversView,
  movedLayout,
  timelineLayout,
  zoomedOutAhead,
  windowOfZoom,
  zoomOfWindow,
  type ConnMark,
  type GlyphMark,
  type LineMark,
  type TimelineLayout,
  type TimelineMark,
} from '../../../src/timeline/timelineLayout.ts';
import { notesToBob } from '../../support/notesToBob.ts';

const SIZE = { width: 1280, height: 400 };

function scenario(name: string): Scenario {
  const s = builtinScenario(name);
  if (s === undefined) throw new Error(`${name} is missing`);
  return s;
}

function run(s: Scenario, inputs: readonly TimedInput[] = []): readonly TraceEvent[] {
  const session = new Session(s, inputs);
  session.runUntilQuiet(7 * 86_400_000);
  return session.events;
}

/** The layout as text, one shape a line, so a snapshot diff reads like a description of what moved. */
function describeLayout(layout: TimelineLayout): string {
  const out = [`size ${layout.width}×${layout.height} plot x ${layout.plot.left}–${layout.plot.right}`];
  for (const l of layout.lanes) out.push(`lane ${l.host} (${l.kind}, ${l.label}) y ${l.y0}–${l.y1}`);
  for (const b of layout.breaks) out.push(`break ${b.from}→${b.to} ms x ${b.x0}–${b.x1}`);
  for (const t of layout.ticks) out.push(`tick ${t.t} ms x ${t.x} step ${t.step}`);
  for (const b of layout.bands)
    out.push(
      `band ${b.kind} ${b.id} on ${b.host} ${b.from}→${b.to} ms x ${b.x0}–${b.x1} seq ${b.seq}→${b.endSeq}`,
    );
  for (const f of layout.folds)
    out.push(
      `fold ${f.queueId} on ${f.host} ${f.from}→${f.to} ms x ${f.x0}–${f.x1} ×${f.attempts} every ${f.every}`,
    );
  for (const m of layout.marks) out.push(markLine(m));
  return out.join('\n') + '\n';
}

function markLine(m: TimelineMark): string {
  if (m.kind === 'conn')
    return `conn ${m.conn} ${m.protocol} ${m.host}→${m.peer}:${m.port} ${m.outcome} x ${m.x0}–${m.xData}–${m.x1} y ${m.y0} seq ${m.seq}`;
  if (m.kind === 'line')
    return `line ${m.conn} ${m.from} x ${m.x} y ${m.y0}–${m.y1} seq ${m.seq} ×${m.count}`;
  return `glyph ${m.glyph} on ${m.host} x ${m.x} y ${m.y} seq ${m.seq} ×${m.count}`;
}

const glyphsOf = (layout: TimelineLayout, kind: GlyphMark['glyph']) =>
  layout.marks.filter((m): m is GlyphMark => m.kind === 'glyph' && m.glyph === kind);
const connsOf = (layout: TimelineLayout) => layout.marks.filter((m): m is ConnMark => m.kind === 'conn');

// 54 notes, one every two minutes: a message is some 195 events now that a client's lines leave in one write, the
// textbook client does not pipeline and the server's lookups after the first come from its DNS cache, so it takes
// 54 to pass 10,000.
const TEN_THOUSAND_EVENTS = { count: 54, every: 120_000 };

describe('timelineLayout of the textbook scenario', () => {
  const s = scenario('textbook');
  const trace = run(s);
  const layout = timelineLayout(s, trace, SIZE);

  it('matches the shapes kept on file', async () => {
    await expect(describeLayout(layout)).toMatchFileSnapshot('__snapshots__/textbook.timeline.txt');
  });

  it('orders lanes the way the mail travels, then DNS, then routers', () => {
    expect(layout.lanes.map((l) => l.host)).toEqual([
      'alice-pc',
      'crepes.fr',
      'hamburger.edu',
      'bob-pc',
      'ns.example',
      'internet',
    ]);
  });

  it('draws each connection as a bar on its client’s lane, coloured by protocol and named by its id', () => {
    expect(connsOf(layout).map((c) => [c.conn, c.host, c.peer, c.protocol, c.outcome])).toEqual([
      ['c1', 'alice-pc', 'crepes.fr', 'smtp', 'closed'],
      ['c2', 'crepes.fr', 'hamburger.edu', 'smtp', 'closed'],
    ]);
  });

  it('puts every protocol line on its connection, client lines above the bar and replies below', () => {
    const lines = layout.marks.filter((m) => m.kind === 'line');
    const total = lines.reduce((n, l) => n + l.count, 0);
    expect(total).toBe(trace.filter(isKind('app.line')).length);
    const c1 = connsOf(layout)[0] as ConnMark;
    for (const l of lines.filter((l) => l.conn === 'c1')) {
      if (l.from === 'client') expect(l.y1).toBe(c1.y0);
      else expect(l.y0).toBe(c1.y1);
    }
  });

  it('gives each mark the trace position of its event', () => {
    for (const m of layout.marks) {
      const event = trace[m.seq] as TraceEvent;
      if (m.kind === 'conn') expect(event.kind).toBe('tcp.segment');
      if (m.kind === 'line') expect(event.kind).toBe('app.line');
    }
    expect(glyphsOf(layout, 'stored').map((g) => trace[g.seq]?.kind)).toEqual(['mailbox.stored']);
    expect(glyphsOf(layout, 'delivered').map((g) => g.host)).toEqual(['crepes.fr']);
  });
});

describe('timelineLayout of the outage scenario', () => {
  const s = scenario('outage');
  const trace = run(s);
  const layout = timelineLayout(s, trace, SIZE);

  it('matches the shapes kept on file', async () => {
    await expect(describeLayout(layout)).toMatchFileSnapshot('__snapshots__/outage.timeline.txt');
  });

  it('shows every deferral as an hourglass on the sender’s server', () => {
    const deferred = glyphsOf(layout, 'deferred');
    expect(deferred).toHaveLength(trace.filter(isKind('queue.deferred')).length);
    expect(deferred.map((g) => g.host)).toEqual(['crepes.fr', 'crepes.fr', 'crepes.fr', 'crepes.fr']);
  });

  it('bands hamburger.edu from the moment it goes down to the moment it comes back', () => {
    const down = trace.find(isKind('host.down'));
    const up = trace.find(isKind('host.up'));
    expect(layout.bands).toEqual([
      expect.objectContaining({
        kind: 'host',
        id: 'hamburger.edu',
        seq: down?.seq,
        endSeq: up?.seq,
        to: 7_200_000,
      }),
    ]);
  });

  it('marks the failed connection attempts as failed, with their lost SYNs on the host that was down', () => {
    expect(connsOf(layout).filter((c) => c.outcome === 'failed')).toHaveLength(4);
    expect(new Set(glyphsOf(layout, 'dropped').map((g) => g.host))).toEqual(new Set(['hamburger.edu']));
  });
});

describe('idle-time compression', () => {
  const s = scenario('outage');
  const trace = run(s);
  const layout = timelineLayout(s, trace, SIZE);
  const plotWidth = layout.plot.right - layout.plot.left;
  // Retries are counted from each attempt's start, so the idle stretch after a deferral is 30 minutes less the
  // half minute the attempt took. These are the breaks that run from a deferral to the retry it names.
  const attempts = trace.filter(isKind('queue.attempt'));
  const waits = layout.breaks.filter((b) =>
    trace.some((e) => e.kind === 'queue.deferred' && e.t === b.from && e.nextAttemptAt === b.to),
  );

  it('turns each wait between retries, 30 minutes from one attempt’s start to the next, into a short break', () => {
    expect(attempts.slice(1).map((a, i) => a.t - (attempts[i] as { t: number }).t)).toEqual([
      1_800_000, 1_800_000, 1_800_000, 1_800_000,
    ]);
    expect(waits.length).toBeGreaterThanOrEqual(2);
    for (const b of waits) {
      const started = attempts.filter((a) => a.t < b.from).at(-1) as { t: number };
      expect(b.to - started.t).toBe(1_800_000);
      expect(b.to - b.from).toBeGreaterThan(1_700_000);
      expect(b.x1 - b.x0).toBeGreaterThan(20);
      expect(b.x1 - b.x0).toBeLessThan(plotWidth * 0.06);
    }
  });

  it('gives the 31 seconds of one delivery attempt more room than the half hour after it', () => {
    const syn = layout.cursorX(1245);
    const deferred = layout.cursorX(32_245);
    const wait = layout.breaks.find((b) => b.to - b.from > 1_700_000) as { x0: number; x1: number };
    expect(deferred - syn).toBeGreaterThan(3 * (wait.x1 - wait.x0));
  });

  it('labels the start of the stretch after a break on the axis', () => {
    expect(waits.length).toBeGreaterThan(0);
    for (const wait of waits) expect(layout.ticks.map((t) => t.t)).toContain(wait.to);
  });

  it('lets a gapSize option size every gap, breaks included', () => {
    const scale = compressedTimeScale([0, 10, 1_800_010], {
      top: 0,
      rowGap: 0,
      pxPerMs: 0,
      maxGap: 0,
      breakAfterMs: 20_000,
      breakHeight: 0,
      gapSize: (gap, isBreak) => (isBreak ? 50 : gap),
    });
    expect(scale.y(10)).toBe(10);
    expect(scale.breaks).toEqual([{ from: 10, to: 1_800_010, y0: 10, y1: 60 }]);
    expect(scale.time(35)).toBeCloseTo(900_010);
  });
});

describe('windows and culling', () => {
  const s = scenario('outage');
  const trace = run(s);
  const full = timelineLayout(s, trace, SIZE);
  // The second attempt: from its DNS lookup to its deferral half a minute later.
  const window = { from: 1_832_000, to: 1_864_000 };
  const zoomed = timelineLayout(s, trace, { ...SIZE, window });
  const M = TIMELINE_METRICS;

  it('returns only the marks that fall inside the window', () => {
    expect(zoomed.marks.length).toBeLessThan(full.marks.length);
    for (const m of zoomed.marks) {
      const [x0, x1] = m.kind === 'conn' ? [m.x0, m.x1] : [m.x, m.x];
      expect(x1).toBeGreaterThanOrEqual(zoomed.plot.left - M.cullMargin - 16);
      expect(x0).toBeLessThanOrEqual(zoomed.plot.right + M.cullMargin + 16);
    }
    expect(connsOf(zoomed).map((c) => c.conn)).toEqual(['c3']);
    expect(glyphsOf(zoomed, 'delivered')).toEqual([]);
  });

  it('places the window’s ends at the plot’s ends, and timeAt undoes cursorX', () => {
    expect(zoomed.cursorX(window.from)).toBeCloseTo(zoomed.plot.left);
    expect(zoomed.cursorX(window.to)).toBeCloseTo(zoomed.plot.right);
    expect(zoomed.timeAt(zoomed.cursorX(1_850_000))).toBeCloseTo(1_850_000);
  });

  it('turns a zoom transform into a window and back', () => {
    const transform = zoomOfWindow(full, window);
    const back = windowOfZoom(full, transform);
    expect(back.from).toBeCloseTo(window.from, 3);
    expect(back.to).toBeCloseTo(window.to, 3);
    expect(windowOfZoom(full, { k: 1, x: 0 })).toEqual(
      expect.objectContaining({ from: full.domain.from, to: expect.closeTo(full.domain.to, 3) }),
    );
  });

  it('names the connection that fills a window zoomed into it, and none at full view', () => {
    const c1 = connsOf(full).find((c) => c.conn === 'c1') as ConnMark;
    const inside = timelineLayout(s, trace, { ...SIZE, window: { from: c1.t0 + 5, to: c1.tData - 5 } });
    expect(inside.fillingConn).toBe('c1');
    expect(full.fillingConn).toBeNull();
  });

  it('keeps a 10,000-event trace to a few hundred shapes, and fewer still when zoomed in', () => {
    const textbook = scenario('textbook');
    const long = run(textbook, notesToBob(TEN_THOUSAND_EVENTS.count, TEN_THOUSAND_EVENTS.every));
    expect(long.length).toBeGreaterThan(10_000);
    const all = timelineLayout(textbook, long, SIZE);
    expect(all.marks.length).toBeLessThan(1_000);
    const part = timelineLayout(textbook, long, { ...SIZE, window: { from: 600_000, to: 720_000 } });
    expect(part.marks.length).toBeLessThan(all.marks.length / 5);
    expect(part.marks.length).toBeGreaterThan(0);
    // Simulating 54 messages takes seconds on a loaded two-core machine; the 5 s default is for unit-sized tests.
  }, 60_000);
});

describe('crowds of connections', () => {
  const textbook = scenario('textbook');
  // notesToBob: some 10,000 events, two SMTP connections each, a track of them on two lanes.
  const long = run(textbook, notesToBob(TEN_THOUSAND_EVENTS.count, TEN_THOUSAND_EVENTS.every));
  // At 1920 px they stand some 30 px apart, each its own bar; squeezed into 700 px, some 10 px.
  const roomy = timelineLayout(textbook, long, { width: 1920, height: 400 });
  const squeezed = timelineLayout(textbook, long, { width: 700, height: 400 });
  const crowds = connsOf(squeezed).filter((c) => c.count > 1);

  it('counts connections too close to tell apart on one track into one bar, each connection once', () => {
    expect(connsOf(roomy).every((c) => c.count === 1)).toBe(true);
    expect(crowds.length).toBeGreaterThan(0);
    expect(connsOf(squeezed).length).toBeLessThan(connsOf(roomy).length / 4);
    const counted = connsOf(squeezed).reduce((sum, c) => sum + c.count, 0);
    expect(counted).toBe(connsOf(roomy).length);
  });

  it('keeps a crowd’s first connection’s name and start, and spans to its last one’s end', () => {
    const all = connsOf(roomy);
    for (const crowd of crowds) {
      const members = all.filter((c) => c.y0 === crowd.y0 && c.host === crowd.host && c.t0 >= crowd.t0);
      const inCrowd = members.slice(0, crowd.count);
      expect(inCrowd[0]?.conn).toBe(crowd.conn);
      expect(crowd.t1).toBe(Math.max(...inCrowd.map((c) => c.t1)));
      expect(crowd.failed).toBe(inCrowd.filter((c) => c.outcome === 'failed').length);
    }
  });

  const crowd = crowds[0] as ConnMark;
  const window = { from: crowd.t0, to: crowd.t0 + (crowd.t1 - crowd.t0) / 8 };
  const opened = timelineLayout(textbook, long, { width: 700, height: 400, window });

  it('opens into single connections when zoomed in until they stand apart', () => {
    expect(connsOf(opened).length).toBeGreaterThan(1);
    expect(connsOf(opened).every((c) => c.count === 1)).toBe(true);
    expect(connsOf(opened).map((c) => c.conn)).toContain(crowd.conn);
  });

  it('draws no protocol line of a crowded connection, but those of each connection drawn alone', () => {
    const linesOf = (layout: TimelineLayout) =>
      new Set(layout.marks.flatMap((m) => (m.kind === 'line' ? [m.conn] : [])));
    const crowded = new Set(crowds.map((c) => c.conn));
    expect([...linesOf(squeezed)].some((conn) => crowded.has(conn))).toBe(false);
    expect([...linesOf(opened)].sort()).toEqual(
      connsOf(opened)
        .map((c) => c.conn)
        .sort(),
    );
  });

  it('never forms in the built-in scenarios, whose connections stand apart', () => {
    for (const name of ['textbook', 'outage']) {
      const s = scenario(name);
      expect(connsOf(timelineLayout(s, run(s), SIZE)).every((c) => c.count === 1)).toBe(true);
    }
  });
}, 60_000);

describe('crowds as the view pans', () => {
  const textbook = scenario('textbook');
  // The crowded world of 'crowds of connections', squeezed into 700 px: glyphs crowd on every lane and
  // connections on their tracks.
  const long = run(textbook, notesToBob(TEN_THOUSAND_EVENTS.count, TEN_THOUSAND_EVENTS.every));
  const size = { width: 700, height: 400 };
  const full = timelineLayout(textbook, long, size);
  const at = (k: number, x: number) =>
    timelineLayout(textbook, long, { ...size, window: windowOfZoom(full, { k, x }) });
  // Zoomed 1.5 times, then panned by a fifth of the plot.
  const left = at(1.5, -200);
  const panned = at(1.5, -200 - (full.plot.right - full.plot.left) / 5);

  it('keeps every crowd of glyphs and of connections as it was when the view pans', () => {
    // The marks both views show whole say the same.
    const inBoth = (l: TimelineLayout, other: TimelineLayout) =>
      l.marks
        .filter((m) => m.kind !== 'line')
        .filter((m) => {
          const t0 = m.kind === 'conn' ? m.t0 : m.t;
          const t1 = m.kind === 'conn' ? m.t1 : m.t;
          const inside = (v: TimelineLayout) =>
            v.cursorX(t0) > v.plot.left + 40 && v.cursorX(t1) < v.plot.right - 40;
          return inside(l) && inside(other);
        })
        .map((m) => (m.kind === 'conn' ? `${m.conn} ×${m.count}` : `${m.glyph} ${m.seq} ×${m.count}`));
    const seen = inBoth(left, panned);
    expect(seen.filter((m) => !m.endsWith('×1')).length).toBeGreaterThan(10);
    expect(inBoth(panned, left)).toEqual(seen);
  });

  it('keeps a crowd of connections that reaches past the window’s edge whole, named by its first', () => {
    const counts = (l: TimelineLayout) => new Map(connsOf(l).map((c) => [c.conn, c.count]));
    const [before, after] = [counts(left), counts(panned)];
    const both = [...before.keys()].filter((conn) => after.has(conn));
    expect(both.filter((conn) => (before.get(conn) ?? 0) > 1).length).toBeGreaterThan(2);
    for (const conn of both) expect([conn, after.get(conn)]).toEqual([conn, before.get(conn)]);
    // Each connection is counted once, crowds and all, in a view that begins inside a crowd.
    const counted = connsOf(panned).reduce((sum, c) => sum + c.count, 0);
    expect(new Set(connsOf(panned).map((c) => c.conn)).size).toBe(connsOf(panned).length);
    expect(counted).toBeGreaterThan(connsOf(panned).length);
  });
}, 60_000);

describe('outage bands on links', () => {
  it('draws a link outage on the lanes of both hosts the link joins', () => {
    const s = scenario('textbook');
    const link = 'crepes.fr--internet';
    const cut: Scenario = {
      ...s,
      faults: [
        { at: 500, fault: { type: 'link.down', link } },
        { at: 120_000, fault: { type: 'link.up', link } },
      ],
    };
    const layout = timelineLayout(cut, run(cut), SIZE);
    expect(layout.bands.map((b) => [b.kind, b.id, b.host])).toEqual([
      ['link', link, 'crepes.fr'],
      ['link', link, 'internet'],
    ]);
  });
});

describe('a layout moved by a zoom gesture', () => {
  const textbook = scenario('textbook');
  const trace = run(textbook, notesToBob(12, 20_000));
  const full = timelineLayout(textbook, trace, SIZE);
  const at = (t: { k: number; x: number }) =>
    timelineLayout(textbook, trace, { ...SIZE, window: windowOfZoom(full, t) });
  // Zoomed ×3 about the plot's middle, then one wheel turn further (×1.25) about a point left of it.
  const middle = (full.plot.left + full.plot.right) / 2;
  const from = { k: 3, x: middle - middle * 3 };
  const p = full.plot.left + (full.plot.right - full.plot.left) / 3;
  const to = { k: from.k * 1.25, x: p - (p - from.x) * 1.25 };
  const settled = at(from);
  const moved = movedLayout(textbook, trace, settled, from, to);
  const fresh = at(to);
  const singles = <M extends TimelineMark>(layout: TimelineLayout, kind: M['kind'], key: (m: M) => string) =>
    new Map(
      layout.marks
        .filter(
          (m): m is M => m.kind === kind && (m.kind === 'line' || (m as ConnMark | GlyphMark).count === 1),
        )
        .map((m) => [key(m), m]),
    );

  it('puts each connection and line where a layout at the new zoom puts it, and moves glyphs with their time', () => {
    let compared = 0;
    const freshConns = singles<ConnMark>(fresh, 'conn', (c) => c.conn);
    for (const [conn, c] of singles<ConnMark>(moved, 'conn', (c) => c.conn)) {
      const f = freshConns.get(conn);
      if (f === undefined) continue;
      expect([c.x0, c.xData, c.x1], conn).toEqual([
        expect.closeTo(f.x0, 0),
        expect.closeTo(f.xData, 0),
        expect.closeTo(f.x1, 0),
      ]);
      compared++;
    }
    const freshLines = singles<LineMark>(fresh, 'line', (l) => `${l.seq}`);
    for (const [seq, l] of singles<LineMark>(moved, 'line', (l) => `${l.seq}`)) {
      const f = freshLines.get(seq);
      if (f === undefined) continue;
      expect(l.x, `line ${seq}`).toBeCloseTo(f.x, 0);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
    // A glyph moves as far as its event's time does, so two set side by side stay a glyph apart.
    const before = new Map(settled.marks.filter((m) => m.kind === 'glyph').map((g) => [g.seq, g]));
    for (const g of moved.marks)
      if (g.kind === 'glyph')
        expect(g.x - (before.get(g.seq)?.x ?? Number.NaN), `glyph ${g.seq}`).toBeCloseTo(
          moved.cursorX(g.t) - settled.cursorX(g.t),
          0,
        );
    expect(moved.window.from).toBeCloseTo(fresh.window.from, 3);
    expect(moved.window.to).toBeCloseTo(fresh.window.to, 3);
    const ticks = (layout: TimelineLayout) => layout.ticks.map((t) => `${t.t} at ${Math.round(t.x)}`);
    expect(ticks(moved)).toEqual(ticks(fresh));
    expect(moved.cursorX(fresh.window.from)).toBeCloseTo(fresh.plot.left, 3);
  });

  it('adds no mark, and drops those the zoom moved out of the plot', () => {
    const key = (m: TimelineMark) => `${m.kind} ${m.seq}`;
    const had = new Set(settled.marks.map(key));
    expect(moved.marks.every((m) => had.has(key(m)))).toBe(true);
    expect(moved.marks.length).toBeLessThan(settled.marks.length);
    const lo = moved.plot.left - TIMELINE_METRICS.cullMargin;
    const hi = moved.plot.right + TIMELINE_METRICS.cullMargin;
    for (const m of moved.marks)
      if (m.kind === 'conn') expect(m.x1 >= lo && m.x0 <= hi, m.conn).toBe(true);
      else expect(m.x >= lo && m.x <= hi, key(m)).toBe(true);
  });

  it('leaves whether a connection fills the view to the layout made once the gesture rests', () => {
    const c1 = full.marks.find((m): m is ConnMark => m.kind === 'conn' && m.conn === 'c1') as ConnMark;
    const inside = zoomOfWindow(full, { from: c1.t0 + 5, to: c1.tData - 5 });
    expect(at(inside).fillingConn).toBe('c1');
    expect(movedLayout(textbook, trace, settled, from, inside).fillingConn).toBeNull();
  });

  it('lays a zoom out out ahead, around the point it keeps still: it covers the view, within the trace', () => {
    const { left, right } = full.plot;
    const at = (t: { k: number; x: number }, u: number) => t.k * u + t.x;
    for (const focus of [left + 10, (left + right) / 2, right - 10]) {
      // One wheel turn out (÷1.18) around `focus`, from ×8 in the middle.
      const was = { k: 8, x: (left + right) / 2 - ((left + right) / 2) * 8 };
      const u = (focus - was.x) / was.k;
      const now = { k: was.k / 1.18, x: focus - u * (was.k / 1.18) };
      const ahead = zoomedOutAhead(left, right, was, now, 2);
      expect(ahead.k).toBeCloseTo(now.k / 2);
      expect(at(ahead, u), `focus ${focus}`).toBeCloseTo(focus);
      expect(coversView(left, right, ahead, now)).toBe(true);
    }
    // Near zoom 1 it stops at the whole trace; a pan zooms out around the middle.
    expect(zoomedOutAhead(left, right, { k: 1.5, x: -200 }, { k: 1.2, x: -100 }, 2)).toEqual({ k: 1, x: 0 });
    const pan = zoomedOutAhead(left, right, { k: 8, x: -3000 }, { k: 8, x: -3040 }, 2);
    expect(at(pan, ((left + right) / 2 + 3040) / 8)).toBeCloseTo((left + right) / 2);
    // Near an end of the trace, the window is kept inside it, as d3-zoom keeps the view.
    const edge = zoomedOutAhead(left, right, { k: 4, x: left * (1 - 4) }, { k: 3, x: left * (1 - 3) }, 2);
    expect(edge.x).toBeLessThanOrEqual(left * (1 - edge.k) + 1e-9);
    expect(edge.x).toBeGreaterThanOrEqual(right * (1 - edge.k) - 1e-9);
  });

  it('says a layout covers a zoom in from it, but not a zoom out or a pan', () => {
    const { left, right } = full.plot;
    expect(coversView(left, right, from, to)).toBe(true);
    expect(coversView(left, right, from, from)).toBe(true);
    expect(coversView(left, right, to, from)).toBe(false);
    expect(coversView(left, right, from, { k: from.k, x: from.x + 30 })).toBe(false);
    expect(coversView(left, right, from, { k: from.k, x: from.x - 30 })).toBe(false);
  });
});
