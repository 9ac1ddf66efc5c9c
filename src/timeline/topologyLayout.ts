// The topology view as positions: scenario + size → where each host and link sits, told left to right as the
// story of a message (sender, its server, the Internet with DNS above, the recipient's server, the reader).
import type { HostId, LinkId } from '../net/types.ts';
import type { HostSpec, LinkSpec, Scenario } from '../sim/scenario.ts';
import { textWidth } from './textWidth.ts';

/** HostKind is what a host is, which decides its icon and how much room it takes. */
export type HostKind = HostSpec['kind'];

/**
 * NodeMetrics are the room one kind of host takes, in pixels: the column it needs, its icon's size, and how far
 * its drawing reaches above and below the icon's centre (names, address, and for a mail server its queue and
 * mailboxes). The view draws inside these bounds.
 */
export interface NodeMetrics {
  readonly column: number;
  readonly iconWidth: number;
  readonly iconHeight: number;
  readonly above: number;
  readonly below: number;
}

/**
 * TOPOLOGY_METRICS are the sizes the layout assumes. A mail server is tallest: under its icon come its name,
 * address, a queue tray with room for two messages, and a row of mailboxes (see MAIL_SERVER_PARTS).
 */
export const TOPOLOGY_METRICS = {
  margin: 12,
  stackGap: 18,
  dnsGap: 36,
  /** skyLabel is the room a DNS server's name and address take, set left of its icon, clear of its link. */
  skyLabel: 100,
  nodes: {
    'user-agent': { column: 116, iconWidth: 50, iconHeight: 42, above: 21, below: 72 },
    'mail-server': { column: 184, iconWidth: 42, iconHeight: 52, above: 26, below: 160 },
    router: { column: 128, iconWidth: 118, iconHeight: 62, above: 31, below: 46 },
    'dns-server': { column: 124, iconWidth: 40, iconHeight: 46, above: 23, below: 23 },
    host: { column: 124, iconWidth: 44, iconHeight: 52, above: 26, below: 58 },
  } satisfies Record<HostKind, NodeMetrics>,
} as const;

/**
 * MAIL_SERVER_PARTS are the offsets, from a mail server's icon centre, of what is drawn under it: the name and
 * address baselines, the queue tray (a header line, then up to `queueRows` message chips) and the mailbox row.
 */
export const MAIL_SERVER_PARTS = {
  width: 176,
  nameY: 42,
  addressY: 57,
  queueTop: 66,
  queueHeader: 17,
  queueRow: 22,
  queueRows: 2,
  mailboxTop: 136,
  mailboxHeight: 24,
} as const;

/** flippedMetrics is a mail server with its queue and mailboxes above its icon and only its name below. */
function flippedMetrics(m: NodeMetrics): NodeMetrics {
  const P = MAIL_SERVER_PARTS;
  const parts = P.mailboxTop + P.mailboxHeight - P.queueTop;
  return { ...m, above: m.iconHeight / 2 + 8 + parts, below: P.addressY + 5 };
}

/** HostNode is one host placed: its icon centre, the column it stands in, and the box its drawing fills. */
export interface HostNode {
  readonly host: HostId;
  readonly kind: HostKind;
  readonly x: number;
  readonly y: number;
  readonly column: number;
  /** band is `sky` for DNS servers drawn above the router they hang from, else `main`. */
  readonly band: 'main' | 'sky';
  readonly metrics: NodeMetrics;
  /**
   * partsY is where a mail server's queue tray begins, from its icon centre: below the address, or (when it
   * is the top host of a stacked column) above the icon, negative, with the mailbox row under the tray.
   */
  readonly partsY: number | null;
  readonly box: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
}

/** LinkLine is a link drawn between two icons: trimmed to their edges, with a spot for its label. */
export interface LinkLine {
  readonly link: LinkId;
  readonly a: HostId;
  readonly b: HostId;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** mid is the middle of the visible line, where a cut is marked; label sits beside it, off the line. */
  readonly mid: { readonly x: number; readonly y: number };
  readonly label: { readonly x: number; readonly y: number; readonly anchor: 'start' | 'middle' | 'end' };
  readonly latency: number;
  readonly loss: number;
}

/** TopologySize is the room the view has, in pixels. */
export interface TopologySize {
  readonly width: number;
  readonly height: number;
}

