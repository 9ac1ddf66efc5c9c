// Reading a chart at the cursor: which states a state value (as the trace writes it) makes active, and which
// arrows or notes explain the last step from one value to the next.
import { round1 } from './arrowShapes.ts';
import type { MachineLayout } from './machineShapes.ts';
import { commonAncestor, isAncestor } from './statePaths.ts';

const round = round1;

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
