// Sizes every state of a chart from the leaves up: a leaf fits its name, a parallel state puts its regions side
// by side, and a compound state stacks its children in layers, with lanes at the sides for the long arrows.
import type { AnyStateNode } from 'xstate';
import { type ChartTransitions, groupNotes, isDirect, type MachineTransition } from './machineTransitions.ts';
import { CHART_FONT, CHART_SIZES as S, LABEL_LINE, NOTE_LINE, type StateKind } from './machineShapes.ts';
import { monoWidth } from './monoWidth.ts';
import { childToward, childrenOf, commonAncestor, idOf, lastKey } from './statePaths.ts';

/** PlacedChild is a child block at its offset inside its parent. */
export interface PlacedChild {
  readonly block: Block;
  readonly dx: number;
  readonly dy: number;
}

/** Note is a container's note entry before it has a place: the event, where it leads, and its wrapped text. */
export interface Note {
  readonly event: string;
  readonly targets: string[];
  readonly lines: string[];
}

/** Block is one state measured, with its children placed inside it relative to its own corner. */
export interface Block {
  readonly node: AnyStateNode;
  readonly id: string;
  readonly kind: StateKind;
  readonly initial: boolean;
  readonly width: number;
  readonly height: number;
  readonly children: readonly PlacedChild[];
  readonly leftLanes: readonly string[];
  readonly rightLanes: readonly string[];
  readonly notes: readonly Note[];
  readonly notesTop: number;
  /** layer of each child id, for telling direct arrows from long ones. */
  readonly layers: ReadonlyMap<string, number>;
  /** sides says which side's lanes the long arrows leaving each child take. */
  readonly sides: ReadonlyMap<string, 'left' | 'right'>;
}

type Common = Pick<Block, 'node' | 'id' | 'kind' | 'initial'>;

function kindOf(node: AnyStateNode, parent: AnyStateNode | null): StateKind {
  if (parent === null) return 'root';
  if (parent.type === 'parallel') return 'region';
  if (node.type === 'final') return 'final';
  if (node.type === 'parallel') return 'parallel';
  return node.type === 'compound' ? 'compound' : 'atomic';
}

/** measureBlock sizes a state and, first, every state inside it. */
export function measureBlock(node: AnyStateNode, parent: AnyStateNode | null, t: ChartTransitions): Block {
  const id = idOf(node);
  const initial =
    parent !== null && parent.type !== 'parallel' && parent.initial.target.some((s) => idOf(s) === id);
  const common: Common = { node, id, kind: kindOf(node, parent), initial };
  const kids = childrenOf(node);
  if (kids.length === 0) return leafBlock(common, t.selfLoops.has(id));
  const blocks = kids.map((kid) => measureBlock(kid, node, t));
  const headerWidth = monoWidth(node.key, CHART_FONT.container) + 2 * S.pad;
  if (node.type === 'parallel') return parallelBlock(common, blocks, headerWidth);
  return compoundBlock(common, blocks, headerWidth, t);
}

/** leafBlock fits a state's name, with room for a loop when it has a transition to itself. */
function leafBlock(common: Common, selfLoop: boolean): Block {
  const width =
    Math.max(S.minBoxWidth, monoWidth(common.node.key, CHART_FONT.state) + 2 * S.boxPadX) +
    (selfLoop ? S.selfLoop : 0);
  return {
    ...common,
    width,
    height: S.boxHeight,
    children: [],
    leftLanes: [],
    rightLanes: [],
    notes: [],
    notesTop: 0,
    layers: new Map(),
    sides: new Map(),
  };
}

