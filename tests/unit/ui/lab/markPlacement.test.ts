// @vitest-environment jsdom
// markPlacement moves the timeline's marks on a zoom step by writing their coordinates onto the elements Svelte
// drew, and tells Svelte which parts of a connection show; a step that moved nothing writes nothing.
import { describe, expect, it } from 'vitest';
import type { ConnMark, GlyphMark } from '../../../../src/timeline/timelineLayout.ts';
import {
  connLook,
  placeConns,
  placeGlyphs,
  sameLook,
  type MarkView,
} from '../../../../src/ui/lab/timeline/markPlacement.ts';
import { SteadyLooks } from '../../../../src/ui/lab/timeline/steadyMarks.ts';

const conn = (over: Partial<ConnMark> = {}): ConnMark => ({
  kind: 'conn',
  seq: 10,
  conn: 'c1',
  protocol: 'smtp',
  host: 'crepes.fr',
  peer: 'hamburger.edu',
  port: 25,
  t0: 100,
  tData: 200,
  t1: 300,
  outcome: 'closed',
  error: null,
  x0: 200,
  xData: 400,
  x1: 500,
  y0: 30,
  y1: 43,
  ...over,
});

const view = (over: Partial<MarkView> = {}): MarkView => ({
  clipX: 1000,
  plotLeft: 172,
  plotTop: 26,
  plotBottom: 300,
  future: (seq) => seq > 50,
  focusOf: () => 0,
  focusIndex: 0,
  ...over,
});

const SVG = 'http://www.w3.org/2000/svg';

/** drawConn builds the elements TimelineMarks draws for a connection with these parts, in its order. */
function drawConn(parts: readonly string[]): SVGGElement {
  const g = document.createElementNS(SVG, 'g');
  for (const tag of ['title', 'rect', 'line', 'rect', ...parts]) g.append(document.createElementNS(SVG, tag));
  return g;
}

function counted(group: Element): { writes: number } {
  const tally = { writes: 0 };
  for (const el of group.querySelectorAll('*')) {
    const write = el.setAttribute.bind(el);
    el.setAttribute = (name, value) => {
      tally.writes++;
      write(name, value);
    };
  }
  return tally;
}

describe('connLook', () => {
  it('draws a bar before the cursor solid, with its name when it is long enough', () => {
    const look = connLook({ face: conn(), at: conn() }, view());
    expect(look).toMatchObject({ solid: true, labelled: true, dashes: false, failEnd: false });
  });

  it('draws a bar after the cursor faded only, and a short one without its name', () => {
    const short = conn({ seq: 60, xData: 230, x1: 240 });
    expect(connLook({ face: short, at: short }, view())).toMatchObject({ solid: false, labelled: false });
  });

  it('dashes a pull’s solid part and crosses out the end of a failed connection that is wide enough', () => {
    const pull = conn({ protocol: 'pop3', outcome: 'failed' });
    expect(connLook({ face: pull, at: pull }, view())).toMatchObject({ dashes: true, failEnd: true });
    const narrow = conn({ outcome: 'failed', x1: 210, xData: 205 });
    expect(connLook({ face: narrow, at: narrow }, view()).failEnd).toBe(false);
  });
});

describe('SteadyLooks', () => {
  it('hands back the look of the step before while it shows the same parts, and a new one when not', () => {
    const face = conn();
    const looks = new SteadyLooks((l: ReturnType<typeof connLook>) => l.face.conn, sameLook);
    const [first] = looks.step([connLook({ face, at: conn({ x0: 210 }) }, view())]);
    const [moved] = looks.step([connLook({ face, at: conn({ x0: 220 }) }, view())]);
    expect(moved).toBe(first);
    const [cut] = looks.step([connLook({ face, at: conn({ x0: 220 }) }, view({ clipX: 100 }))]);
    expect(cut).not.toBe(first);
    expect(cut?.solid).toBe(false);
  });
});

describe('placeConns', () => {
  it('writes each part of a connection where its step puts it', () => {
    const group = document.createElementNS(SVG, 'g');
    const g = drawConn(['line', 'rect', 'text']);
    group.append(g);
    const step = { face: conn(), at: conn() };
    placeConns(group, [step], [connLook(step, view({ clipX: 300 }))], view({ clipX: 300 }));
    const [, hit, fadedTail, fadedBar, tail, bar, label] = [...g.children];
    expect(hit?.getAttribute('x')).toBe('197');
    expect(hit?.getAttribute('width')).toBe('306');
    expect([fadedTail?.getAttribute('x1'), fadedTail?.getAttribute('x2')]).toEqual(['400', '500']);
    expect(fadedBar?.getAttribute('width')).toBe('200');
    // Solid up to the cursor at 300: the bar stops there and its tail has not begun.
    expect(bar?.getAttribute('width')).toBe('100');
    expect([tail?.getAttribute('x1'), tail?.getAttribute('x2')]).toEqual(['400', '400']);
    expect([label?.getAttribute('x'), label?.getAttribute('y')]).toEqual(['205', '40']);
    expect(g.getAttribute('tabindex')).toBe('0');
  });

  it('writes nothing again for a connection that did not move, and only what moved for one that did', () => {
    const group = document.createElementNS(SVG, 'g');
    group.append(drawConn(['line', 'rect', 'text']));
    const step = { face: conn(), at: conn() };
    const look = connLook(step, view());
    placeConns(group, [step], [look], view());
    const tally = counted(group);
    placeConns(group, [step], [look], view());
    expect(tally.writes).toBe(0);
    const moved = { face: step.face, at: conn({ x0: 190, xData: 390, x1: 490 }) };
    placeConns(group, [moved], [look], view());
    // Shifted 10 px: the x of the hit area, both bars and the label, and both ends of both tails; no width or y.
    expect(tally.writes).toBe(1 + 2 + 2 * 2 + 1);
  });
});

describe('placeGlyphs', () => {
  it('moves each glyph and the count beside it, which only a glyph standing for several events has', () => {
    const glyph = (seq: number, x: number, count: number): GlyphMark => ({
      kind: 'glyph',
      glyph: 'stored',
      seq,
      t: seq,
      host: 'hamburger.edu',
      x,
      y: 40,
      count,
    });
    const group = document.createElementNS(SVG, 'g');
    group.append(
      document.createElementNS(SVG, 'g'),
      document.createElementNS(SVG, 'g'),
      document.createElementNS(SVG, 'text'),
    );
    const steps = [glyph(1, 200, 1), glyph(2, 260, 3)].map((g) => ({ face: g, at: g }));
    placeGlyphs(group, steps, view({ focusOf: (at) => (at === steps[1]?.at ? 1 : 0), focusIndex: 1 }));
    const [one, two, count] = [...group.children];
    expect(one?.getAttribute('transform')).toBe('translate(200,40)');
    expect(one?.getAttribute('tabindex')).toBe('-1');
    expect(two?.getAttribute('transform')).toBe('translate(260,40)');
    expect(two?.getAttribute('tabindex')).toBe('0');
    expect([count?.getAttribute('x'), count?.getAttribute('y')]).toEqual(['268', '34']);
  });
});
