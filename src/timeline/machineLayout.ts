// Lays out an XState machine as a state chart — boxes for states, nested inside their parents with parallel
// regions side by side, and labelled arrows for transitions — read from the machine object so the picture is the code.
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { avoidOverlaps, type Box } from './avoidOverlaps.ts';
import { monoWidth } from './monoWidth.ts';

/** StateKind says how a box is drawn: a leaf, a box of boxes, a parallel state, one of its regions, final, the chart. */
export type StateKind = 'atomic' | 'compound' | 'parallel' | 'region' | 'final' | 'root';

/** StateBox is one state's rectangle; `id` is its dotted path from the root ('session.protocol.ready'), '' for the root. */
export interface StateBox {
  readonly id: string;
  readonly key: string;
  readonly kind: StateKind;
  readonly depth: number;
  /** initial is true for the state its parent enters first (drawn with the initial dot). */
  readonly initial: boolean;
  readonly tags: readonly string[];
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * EdgeRoute says how an arrow runs: `direct` between neighbouring layers, `down` along a lane on the left for a
 * longer way forward, `up` along a lane on the right for a way back, `self` as a loop beside its box.
 */
export type EdgeRoute = 'direct' | 'down' | 'up' | 'self';

/** TransitionEdge is every transition from one box to another, merged into one arrow with its events listed. */
export interface TransitionEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** events label each transition: the event type, `after <delay>` for a timer, and `[guard]` when guarded. */
  readonly events: readonly string[];
  readonly route: EdgeRoute;
  /** path is SVG path data ending on the target's border, where an arrowhead goes. */
  readonly path: string;
  readonly labelX: number;
  readonly labelY: number;
  readonly labelAnchor: 'start' | 'middle' | 'end';
}

/** NoteEntry is one transition a state takes from any state inside it, written as text rather than an arrow. */
export interface NoteEntry {
  readonly event: string;
  readonly targets: readonly string[];
  readonly lines: readonly string[];
  /** y is the baseline of the entry's first line. */
  readonly y: number;
}

/** NoteBlock holds a container's "from any state inside" transitions, below its children. */
export interface NoteBlock {
  readonly container: string;
  readonly x: number;
  /** y is the baseline of the caption line the component writes above the entries. */
  readonly y: number;
  readonly entries: readonly NoteEntry[];
}

/** MachineLayout is a whole chart in its own coordinates, from (0, 0) to (width, height). */
export interface MachineLayout {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly StateBox[];
  readonly edges: readonly TransitionEdge[];
  readonly notes: readonly NoteBlock[];
}

/** CHART_FONT holds the font sizes the layout measured with; the component must draw with the same. */
export const CHART_FONT = { state: 12, container: 11, label: 10, note: 10 } as const;

/** NOTE_LINE is the distance between the lines of a note block, in px. */
export const NOTE_LINE = 13;

/** LABEL_LINE is the distance between the lines of an arrow's label (one event a line), in px. */
export const LABEL_LINE = 11;

const BOX_HEIGHT = 28;
const BOX_PAD_X = 16;
const MIN_BOX_WIDTH = 70;
const PAD = 14;
const HEADER = 34;
const LAYER_GAP = 40;
const COLUMN_GAP = 22;
const LANE_GAP = 9;
const LANE_MARGIN = 14;
const SELF_LOOP = 24;
const ARROW_TAIL = 9;
const CORRIDOR = 13;
const NOTE_WRAP = 44;

/** MachineTransition is one transition that changes state: its source and target ids and its event label. */
export interface MachineTransition {
  readonly source: string;
  readonly target: string;
  readonly event: string;
}

interface Block {
  readonly node: AnyStateNode;
  readonly id: string;
  readonly kind: StateKind;
  readonly initial: boolean;
  readonly width: number;
  readonly height: number;
  /** children with their offsets inside this block. */
  readonly children: readonly { readonly block: Block; readonly dx: number; readonly dy: number }[];
  readonly leftLanes: readonly string[];
  readonly rightLanes: readonly string[];
  readonly notes: readonly { event: string; targets: string[]; lines: string[] }[];
  readonly notesTop: number;
  /** layer of each child id, for telling direct arrows from long ones. */
  readonly layers: ReadonlyMap<string, number>;
  /** sides says which side's lanes the long arrows leaving each child take. */
  readonly sides: ReadonlyMap<string, 'left' | 'right'>;
}

