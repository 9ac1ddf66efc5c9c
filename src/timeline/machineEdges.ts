// The arrows of a state chart: transitions between the same two boxes merged, each given a route (straight
// between neighbouring layers, along a side lane, or a loop) and drawn as a path, sampled for placeEdgeLabels.
import { round1 } from './arrowShapes.ts';
import type { PlacedBlock } from './measureBlock.ts';
import { CHART_SIZES as S, type EdgeRoute } from './machineShapes.ts';
import { isDirect, type MachineTransition } from './machineTransitions.ts';
import type { PathEdge, Point } from './placeEdgeLabels.ts';
import { childToward, commonAncestor } from './statePaths.ts';

const round = round1;

/** Merged is every transition between the same two boxes, as one arrow with its events. */
interface Merged {
  readonly source: string;
  readonly target: string;
  readonly events: string[];
}

type Routed = Merged & { readonly route: EdgeRoute };

/**
 * chartEdges draws the drawn transitions between the placed boxes, as arrows with their labels' preferred places;
 * placeEdgeLabels then moves the labels clear of the states and of each other.
 */
export function chartEdges(
  drawn: readonly MachineTransition[],
  byId: ReadonlyMap<string, PlacedBlock>,
): PathEdge[] {
  const routed = mergeTransitions(drawn).map((m) => ({ ...m, route: routeOf(m, byId) }));
  return routed.flatMap((m) => edgePath(m, routed, byId));
}

/** mergeTransitions merges the transitions between the same two boxes into one arrow, in first-seen order. */
function mergeTransitions(drawn: readonly MachineTransition[]): Merged[] {
  const merged: { source: string; target: string; events: string[] }[] = [];
  for (const t of drawn) {
    const found = merged.find((m) => m.source === t.source && m.target === t.target);
    if (found === undefined) merged.push({ source: t.source, target: t.target, events: [t.event] });
    else if (!found.events.includes(t.event)) found.events.push(t.event);
  }
  return merged;
}

/** routeOf picks an arrow's route from the layers its ends sit in, inside the container they share. */
function routeOf(m: Merged, byId: ReadonlyMap<string, PlacedBlock>): EdgeRoute {
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
}

/** ports lists the direct arrows leaving (or entering) a box, ordered by where their other end stands. */
function ports(
  routed: readonly Routed[],
  byId: ReadonlyMap<string, PlacedBlock>,
  side: 'out' | 'in',
  id: string,
): string[] {
  const mine = routed.filter((m) => m.route === 'direct' && (side === 'out' ? m.source : m.target) === id);
  const otherX = (m: { source: string; target: string }) => {
    const other = byId.get(side === 'out' ? m.target : m.source);
    return other === undefined ? 0 : other.x + other.block.width / 2;
  };
  return mine.sort((p, q) => otherX(p) - otherX(q)).map((m) => `${m.source}>${m.target}`);
}

/** portX spreads a box's ports evenly along its width. */
function portX(p: PlacedBlock, list: readonly string[], key: string): number {
  const i = list.indexOf(key);
  return p.x + (p.block.width * (i + 1)) / (list.length + 1);
}

/**
 * edgePath draws one arrow by its route: a loop beside its box, a curve from a box's bottom to the next layer's
 * top at spread-out ports, or a path along a side lane; nothing when an end has no box.
 */
function edgePath(m: Routed, routed: readonly Routed[], byId: ReadonlyMap<string, PlacedBlock>): PathEdge[] {
  const s = byId.get(m.source);
  const t = byId.get(m.target);
  if (s === undefined || t === undefined) return [];
  const key = `${m.source}>${m.target}`;
  const base = { id: key, source: m.source, target: m.target, events: m.events, route: m.route };
  if (m.route === 'self') return [{ ...base, ...selfLoop(s) }];
  if (m.route === 'direct') {
    const sx = portX(s, ports(routed, byId, 'out', m.source), key);
    const tx = portX(t, ports(routed, byId, 'in', m.target), key);
    return [{ ...base, ...directCurve(s, sx, t, tx) }];
  }
  const lcaId = commonAncestor(m.source, m.target);
  const lca = byId.get(lcaId);
  if (lca === undefined) return [];
  return [{ ...base, ...lanePath(m, s, t, lca, lcaId) }];
}

type Drawn = Pick<PathEdge, 'path' | 'labelX' | 'labelY' | 'labelAnchor' | 'along'>;