/** parallelBlock stands the regions side by side: they run at once, with nothing between them in time. */
function parallelBlock(common: Common, blocks: readonly Block[], headerWidth: number): Block {
  let x = S.pad;
  const children = blocks.map((block) => {
    const placed = { block, dx: x, dy: S.header };
    x += block.width + S.columnGap;
    return placed;
  });
  const innerHeight = Math.max(...blocks.map((b) => b.height));
  return {
    ...common,
    width: Math.max(headerWidth, x - S.columnGap + S.pad),
    height: S.header + innerHeight + S.pad,
    children,
    leftLanes: [],
    rightLanes: [],
    notes: [],
    notesTop: 0,
    layers: new Map(blocks.map((b) => [b.id, 0])),
    sides: new Map(),
  };
}

/**
 * compoundBlock stacks a state's children in layers, each under the states that lead to it, with lanes at the
 * sides for the long arrows and the ways back, and its notes below.
 */
function compoundBlock(
  common: Common,
  blocks: readonly Block[],
  headerWidth: number,
  t: ChartTransitions,
): Block {
  const { id } = common;
  const index = new Map(blocks.map((b, i) => [b.id, i]));
  const levelEdges = t.drawn.filter((e) => commonAncestor(e.source, e.target) === id || e.target === id);
  const ownNotes = t.notes.filter((n) => n.source === id);
  const forward = forwardSteps(common.node, index, levelEdges, ownNotes);
  const layer = layersOf(blocks.length, forward);
  const { centre, rows } = placeInRows(blocks, layer, forward);
  const minX = Math.min(...blocks.map((b, i) => (centre.get(i) as number) - b.width / 2));
  const maxX = Math.max(...blocks.map((b, i) => (centre.get(i) as number) + b.width / 2));
  const sides = sidesOf(blocks, centre, minX, maxX);
  const { leftLanes, rightLanes } = sideLanes(id, levelEdges, index, layer, sides);
  const leftSpace = leftLanes.length === 0 ? 0 : leftLanes.length * S.laneGap + S.laneMargin;
  const rightSpace = rightLanes.length === 0 ? 0 : rightLanes.length * S.laneGap + S.laneMargin;
  const notes = noteEntries(ownNotes);
  const noteLines = notes.reduce((sum, n) => sum + n.lines.length, 0);
  const noteWidth =
    notes.length === 0
      ? 0
      : Math.max(...notes.flatMap((n) => n.lines.map((line) => monoWidth(line, CHART_FONT.note))));
  const rowsWidth = maxX - minX;
  const contentWidth = Math.max(leftSpace + rowsWidth + rightSpace, noteWidth);
  const width = Math.max(headerWidth, contentWidth + 2 * S.pad);
  const rowsLeft = S.pad + leftSpace + (width - 2 * S.pad - leftSpace - rightSpace - rowsWidth) / 2;
  const gaps = rowGaps(id, levelEdges, index, layer, rows.length);
  const { children, bottom } = stackRows(blocks, rows, centre, rowsLeft, minX, gaps);
  const notesTop = bottom + (notes.length > 0 ? 10 : 0);
  const height = notesTop + (notes.length > 0 ? (noteLines + 1) * NOTE_LINE : 0) + S.pad;
  return {
    ...common,
    width,
    height,
    children,
    leftLanes,
    rightLanes,
    notes,
    notesTop,
    layers: new Map(blocks.map((b, i) => [b.id, layer[i] as number])),
    sides,
  };
}

/**
 * forwardSteps lists the (from, to) child indexes of every way forward inside a container: authors declare
 * states in the usual order, so a transition to a later-declared state leads on, one to an earlier one leads
 * back. A note counts as a step from the initial child.
 */
function forwardSteps(
  node: AnyStateNode,
  index: ReadonlyMap<string, number>,
  levelEdges: readonly MachineTransition[],
  ownNotes: readonly MachineTransition[],
): [number, number][] {
  const id = idOf(node);
  const initialChild =
    node.initial.target[0] === undefined ? null : childToward(id, idOf(node.initial.target[0]));
  const forward: [number, number][] = [];
  for (const e of levelEdges) {
    const a = index.get(childToward(id, e.source) ?? '');
    const b = index.get(childToward(id, e.target) ?? '');
    if (a !== undefined && b !== undefined && a < b) forward.push([a, b]);
  }
  for (const n of ownNotes) {
    const a = index.get(initialChild ?? '');
    const b = index.get(childToward(id, n.target) ?? '');
    if (a !== undefined && b !== undefined && a < b) forward.push([a, b]);
  }
  return forward;
}