function idOf(node: AnyStateNode): string {
  return node.path.join('.');
}

function childrenOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states) as AnyStateNode[];
}

function isAncestor(ancestor: string, id: string): boolean {
  return ancestor === '' ? id !== '' : id.startsWith(ancestor + '.');
}

// The child of `container` on the way down to `id` (itself included), or null when `id` is not inside it.
function childToward(container: string, id: string): string | null {
  if (!isAncestor(container, id)) return null;
  const rest = container === '' ? id : id.slice(container.length + 1);
  const head = rest.split('.')[0] ?? rest;
  return container === '' ? head : `${container}.${head}`;
}

function commonAncestor(a: string, b: string): string {
  const pa = a === '' ? [] : a.split('.');
  const pb = b === '' ? [] : b.split('.');
  const common: string[] = [];
  for (let i = 0; i < Math.min(pa.length, pb.length) && pa[i] === pb[i]; i++) common.push(pa[i] as string);
  return common.join('.');
}

function guardName(guard: unknown): string | null {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard && typeof guard.type === 'string')
    return guard.type;
  return null;
}

// A timer's transition is keyed `xstate.after.<delay>.<state id>`; students read `after <delay>`.
function eventLabel(node: AnyStateNode, eventType: string, guard: unknown): string {
  const delayed = node.after.find((after) => after.eventType === eventType);
  const name =
    delayed === undefined
      ? eventType
      : `after ${typeof delayed.delay === 'number' ? `${delayed.delay} ms` : String(delayed.delay)}`;
  const guardText = guardName(guard);
  return guardText === null ? name : `${name} [${guardText}]`;
}