/** TopologyLayout is every host and link placed; `nodes` keeps the scenario's order. */
export interface TopologyLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly HostNode[];
  readonly byHost: Readonly<Record<HostId, HostNode>>;
  readonly links: readonly LinkLine[];
}

/**
 * storySource is the host the story starts from: whoever sends the first message, else whoever acts first,
 * else the first user agent, else the first host.
 */
function storySource(scenario: Scenario): HostId {
  const acting = scenario.inputs.map((i) => i.input).filter((i) => i.type !== 'fault');
  const sender = acting.find((i) => i.type === 'mail.send');
  const first = sender ?? acting[0];
  if (first !== undefined && 'host' in first) return first.host;
  return (scenario.hosts.find((h) => h.kind === 'user-agent') ?? (scenario.hosts[0] as HostSpec)).id;
}

function neighbours(scenario: Scenario): Map<HostId, HostId[]> {
  const map = new Map<HostId, HostId[]>(scenario.hosts.map((h) => [h.id, []]));
  for (const { between } of scenario.links) {
    map.get(between[0])?.push(between[1]);
    map.get(between[1])?.push(between[0]);
  }
  return map;
}

/**
 * storyColumns numbers columns by hops from the story's source, so a message's path reads left to right.
 * DNS servers are not stepping stones (nobody routes through them): each takes the column of the host it
 * hangs from and goes to the sky band above it. Hosts the source cannot reach get a column after the rest.
 */
function storyColumns(scenario: Scenario): Map<HostId, { column: number; band: 'main' | 'sky' }> {
  const next = neighbours(scenario);
  const isDns = new Set(scenario.hosts.filter((h) => h.kind === 'dns-server').map((h) => h.id));
  const source = storySource(scenario);
  const depth = new Map<HostId, number>([[source, 0]]);
  const queue = [source];
  while (queue.length > 0) {
    const host = queue.shift() as HostId;
    if (isDns.has(host) && host !== source) continue;
    for (const n of next.get(host) ?? []) {
      if (depth.has(n) || isDns.has(n)) continue;
      depth.set(n, (depth.get(host) as number) + 1);
      queue.push(n);
    }
  }
  const placed = new Map<HostId, { column: number; band: 'main' | 'sky' }>();
  for (const [host, column] of depth) placed.set(host, { column, band: 'main' });
  for (const host of isDns) {
    if (placed.has(host)) continue;
    const anchors = (next.get(host) ?? []).flatMap((n) => {
      const d = depth.get(n);
      return d === undefined ? [] : [d];
    });
    if (anchors.length > 0) placed.set(host, { column: Math.min(...anchors), band: 'sky' });
  }
  const last = Math.max(0, ...[...placed.values()].map((p) => p.column));
  for (const h of scenario.hosts) if (!placed.has(h.id)) placed.set(h.id, { column: last + 1, band: 'main' });
  return placed;
}

/**
 * topologyLayout places the scenario's hosts in columns (see storyColumns) spread across the width, each
 * column as wide as its widest kind of host. The main row is one horizontal line through every column, low
 * enough for DNS servers to fit above their router; hosts sharing a column stack downwards from it, moving up
 * as a whole when they would run off the bottom. A column is never narrower than the name and detail lines under
 * its hosts (`names` are the names as the page shows them, in its language); when the columns need more than the
 * width, the layout grows wider rather than squeezing them, and the view scales the drawing as a whole.
 * Same scenario, size and names, same layout.
 */