/** layersOf gives each child a layer: at least the one before it, and below every state that leads to it. */
function layersOf(count: number, forward: readonly [number, number][]): number[] {
  const layer: number[] = [];
  for (let i = 0; i < count; i++) {
    let l = i === 0 ? 0 : (layer[i - 1] as number);
    for (const [a, b] of forward) if (b === i) l = Math.max(l, (layer[a] as number) + 1);
    layer.push(l);
  }
  return layer;
}

/**
 * placeInRows centres each state under the states that lead to it (their mean centre), row by row. States that
 * lead on furthest are placed first, so the usual path runs straight down and side paths move aside.
 */
function placeInRows(
  blocks: readonly Block[],
  layer: readonly number[],
  forward: readonly [number, number][],
): { centre: Map<number, number>; rows: number[][] } {
  const reach: number[] = blocks.map(() => 0);
  for (let i = blocks.length - 1; i >= 0; i--) {
    for (const [a, b] of forward)
      if (a === i) reach[i] = Math.max(reach[i] as number, (reach[b] as number) + 1);
  }
  const centre = new Map<number, number>();
  const rows: number[][] = [];
  for (let l = 0; l <= Math.max(...layer); l++) {
    const members = blocks.map((_, i) => i).filter((i) => layer[i] === l);
    const wanted = (i: number) => {
      const preds = forward
        .filter(([a, b]) => b === i && centre.has(a))
        .map(([a]) => centre.get(a) as number);
      return preds.length === 0 ? 0 : preds.reduce((sum, v) => sum + v, 0) / preds.length;
    };
    const taken: [number, number][] = [];
    const order = [...members].sort((p, q) => (reach[q] as number) - (reach[p] as number) || p - q);
    for (const i of order) {
      const half = (blocks[i] as Block).width / 2;
      const fits = (c: number) =>
        taken.every(([x0, x1]) => c + half + S.columnGap <= x0 || c - half - S.columnGap >= x1);
      const want = wanted(i);
      const candidates = [
        want,
        ...taken.flatMap(([x0, x1]) => [x0 - S.columnGap - half, x1 + S.columnGap + half]),
      ];
      const best = candidates.filter(fits).sort((p, q) => Math.abs(p - want) - Math.abs(q - want))[0] ?? want;
      centre.set(i, best);
      taken.push([best - half, best + half]);
    }
    rows.push(members);
  }
  return { centre, rows };
}

/** sidesOf sends the long arrows leaving each child along the side it stands nearer to. */
function sidesOf(
  blocks: readonly Block[],
  centre: ReadonlyMap<number, number>,
  minX: number,
  maxX: number,
): Map<string, 'left' | 'right'> {
  const sides = new Map<string, 'left' | 'right'>();
  blocks.forEach((b, i) =>
    sides.set(b.id, (centre.get(i) as number) < (minX + maxX) / 2 - 1 ? 'left' : 'right'),
  );
  return sides;
}

/**
 * sideLanes gives each target of a long way forward or a way back a lane at the side nearer the state the
 * arrow leaves, so it does not cut through the states between.
 */