/** machineTransitions lists every transition of a machine that changes state, in the order the chart declares them. */
export function machineTransitions(machine: AnyStateMachine): MachineTransition[] {
  const out: MachineTransition[] = [];
  const visit = (node: AnyStateNode) => {
    for (const [eventType, definitions] of node.transitions) {
      for (const definition of definitions) {
        for (const target of definition.target ?? []) {
          out.push({
            source: idOf(node),
            target: idOf(target),
            event: eventLabel(node, eventType, definition.guard),
          });
        }
      }
    }
    childrenOf(node).forEach(visit);
  };
  visit(machine.root);
  return out;
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

function lastKey(id: string): string {
  return id.split('.').at(-1) ?? id;
}

function kindOf(node: AnyStateNode, parent: AnyStateNode | null): StateKind {
  if (parent === null) return 'root';
  if (parent.type === 'parallel') return 'region';
  if (node.type === 'final') return 'final';
  if (node.type === 'parallel') return 'parallel';
  return node.type === 'compound' ? 'compound' : 'atomic';
}

function measure(
  node: AnyStateNode,
  parent: AnyStateNode | null,
  edges: readonly MachineTransition[],
  notes: readonly MachineTransition[],
  selfLoops: ReadonlySet<string>,
): Block {
  const id = idOf(node);
  const kind = kindOf(node, parent);
  const initial =
    parent !== null && parent.type !== 'parallel' && parent.initial.target.some((t) => idOf(t) === id);
  const kids = childrenOf(node);
  const common = { node, id, kind, initial };
  if (kids.length === 0) {
    const width =
      Math.max(MIN_BOX_WIDTH, monoWidth(node.key, CHART_FONT.state) + 2 * BOX_PAD_X) +
      (selfLoops.has(id) ? SELF_LOOP : 0);
    return {
      ...common,
      width,
      height: BOX_HEIGHT,
      children: [],
      leftLanes: [],
      rightLanes: [],
      notes: [],
      notesTop: 0,
      layers: new Map(),
      sides: new Map(),
    };
  }
  const blocks = kids.map((kid) => measure(kid, node, edges, notes, selfLoops));
  const headerWidth = monoWidth(node.key, CHART_FONT.container) + 2 * PAD;

  if (node.type === 'parallel') {
    // Regions run at once, so they stand side by side with nothing between them in time.
    let x = PAD;
    const children = blocks.map((block) => {
      const placed = { block, dx: x, dy: HEADER };
      x += block.width + COLUMN_GAP;
      return placed;
    });
    const innerHeight = Math.max(...blocks.map((b) => b.height));
    return {
      ...common,
      width: Math.max(headerWidth, x - COLUMN_GAP + PAD),
      height: HEADER + innerHeight + PAD,
      children,
      leftLanes: [],
      rightLanes: [],
      notes: [],
      notesTop: 0,
      layers: new Map(blocks.map((b) => [b.id, 0])),
      sides: new Map(),
    };
  }

  // Layers follow the order the chart declares its states (authors write the usual path first), pushed down by
  // each transition to a later-declared state; transitions to an earlier one are the ways back.
  const index = new Map(blocks.map((b, i) => [b.id, i]));
  const initialChild =
    node.initial.target[0] === undefined ? null : childToward(id, idOf(node.initial.target[0]));
  const forward: [number, number][] = [];
  const levelEdges = edges.filter((e) => commonAncestor(e.source, e.target) === id || e.target === id);
  for (const e of levelEdges) {
    const a = index.get(childToward(id, e.source) ?? '');
    const b = index.get(childToward(id, e.target) ?? '');
    if (a !== undefined && b !== undefined && a < b) forward.push([a, b]);
  }
  const ownNotes = notes.filter((n) => n.source === id);
  for (const n of ownNotes) {
    const a = index.get(initialChild ?? '');
    const b = index.get(childToward(id, n.target) ?? '');
    if (a !== undefined && b !== undefined && a < b) forward.push([a, b]);
  }
  const layer: number[] = [];
  blocks.forEach((_, i) => {
    let l = i === 0 ? 0 : (layer[i - 1] as number);
    for (const [a, b] of forward) if (b === i) l = Math.max(l, (layer[a] as number) + 1);
    layer.push(l);
  });

  // A state sits under the states that lead to it (their mean centre). States that lead on furthest are placed
  // first, so the usual path runs straight down and side paths move aside.
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
        taken.every(([x0, x1]) => c + half + COLUMN_GAP <= x0 || c - half - COLUMN_GAP >= x1);
      const want = wanted(i);
      const candidates = [
        want,
        ...taken.flatMap(([x0, x1]) => [x0 - COLUMN_GAP - half, x1 + COLUMN_GAP + half]),
      ];
      const best = candidates.filter(fits).sort((p, q) => Math.abs(p - want) - Math.abs(q - want))[0] ?? want;
      centre.set(i, best);
      taken.push([best - half, best + half]);
    }
    rows.push(members);
  }
  const minX = Math.min(...blocks.map((b, i) => (centre.get(i) as number) - b.width / 2));
  const maxX = Math.max(...blocks.map((b, i) => (centre.get(i) as number) + b.width / 2));
  const rowsWidth = maxX - minX;

  // Long ways forward and ways back run along lanes at the sides, one lane per target, on the side nearer the
  // state they leave, so they do not cut through the states between.
  const sides = new Map<string, 'left' | 'right'>();
  blocks.forEach((b, i) =>
    sides.set(b.id, (centre.get(i) as number) < (minX + maxX) / 2 - 1 ? 'left' : 'right'),
  );
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
  const leftSpace = leftLanes.length === 0 ? 0 : leftLanes.length * LANE_GAP + LANE_MARGIN;
  const rightSpace = rightLanes.length === 0 ? 0 : rightLanes.length * LANE_GAP + LANE_MARGIN;

  const noteEntries = groupNotes(ownNotes).map(({ event, targets }) => ({
    event,
    targets,
    lines: wrap(`${event} → ${targets.map(lastKey).join(' | ')}`, NOTE_WRAP),
  }));
  const noteLines = noteEntries.reduce((s, n) => s + n.lines.length, 0);
  const noteWidth =
    noteEntries.length === 0
      ? 0
      : Math.max(...noteEntries.flatMap((n) => n.lines.map((line) => monoWidth(line, CHART_FONT.note))));
  const contentWidth = Math.max(leftSpace + rowsWidth + rightSpace, noteWidth);
  const width = Math.max(headerWidth, contentWidth + 2 * PAD);
  const rowsLeft = PAD + leftSpace + (width - 2 * PAD - leftSpace - rightSpace - rowsWidth) / 2;

  const children: { block: Block; dx: number; dy: number }[] = [];
  let y = HEADER;
  for (const row of rows) {
    const rowHeight = Math.max(...row.map((i) => (blocks[i] as Block).height));
    for (const i of row) {
      const block = blocks[i] as Block;
      const cx = rowsLeft + (centre.get(i) as number) - minX;
      children.push({ block, dx: cx - block.width / 2, dy: y + (rowHeight - block.height) / 2 });
    }
    y += rowHeight + LAYER_GAP;
  }
  y -= LAYER_GAP;
  const notesTop = y + (noteEntries.length > 0 ? 10 : 0);
  const height = notesTop + (noteEntries.length > 0 ? (noteLines + 1) * NOTE_LINE : 0) + PAD;
  return {
    ...common,
    width,
    height,
    children,
    leftLanes,
    rightLanes,
    notes: noteEntries,
    notesTop,
    layers: new Map(blocks.map((b, i) => [b.id, layer[i] as number])),
    sides,
  };
}