export function topologyLayout(
  scenario: Scenario,
  size: TopologySize,
  names: Readonly<Record<HostId, string>> = {},
  labels: LabelFont = LABEL_FONT,
): TopologyLayout {
  const M = TOPOLOGY_METRICS;
  const placed = storyColumns(scenario);
  const columnCount = Math.max(...[...placed.values()].map((p) => p.column)) + 1;
  const columns: { main: HostSpec[]; sky: HostSpec[]; width: number }[] = Array.from(
    { length: columnCount },
    () => ({ main: [], sky: [], width: 0 }),
  );
  for (const h of scenario.hosts) {
    const p = placed.get(h.id) as { column: number; band: 'main' | 'sky' };
    const column = columns[p.column] as (typeof columns)[number];
    column[p.band].push(h);
    const room = p.band === 'sky' ? 0 : labelRoom(h, names[h.id] ?? h.label ?? h.id, labels);
    column.width = Math.max(column.width, M.nodes[h.kind].column, room);
  }
  const used = columns.reduce((sum, c) => sum + c.width, 0);
  // Spare room goes between columns; labels that need more than the view has widen the drawing instead of
  // squeezing columns under names that would then run into each other.
  const width = Math.max(size.width, used + 2 * M.margin);
  const free = width - 2 * M.margin - used;
  const gap = columnCount > 1 ? Math.max(0, free) / (columnCount - 1) : 0;
  const centres: number[] = [];
  let left = M.margin + (columnCount === 1 ? Math.max(0, free) / 2 : 0);
  for (const c of columns) {
    centres.push(left + c.width / 2);
    left += c.width + gap;
  }

  const firstRow = columns.flatMap((c) => (c.main[0] ? [M.nodes[c.main[0].kind]] : []));
  const above = Math.max(0, ...firstRow.map((m) => m.above));
  const below = Math.max(0, ...firstRow.map((m) => m.below));
  const dns = M.nodes['dns-server'];
  const skyHeight = columns.some((c) => c.sky.length > 0) ? dns.above + dns.below + M.dnsGap : 0;
  const bandTop = M.margin + skyHeight;
  const bandHeight = size.height - M.margin - bandTop;
  const mainY = Math.max(bandTop + above, bandTop + (bandHeight - (above + below)) / 2 + above);

  const nodes = new Map<HostId, HostNode>();
  const place = (
    h: HostSpec,
    column: number,
    band: 'main' | 'sky',
    x: number,
    y: number,
    flipped = false,
  ) => {
    const metrics = flipped ? flippedMetrics(M.nodes[h.kind]) : M.nodes[h.kind];
    // The box spans the whole column, which is as wide as the widest label under its hosts.
    const half = Math.max(metrics.column, (columns[column] as (typeof columns)[number]).width) / 2;
    const left = band === 'sky' ? metrics.iconWidth / 2 + 8 + M.skyLabel : half;
    const right = band === 'sky' ? metrics.iconWidth / 2 : half;
    nodes.set(h.id, {
      host: h.id,
      kind: h.kind,
      x: round1(x),
      y: round1(y),
      column,
      band,
      metrics,
      partsY: h.kind === 'mail-server' ? (flipped ? -metrics.above : MAIL_SERVER_PARTS.queueTop) : null,
      box: {
        x0: round1(x - left),
        x1: round1(x + right),
        y0: round1(y - metrics.above),
        y1: round1(y + metrics.below),
      },
    });
  };
  columns.forEach((c, i) => {
    const x = centres[i] as number;
    const first = c.main[0];
    if (first !== undefined) {
      // The top host of a stack turns its queue and mailboxes upwards, so both icons stay near the main row
      // and links from the left reach them without crossing a queue.
      const flip = (h: HostSpec) => c.main.length > 1 && h === first && h.kind === 'mail-server';
      const metricsOf = (h: HostSpec) => (flip(h) ? flippedMetrics(M.nodes[h.kind]) : M.nodes[h.kind]);
      const stack = c.main.reduce((sum, h) => sum + metricsOf(h).above + metricsOf(h).below, 0);
      const height = stack + M.stackGap * (c.main.length - 1);
      const floor = size.height - M.margin;
      const ceiling = c.sky.length > 0 ? bandTop : M.margin;
      let top = mainY - metricsOf(first).above;
      if (top + height > floor) top = Math.max(ceiling, floor - height);
      for (const h of c.main) {
        const m = metricsOf(h);
        place(h, i, 'main', x, top + m.above, flip(h));
        top += m.above + m.below + M.stackGap;
      }
    }
    // The sky stands just above the column's first host, side by side when a router has several DNS servers.
    const roof = first === undefined ? mainY : (nodes.get(first.id) as HostNode).box.y0;
    const skyY = Math.max(M.margin + dns.above, roof - M.dnsGap - dns.below);
    c.sky.forEach((h, j) => {
      const offset = (j - (c.sky.length - 1) / 2) * dns.column;
      place(h, i, 'sky', x + offset, skyY);
    });
  });

  // A lone host after a stacked column lines up with the one host it hangs from (Bob's PC beside Bob's server
  // in a world with several recipient servers), so each branch of the story stays a straight line.
  const next = neighbours(scenario);
  columns.forEach((c, i) => {
    const only = c.main[0];
    const before = columns[i - 1];
    if (only === undefined || c.main.length !== 1 || before === undefined || before.main.length < 2) return;
    const anchors = before.main.filter((h) => next.get(only.id)?.includes(h.id));
    const anchor = anchors.length === 1 ? nodes.get((anchors[0] as HostSpec).id) : undefined;
    const node = nodes.get(only.id) as HostNode;
    if (anchor === undefined) return;
    const m = node.metrics;
    const y = Math.min(Math.max(anchor.y, M.margin + m.above), size.height - M.margin - m.below);
    place(only, i, 'main', node.x, y, node.partsY !== null && node.partsY < 0);
  });

  const links = scenario.links.map((l) => linkLine(l, nodes));
  const ordered = scenario.hosts.map((h) => nodes.get(h.id) as HostNode);
  return {
    width,
    height: size.height,
    nodes: ordered,
    byHost: Object.fromEntries(ordered.map((n) => [n.host, n])),
    links,
  };
}

