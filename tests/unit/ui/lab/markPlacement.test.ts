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
  count: 1,
  failed: 0,
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
  crowdLabel: (c) => `${c.count} SMTP connections`,
  ...over,
});

/** Shape stands in for an SVG element: its attributes, its lengths (as `baseVal`) and a tally of writes to both. */
class Shape {
  readonly attributes = new Map<string, string>();
  readonly children: Shape[] = [];
  readonly tally: { writes: number };
  [length: string]: unknown;

  constructor(
    readonly tagName: string,
    tally: { writes: number },
  ) {
    this.tally = tally;
    const lengths = { rect: ['x', 'y', 'width', 'height'], line: ['x1', 'x2', 'y1', 'y2'] }[tagName] ?? [];
    for (const name of lengths) {
      let value = 0;
      this[name] = {
        baseVal: {
          get value() {
            return value;
          },
          set value(next: number) {
            tally.writes++;
            value = next;
          },
        },
      };
    }
  }

  setAttribute(name: string, value: string): void {
    this.tally.writes++;
    this.attributes.set(name, value);
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  length(name: string): number {
    return (this[name] as { baseVal: { value: number } }).baseVal.value;
  }
}

/** drawConn builds the shapes TimelineMarks draws for a connection with these parts, in its order. */
function drawConn(parts: readonly string[]): { group: Element; g: Shape; tally: { writes: number } } {
  const tally = { writes: 0 };
  const group = new Shape('g', tally);
  const g = new Shape('g', tally);
  group.children.push(g);
  for (const tag of ['title', 'rect', ...parts]) g.children.push(new Shape(tag, tally));
  return { group: group as unknown as Element, g, tally };
}

describe('connLook', () => {
  it('draws a bar before the cursor solid, with its name when it is long enough', () => {
    const look = connLook({ face: conn(), at: conn() }, view());
    expect(look).toMatchObject({ solid: true, label: 'c1 SMTP', dashes: false, failEnd: false });
  });

  it('draws a bar after the cursor faded only, and a short one without its name', () => {
    const short = conn({ seq: 60, xData: 230, x1: 240 });
    expect(connLook({ face: short, at: short }, view())).toMatchObject({
      faded: true,
      solid: false,
      label: null,
    });
  });

  it('draws a faded copy under a connection only where some of it, bar or tail, lies after the cursor', () => {
    const look = (clipX: number) => connLook({ face: conn(), at: conn() }, view({ clipX }));
    expect(look(1000)).toMatchObject({ faded: false, solid: true });
    expect(look(500)).toMatchObject({ faded: false, solid: true });
    expect(look(450)).toMatchObject({ faded: true, solid: true });
    expect(look(300)).toMatchObject({ faded: true, solid: true });
  });

  it('gives a crowd its words when they fit, else its count alone, and never a failure’s cross', () => {
    // "37 SMTP connections" is 19 cells of 6.6 px, 131.4 px with its margins, and wants 10 px more: 141.4 px.
    const crowd = (xData: number) => conn({ count: 37, failed: 2, outcome: 'failed', xData, x1: xData + 20 });
    const look = (c: ConnMark) => connLook({ face: c, at: c }, view());
    expect(look(crowd(400))).toMatchObject({ label: '37 SMTP connections', failEnd: false });
    expect(look(crowd(342)).label).toBe('37 SMTP connections');
    expect(look(crowd(341)).label).toBe('37');
    expect(look(crowd(220)).label).toBeNull();
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
    const { group, g } = drawConn(['line', 'rect', 'line', 'rect', 'text']);
    const step = { face: conn(), at: conn() };
    placeConns(group, [step], [connLook(step, view({ clipX: 300 }))], view({ clipX: 300 }));
    const [, hit, fadedTail, fadedBar, tail, bar, label] = g.children;
    expect([hit?.length('x'), hit?.length('y'), hit?.length('width')]).toEqual([197, 24, 306]);
    expect([fadedTail?.length('x1'), fadedTail?.length('x2'), fadedTail?.length('y1')]).toEqual([
      400, 500, 36.5,
    ]);
    expect(fadedBar?.length('width')).toBe(200);
    // Solid up to the cursor at 300: the bar stops there and its tail has not begun.
    expect(bar?.length('width')).toBe(100);
    expect([tail?.length('x1'), tail?.length('x2')]).toEqual([400, 400]);
    expect([label?.getAttribute('x'), label?.getAttribute('y')]).toEqual(['205', '40']);
    // Its place in keyboard order is no part of where it stands: nothing about it is written on a step.
    expect([g.getAttribute('data-focus'), g.getAttribute('tabindex')]).toEqual([null, null]);
  });

  it('lays a crowd’s stripes over its whole bar, and its words where a connection’s name would be', () => {
    const { group, g } = drawConn(['line', 'rect', 'line', 'rect', 'rect', 'text']);
    const step = { face: conn({ count: 37 }), at: conn({ count: 37 }) };
    placeConns(group, [step], [connLook(step, view({ clipX: 300 }))], view({ clipX: 300 }));
    const [, , , , , bar, stripes, label] = g.children;
    expect(bar?.length('width')).toBe(100);
    expect([stripes?.length('x'), stripes?.length('y'), stripes?.length('width')]).toEqual([200, 30, 200]);
    expect([label?.getAttribute('x'), label?.getAttribute('y')]).toEqual(['205', '40']);
  });

  it('writes nothing again for a connection that did not move, and only what moved for one that did', () => {
    const { group, tally } = drawConn(['line', 'rect', 'text']);
    const step = { face: conn(), at: conn() };
    const look = connLook(step, view());
    placeConns(group, [step], [look], view());
    tally.writes = 0;
    placeConns(group, [step], [look], view());
    expect(tally.writes).toBe(0);
    const moved = { face: step.face, at: conn({ x0: 190, xData: 390, x1: 490 }) };
    placeConns(group, [moved], [look], view());
    // Shifted 10 px: the x of the hit area, the bar and the label, and both ends of the tail; no width or y.
    // Wholly before the cursor, it has no faded copy to move.
    expect(tally.writes).toBe(1 + 1 + 2 + 1);
  });
});

describe('placeGlyphs', () => {
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

  it('moves each glyph, a crowd’s count with it, as one group, and writes nothing for one that stayed', () => {
    const tally = { writes: 0 };
    const group = new Shape('g', tally);
    const crowd = new Shape('g', tally);
    crowd.children.push(new Shape('title', tally), new Shape('text', tally));
    group.children.push(new Shape('g', tally), crowd);
    const steps = [glyph(1, 200, 1), glyph(2, 260, 3)].map((g) => ({ face: g, at: g }));
    placeGlyphs(group as unknown as Element, steps);
    const [one, two] = group.children;
    expect(one?.getAttribute('transform')).toBe('translate(200,40)');
    expect(two?.getAttribute('transform')).toBe('translate(260,40)');
    // The count stands inside its glyph's group: a step never writes its x or y.
    expect(tally.writes).toBe(2);
    placeGlyphs(group as unknown as Element, [steps[0]!, { face: steps[1]!.face, at: glyph(2, 250, 3) }]);
    expect(two?.getAttribute('transform')).toBe('translate(250,40)');
    expect(tally.writes).toBe(3);
  });

  it('moves a glyph through its one translation where the element has SVG’s transform list, asked for once', () => {
    const tally = { writes: 0 };
    const moved: number[][] = [];
    const translation = {
      type: 2,
      SVG_TRANSFORM_TRANSLATE: 2,
      setTranslate: (x: number, y: number) => moved.push([x, y]),
    };
    let asked = 0;
    const g = new Shape('g', tally);
    g.transform = {
      baseVal: {
        numberOfItems: 1,
        getItem: () => {
          asked++;
          return translation;
        },
      },
    };
    const group = new Shape('g', tally);
    group.children.push(g);
    for (const x of [200, 190]) {
      const mark = glyph(1, x, 1);
      placeGlyphs(group as unknown as Element, [{ face: mark, at: mark }]);
    }
    expect(moved).toEqual([
      [200, 40],
      [190, 40],
    ]);
    expect(g.getAttribute('transform')).toBeNull();
    // Each wrapper the list hands out is one more object for the garbage collector, on every step.
    expect(asked).toBe(1);
  });
});