function groupNotes(notes: readonly MachineTransition[]): { event: string; targets: string[] }[] {
  const groups: { event: string; targets: string[] }[] = [];
  for (const n of notes) {
    const event = n.event.replace(/ \[.*\]$/, '');
    const group = groups.find((g) => g.event === event);
    if (group === undefined) groups.push({ event, targets: [n.target] });
    else if (!group.targets.includes(n.target)) group.targets.push(n.target);
  }
  return groups;
}

// Below its container, how deep a state sits: 1 for a child, 2 for a grandchild.
function depthBelow(container: string, id: string): number {
  return id.split('.').length - (container === '' ? 0 : container.split('.').length);
}

// A straight arrow runs only between neighbouring layers and from or to states near the surface; an arrow from
// deep inside a box would cut through its siblings, so it takes a lane instead.
function isDirect(lca: string, e: { source: string; target: string }, layerDiff: number): boolean {
  return layerDiff === 1 && depthBelow(lca, e.source) <= 2 && depthBelow(lca, e.target) <= 2;
}

// Transitions from one state into several states of one container become one arrow to the container, its
// events listed: a fan of arrows into the same box says no more and crowds the labels.
function intoContainers(drawn: readonly MachineTransition[]): MachineTransition[] {
  const boxOf = (t: MachineTransition) => childToward(commonAncestor(t.source, t.target), t.target);
  return drawn.map((t) => {
    const box = boxOf(t);
    if (box === null || box === t.target) return t;
    const fan = drawn.filter((o) => o.source === t.source && boxOf(o) === box);
    return new Set(fan.map((o) => o.target)).size > 1 ? { ...t, target: box } : t;
  });
}

interface Placed {
  readonly block: Block;
  readonly x: number;
  readonly y: number;
  readonly depth: number;
}

function place(block: Block, x: number, y: number, depth: number, out: Placed[]): void {
  out.push({ block, x, y, depth });
  for (const child of block.children) place(child.block, x + child.dx, y + child.dy, depth + 1, out);
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * layoutMachine lays out a machine's chart. Transitions that a state takes from any state inside it (XState's
 * `on` of a compound state, or of the machine) become note lines under that state instead of arrows.
 */