/**
 * LabelFont is the size of a host's name (bold, `bold` times wider) and of the detail lines under it (null when
 * they are not drawn, as in presenter mode), in the drawing's units, and the room kept beside the widest.
 */
export interface LabelFont {
  readonly name: number;
  readonly detail: number | null;
  readonly bold: number;
  readonly padding: number;
}

/** LABEL_FONT is the size of a host's name and of the detail lines under it, as TopologyHost draws them. */
export const LABEL_FONT: LabelFont = { name: 13, detail: 10.5, bold: 1.1, padding: 12 };

/** labelRoom is the width the widest line under a host's icon takes: its name, email address, host name or IP. */
function labelRoom(h: HostSpec, name: string, F: LabelFont): number {
  const details = [h.userAgent?.address, h.id, h.address].flatMap((d) => (d === undefined ? [] : [d]));
  const detail = F.detail;
  const widths = detail === null ? [] : details.map((d) => textWidth(d, detail));
  const widest = Math.max(textWidth(name, F.name) * F.bold, ...widths);
  return Math.ceil(widest) + F.padding;
}

/**
 * iconEdge is how far from an icon's centre a line at angle (dx, dy) leaves it: the icon is taken as an
 * ellipse through its bounding box, near enough for a PC, a rack or a cloud.
 */
export function iconEdge(node: HostNode, dx: number, dy: number): number {
  const length = Math.hypot(dx, dy);
  if (length === 0) return 0;
  const a = node.metrics.iconWidth / 2 + 4;
  const b = node.metrics.iconHeight / 2 + 4;
  const cos = dx / length;
  const sin = dy / length;
  return 1 / Math.sqrt((cos / a) ** 2 + (sin / b) ** 2);
}

/** trimmedEnds is the visible part of the line from one icon to another, outside both icons. */
export function trimmedEnds(
  from: HostNode,
  to: HostNode,
): { x1: number; y1: number; x2: number; y2: number } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const start = Math.min(iconEdge(from, dx, dy), length / 2);
  const end = Math.min(iconEdge(to, -dx, -dy), length / 2);
  return {
    x1: from.x + (dx / length) * start,
    y1: from.y + (dy / length) * start,
    x2: to.x - (dx / length) * end,
    y2: to.y - (dy / length) * end,
  };
}

function linkLine(l: LinkSpec, nodes: ReadonlyMap<HostId, HostNode>): LinkLine {
  const [a, b] = l.between;
  const from = nodes.get(a) as HostNode;
  const to = nodes.get(b) as HostNode;
  const e = trimmedEnds(from, to);
  const mid = { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2 };
  // The label sits on the upper side of the line, a little off it, so it never covers a passing packet.
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const length = Math.hypot(dx, dy) || 1;
  let nx = dy / length;
  let ny = -dx / length;
  if (ny > 0 || (ny === 0 && nx > 0)) [nx, ny] = [-nx, -ny];
  return {
    link: l.id,
    a,
    b,
    x1: round1(e.x1),
    y1: round1(e.y1),
    x2: round1(e.x2),
    y2: round1(e.y2),
    mid: { x: round1(mid.x), y: round1(mid.y) },
    // Beside a steep line the label starts (or ends) at its spot; beside a flat one it is centred on it.
    label: {
      x: round1(mid.x + nx * 10),
      y: round1(mid.y + ny * 10 + (Math.abs(nx) > 0.7 ? 4 : 0)),
      anchor: Math.abs(nx) > 0.7 ? (nx < 0 ? 'end' : 'start') : 'middle',
    },
    latency: l.latency,
    loss: l.loss,
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