// Points along a cubic Bézier curve from p0 to p3, its ends left out (the arrowhead and the box's border).
function curvePoints(p0: Point, p1: Point, p2: Point, p3: Point): Point[] {
  const points: Point[] = [];
  for (let i = 2; i <= 38; i += 1) {
    const t = i / 40;
    const u = 1 - t;
    const at = (a: number, b: number, c: number, d: number) =>
      u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
    points.push({ x: at(p0.x, p1.x, p2.x, p3.x), y: at(p0.y, p1.y, p2.y, p3.y) });
  }
  return points;
}

// Points every few px along straight segments through `corners`.
function segmentPoints(corners: readonly Point[]): Point[] {
  const points: Point[] = [];
  corners.forEach((b, i) => {
    const a = corners[i - 1];
    if (a === undefined) return;
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 4));
    for (let k = i === 1 ? 0 : 1; k <= steps; k += 1)
      points.push({ x: a.x + ((b.x - a.x) * k) / steps, y: a.y + ((b.y - a.y) * k) / steps });
  });
  return points;
}

/** selfLoop is a loop out of a box's right side and back, its label beside it. */
function selfLoop(s: PlacedBlock): Drawn {
  const rx = s.x + s.block.width - S.selfLoop / 2;
  const cy = s.y + s.block.height / 2;
  const along = curvePoints(
    { x: rx, y: cy - 7 },
    { x: rx + 26, y: cy - 20 },
    { x: rx + 26, y: cy + 20 },
    { x: rx + 1, y: cy + 7 },
  );
  return {
    along,
    path: `M${round(rx)},${round(cy - 7)}C${round(rx + 26)},${round(cy - 20)} ${round(rx + 26)},${round(cy + 20)} ${round(rx + 1)},${round(cy + 7)}`,
    labelX: round(rx + 24),
    labelY: round(cy - 16),
    labelAnchor: 'start',
  };
}

/** directCurve runs from the source's bottom at `sx` to the target's top at `tx`, labelled at its middle. */
function directCurve(s: PlacedBlock, sx: number, t: PlacedBlock, tx: number): Drawn {
  const sy = s.y + s.block.height;
  const ty = t.y;
  const dy = Math.max(12, (ty - sy) / 2);
  const along = curvePoints({ x: sx, y: sy }, { x: sx, y: sy + dy }, { x: tx, y: ty - dy }, { x: tx, y: ty });
  return {
    along,
    path: `M${round(sx)},${round(sy)}C${round(sx)},${round(sy + dy)} ${round(tx)},${round(ty - dy)} ${round(tx)},${round(ty)}`,
    labelX: round((sx + tx) / 2),
    labelY: round((sy + ty) / 2 + 3),
    labelAnchor: 'middle',
  };
}

/**
 * lanePath leaves by the side facing the arrow's lane and steps into the gap between rows before turning
 * towards the lane, and arrives the same way, so no arrow runs through a neighbouring state on the way.
 */
function lanePath(m: Routed, s: PlacedBlock, t: PlacedBlock, lca: PlacedBlock, lcaId: string): Drawn {
  const sy = s.y + Math.min(s.block.height / 2, S.boxHeight / 2);
  const ty = t.y + Math.min(t.block.height / 2, S.boxHeight / 2);
  const side = lca.block.sides.get(childToward(lcaId, m.source) ?? '') ?? 'right';
  const left = side === 'left';
  const lanes = left ? lca.block.leftLanes : lca.block.rightLanes;
  const lane = Math.max(0, lanes.indexOf(m.target));
  const lx = left
    ? lca.x + S.pad + lane * S.laneGap + S.laneGap / 2
    : lca.x + lca.block.width - S.pad - lane * S.laneGap - S.laneGap / 2;
  const out = left ? -S.arrowTail : S.arrowTail;
  const sx = left ? s.x : s.x + s.block.width;
  const tx = left ? t.x : t.x + t.block.width;
  const leaveY = m.route === 'down' ? s.y + s.block.height + S.corridor : s.y - S.corridor;
  const arriveY = t.y - S.corridor;
  const path = [
    `M${round(sx)},${round(sy)}`,
    `H${round(sx + out)}V${round(leaveY)}H${round(lx)}V${round(arriveY)}`,
    `H${round(tx + out)}V${round(ty)}H${round(tx)}`,
  ].join('');
  const corners = [
    { x: sx + out, y: leaveY },
    { x: lx, y: leaveY },
    { x: lx, y: arriveY },
    { x: tx + out, y: arriveY },
  ];
  return {
    path,
    along: segmentPoints(corners),
    labelX: round(left ? lx + 4 : lx - 4),
    labelY: round((leaveY + arriveY) / 2),
    labelAnchor: left ? 'start' : 'end',
  };
}