export function layoutMachine(machine: AnyStateMachine): MachineLayout {
  const all = machineTransitions(machine);
  const notes = all.filter((t) => isAncestor(t.source, t.target));
  const selfLoops = new Set(all.filter((t) => t.source === t.target).map((t) => t.source));
  const drawn = intoContainers(all.filter((t) => !isAncestor(t.source, t.target)));
  const rootBlock = measure(machine.root, null, drawn, notes, selfLoops);
  const placed: Placed[] = [];
  place(rootBlock, 0, 0, 0, placed);
  const byId = new Map(placed.map((p) => [p.block.id, p]));

  const boxes: StateBox[] = placed.map(({ block, x, y, depth }) => ({
    id: block.id,
    key: block.id === '' ? machine.id : block.node.key,
    kind: block.kind,
    depth,
    initial: block.initial,
    tags: [...block.node.tags],
    x: round(x),
    y: round(y),
    width: round(block.width),
    height: round(block.height),
  }));

  // Merge the transitions between the same two boxes into one arrow.
  const merged: { source: string; target: string; events: string[] }[] = [];
  for (const t of drawn) {
    const found = merged.find((m) => m.source === t.source && m.target === t.target);
    if (found === undefined) merged.push({ source: t.source, target: t.target, events: [t.event] });
    else if (!found.events.includes(t.event)) found.events.push(t.event);
  }

  const routeOf = (m: { source: string; target: string }): EdgeRoute => {
    if (m.source === m.target) return 'self';
    const lca = commonAncestor(m.source, m.target);
    const container = byId.get(lca)?.block;
    const a = childToward(lca, m.source);
    const b = childToward(lca, m.target);
    const la = a === null ? undefined : container?.layers.get(a);
    const lb = b === null ? undefined : container?.layers.get(b);
    if (la === undefined || lb === undefined) return 'up';
    if (isDirect(lca, m, lb - la)) return 'direct';
    return lb - la >= 1 ? 'down' : 'up';
  };
  const routed = merged.map((m) => ({ ...m, route: routeOf(m) }));

  // Direct arrows leave a box's bottom and enter its top at spread-out ports, ordered by where they go.
  const ports = (side: 'out' | 'in', id: string): string[] => {
    const mine = routed.filter((m) => m.route === 'direct' && (side === 'out' ? m.source : m.target) === id);
    const otherX = (m: { source: string; target: string }) => {
      const other = byId.get(side === 'out' ? m.target : m.source);
      return other === undefined ? 0 : other.x + other.block.width / 2;
    };
    return mine.sort((p, q) => otherX(p) - otherX(q)).map((m) => `${m.source}>${m.target}`);
  };
  const portX = (p: Placed, list: string[], key: string) => {
    const i = list.indexOf(key);
    return p.x + (p.block.width * (i + 1)) / (list.length + 1);
  };

  const routedEdges = routed.flatMap((m): TransitionEdge[] => {
    const s = byId.get(m.source);
    const t = byId.get(m.target);
    if (s === undefined || t === undefined) return [];
    const key = `${m.source}>${m.target}`;
    const sw = s.block.width;
    const tw = t.block.width;
    const sh = s.block.height;
    const th = t.block.height;
    const base = { id: key, source: m.source, target: m.target, events: m.events, route: m.route };
    if (m.route === 'self') {
      const rx = s.x + sw - SELF_LOOP / 2;
      const cy = s.y + sh / 2;
      return [
        {
          ...base,
          path: `M${round(rx)},${round(cy - 7)}C${round(rx + 26)},${round(cy - 20)} ${round(rx + 26)},${round(cy + 20)} ${round(rx + 1)},${round(cy + 7)}`,
          labelX: round(rx + 24),
          labelY: round(cy - 16),
          labelAnchor: 'start',
        },
      ];
    }
    if (m.route === 'direct') {
      const sx = portX(s, ports('out', m.source), key);
      const sy = s.y + sh;
      const tx = portX(t, ports('in', m.target), key);
      const ty = t.y;
      const dy = Math.max(12, (ty - sy) / 2);
      return [
        {
          ...base,
          path: `M${round(sx)},${round(sy)}C${round(sx)},${round(sy + dy)} ${round(tx)},${round(ty - dy)} ${round(tx)},${round(ty)}`,
          labelX: round((sx + tx) / 2),
          labelY: round((sy + ty) / 2 + 3),
          labelAnchor: 'middle',
        },
      ];
    }
    const lcaId = commonAncestor(m.source, m.target);
    const lca = byId.get(lcaId);
    if (lca === undefined) return [];
    const sy = s.y + Math.min(sh / 2, BOX_HEIGHT / 2);
    const ty = t.y + Math.min(th / 2, BOX_HEIGHT / 2);
    const side = lca.block.sides.get(childToward(lcaId, m.source) ?? '') ?? 'right';
    const left = side === 'left';
    const lanes = left ? lca.block.leftLanes : lca.block.rightLanes;
    const lane = Math.max(0, lanes.indexOf(m.target));
    const lx = left
      ? lca.x + PAD + lane * LANE_GAP + LANE_GAP / 2
      : lca.x + lca.block.width - PAD - lane * LANE_GAP - LANE_GAP / 2;
    // Leave by the side facing the lane and step into the gap between rows before turning towards the lane, and
    // arrive the same way, so no arrow runs through a neighbouring state on the way.
    const out = left ? -ARROW_TAIL : ARROW_TAIL;
    const sx = left ? s.x : s.x + sw;
    const tx = left ? t.x : t.x + tw;
    const leaveY = m.route === 'down' ? s.y + sh + CORRIDOR : s.y - CORRIDOR;
    const arriveY = t.y - CORRIDOR;
    const path = [
      `M${round(sx)},${round(sy)}`,
      `H${round(sx + out)}V${round(leaveY)}H${round(lx)}V${round(arriveY)}`,
      `H${round(tx + out)}V${round(ty)}H${round(tx)}`,
    ].join('');
    return [
      {
        ...base,
        path,
        labelX: round(left ? lx + 4 : lx - 4),
        labelY: round((leaveY + arriveY) / 2),
        labelAnchor: left ? 'start' : 'end',
      },
    ];
  });

  // Straight arrows keep their labels in view; where two labels would meet, the later one moves down.
  const labelBox = (e: TransitionEdge): Box => {
    const width = Math.max(...e.events.map((event) => monoWidth(event, CHART_FONT.label)));
    const top = e.labelY - ((e.events.length - 1) * LABEL_LINE) / 2 - 9;
    return {
      x0: e.labelX - width / 2,
      x1: e.labelX + width / 2,
      y0: top,
      y1: top + e.events.length * LABEL_LINE,
    };
  };
  const direct = routedEdges.filter((e) => e.route === 'direct');
  const shifts = avoidOverlaps(direct.map(labelBox), 2);
  const edges = routedEdges.map((e) => {
    const shift = shifts[direct.indexOf(e)] ?? 0;
    return shift === 0 ? e : { ...e, labelY: round(e.labelY + shift) };
  });

  const noteBlocks: NoteBlock[] = placed
    .filter((p) => p.block.notes.length > 0)
    .map((p) => {
      let y = p.y + p.block.notesTop + NOTE_LINE;
      const entries = p.block.notes.map((n) => {
        const entry = { event: n.event, targets: n.targets, lines: n.lines, y: round(y + NOTE_LINE) };
        y += n.lines.length * NOTE_LINE;
        return entry;
      });
      return {
        container: p.block.id,
        x: round(p.x + PAD),
        y: round(p.y + p.block.notesTop + NOTE_LINE),
        entries,
      };
    });

  return {
    id: machine.id,
    width: round(rootBlock.width),
    height: round(rootBlock.height),
    boxes,
    edges,
    notes: noteBlocks,
  };
}