function sideLanes(
  id: string,
  levelEdges: readonly MachineTransition[],
  index: ReadonlyMap<string, number>,
  layer: readonly number[],
  sides: ReadonlyMap<string, 'left' | 'right'>,
): { leftLanes: string[]; rightLanes: string[] } {
  const leftLanes: string[] = [];
  const rightLanes: string[] = [];
  for (const e of levelEdges) {
    if (e.source === e.target) continue;
    const from = childToward(id, e.source) ?? '';
    const a = index.get(from);
    const b = index.get(childToward(id, e.target) ?? '');
    if (a === undefined) continue;
    const diff = b === undefined ? -1 : (layer[b] as number) - (layer[a] as number);
    if (isDirect(id, e, diff)) continue;
    const lanes = sides.get(from) === 'left' ? leftLanes : rightLanes;
    if (!lanes.includes(e.target)) lanes.push(e.target);
  }
  return { leftLanes, rightLanes };
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `   ${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** noteEntries writes a container's notes as wrapped lines, `event → target | target`. */
function noteEntries(ownNotes: readonly MachineTransition[]): Note[] {
  return groupNotes(ownNotes).map(({ event, targets }) => ({
    event,
    targets,
    lines: wrap(`${event} → ${targets.map(lastKey).join(' | ')}`, S.noteWrap),
  }));
}

/**
 * stackRows puts the rows under the header from `rowsLeft` (where the leftmost state, at `minX`, begins), each
 * child centred in its row's height; `bottom` is where the last row ends.
 */
function stackRows(
  blocks: readonly Block[],
  rows: readonly number[][],
  centre: ReadonlyMap<number, number>,
  rowsLeft: number,
  minX: number,
  gaps: readonly number[],
): { children: PlacedChild[]; bottom: number } {
  const children: PlacedChild[] = [];
  let y = S.header;
  rows.forEach((row, r) => {
    const rowHeight = Math.max(...row.map((i) => (blocks[i] as Block).height));
    for (const i of row) {
      const block = blocks[i] as Block;
      const cx = rowsLeft + (centre.get(i) as number) - minX;
      children.push({ block, dx: cx - block.width / 2, dy: y + (rowHeight - block.height) / 2 });
    }
    y += rowHeight + (r < rows.length - 1 ? (gaps[r] ?? S.layerGap) : 0);
  });
  return { children, bottom: y };
}

/**
 * rowGaps is the room under each row: the usual gap, or more where the straight arrows down to the next row carry
 * labels of several lines (one a transition), so their labels fit between the rows instead of over the states.
 */
function rowGaps(
  id: string,
  edges: readonly MachineTransition[],
  index: ReadonlyMap<string, number>,
  layer: readonly number[],
  rowCount: number,
): number[] {
  const events = new Map<string, Set<string>>();
  const below = new Map<string, number>();
  for (const e of edges) {
    const a = index.get(childToward(id, e.source) ?? '');
    const b = index.get(childToward(id, e.target) ?? '');
    if (a === undefined || b === undefined) continue;
    const from = layer[a] as number;
    if (!isDirect(id, e, (layer[b] as number) - from)) continue;
    const key = `${e.source}>${e.target}`;
    events.set(key, (events.get(key) ?? new Set()).add(e.event));
    below.set(key, from);
  }
  // The labels of a gap's arrows may have to stand one above another.
  const lines = Array.from({ length: rowCount }, () => 0);
  for (const [key, row] of below) lines[row] = (lines[row] ?? 0) + (events.get(key)?.size ?? 1);
  return lines.map((n) => Math.max(S.layerGap, n * (LABEL_LINE + 2) + 2 * S.corridor));
}

/** PlacedBlock is a block at its place in the whole chart, `depth` levels below the root. */
export interface PlacedBlock {
  readonly block: Block;
  readonly x: number;
  readonly y: number;
  readonly depth: number;
}

/** placeBlocks lists every block of the tree at its place in the chart, parents before their children. */
export function placeBlocks(root: Block): PlacedBlock[] {
  const out: PlacedBlock[] = [];
  const place = (block: Block, x: number, y: number, depth: number) => {
    out.push({ block, x, y, depth });
    for (const child of block.children) place(child.block, x + child.dx, y + child.dy, depth + 1);
  };
  place(root, 0, 0, 0);
  return out;
}