/**
 * activeStates reads a state value as the trace writes it (`stateName`: dotted paths, parallel regions joined
 * by ',', as in 'session.protocol.ready,idleTimer.running') into the ids of the active leaf states.
 */
export function activeStates(layout: MachineLayout, value: string): string[] {
  const kinds = new Map(layout.boxes.map((b) => [b.id, b.kind]));
  const childId = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`);
  const read = (parent: string, text: string): string[] => {
    const dot = text.indexOf('.');
    const key = dot === -1 ? text : text.slice(0, dot);
    const id = childId(parent, key);
    const kind = kinds.get(id);
    if (kind === undefined) return [];
    if (dot === -1) return [id];
    const rest = text.slice(dot + 1);
    if (kind !== 'parallel') return read(id, rest);
    // Each region's part starts with the region's key; a comma inside a nested parallel state continues it.
    const groups: string[] = [];
    for (const part of rest.split(',')) {
      const head = part.split('.')[0] ?? part;
      if (groups.length === 0 || kinds.get(childId(id, head)) === 'region') groups.push(part);
      else groups[groups.length - 1] += `,${part}`;
    }
    return groups.flatMap((group) => read(id, group));
  };
  return read('', value);
}

/** withAncestors adds every enclosing state of the given ids (the root excluded), for lighting whole paths. */
export function withAncestors(ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    const parts = id.split('.');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return out;
}

/**
 * LastStep is what one `session.state` change did: the arrows that explain it, the note entries that explain
 * it (a transition from any state inside a container), and the (from, to) pairs no arrow explains, which the
 * chart draws as a dashed step arrow.
 */
export interface LastStep {
  readonly exited: readonly string[];
  readonly entered: readonly string[];
  readonly edges: readonly string[];
  readonly notes: readonly { readonly container: string; readonly event: string }[];
  readonly unexplained: readonly { readonly source: string; readonly target: string }[];
}

/** lastStep finds how the chart went from one state value to the next (both as the trace writes them). */
export function lastStep(layout: MachineLayout, from: string, to: string): LastStep {
  const before = activeStates(layout, from);
  const after = activeStates(layout, to);
  const exited = before.filter((id) => !after.includes(id));
  const entered = after.filter((id) => !before.includes(id));
  const covers = (ancestor: string, id: string) => ancestor === id || isAncestor(ancestor, id);
  const edges = new Set<string>();
  const notes: { container: string; event: string }[] = [];
  const unexplained: { source: string; target: string }[] = [];
  for (const target of entered) {
    const fromHere = exited.length > 0 ? exited : before;
    const edge = layout.edges.find(
      (e) =>
        fromHere.some((s) => covers(e.source, s)) && covers(e.target, target) && !before.includes(e.target),
    );
    if (edge !== undefined) {
      edges.add(edge.id);
      continue;
    }
    const source = fromHere.find((s) => commonAncestor(s, target) !== '') ?? fromHere[0];
    for (const block of layout.notes) {
      if (source === undefined || !covers(block.container, source)) continue;
      for (const entry of block.entries) {
        if (entry.targets.some((t) => covers(t, target)) && !notes.some((n) => n.event === entry.event))
          notes.push({ container: block.container, event: entry.event });
      }
    }
    if (source !== undefined && !unexplained.some((u) => u.source === source && u.target === target))
      unexplained.push({ source, target });
  }
  return { exited, entered, edges: [...edges], notes, unexplained };
}

/** stepPath is the dashed arrow from one box to another that the chart draws for a step no arrow explains. */
export function stepPath(layout: MachineLayout, source: string, target: string): string | null {
  const s = layout.boxes.find((b) => b.id === source);
  const t = layout.boxes.find((b) => b.id === target);
  if (s === undefined || t === undefined) return null;
  const sx = s.x + s.width / 2;
  const tx = t.x + t.width / 2;
  if (t.y >= s.y + s.height) {
    const dy = (t.y - s.y - s.height) / 2;
    return `M${round(sx)},${round(s.y + s.height)}C${round(sx)},${round(s.y + s.height + dy)} ${round(tx)},${round(t.y - dy)} ${round(tx)},${round(t.y)}`;
  }
  // Upwards or sideways: leave and arrive on the right, bowing out so the arrow clears both boxes.
  const x0 = s.x + s.width;
  const x1 = t.x + t.width;
  const y0 = s.y + s.height / 2;
  const y1 = t.y + t.height / 2;
  const bow = Math.max(x0, x1) + 30;
  return `M${round(x0)},${round(y0)}C${round(bow)},${round(y0)} ${round(bow)},${round(y1)} ${round(x1)},${round(y1)}`;
}
