// Push and pull on the map: which way mail moves on a connection, told by the protocol its `conn.opened` named
// (SMTP pushes mail from the connecting side; POP3, IMAP and HTTP pull it back to the side that connected), and
// the arcs the topology draws for the connections open at the cursor.
import type { ConnId, HostId } from '../net/types.ts';
import type { Protocol } from '../sim/trace.ts';
import type { ConnectionView } from '../sim/worldView.ts';
import { trimmedEnds, type HostNode, type TopologyLayout } from './topologyLayout.ts';

/** Flow is the direction mail takes relative to who connected: `push` to the server, `pull` from it. */
export type Flow = 'push' | 'pull';

/**
 * flowOf names a protocol's flow: SMTP is a push protocol, POP3, IMAP and HTTP are pull protocols (the mail access
 * protocols of the course notes); echo and raw TCP carry no mail, so null.
 */
export function flowOf(protocol: Protocol): Flow | null {
  switch (protocol) {
    case 'smtp':
      return 'push';
    case 'pop3':
    case 'imap':
    case 'http':
      return 'pull';
    default:
      return null;
  }
}

/**
 * FlowArc is one open mail connection drawn over the map: an arc from where mail leaves to where it goes, so that
 * an arrowhead at its end shows the direction (push: client to server; pull: server to the reader who connected).
 */
export interface FlowArc {
  readonly conn: ConnId;
  readonly protocol: Protocol;
  readonly flow: Flow;
  readonly client: HostId;
  readonly server: HostId;
  /** d is the SVG path of the arc, from the mail's source to its destination. */
  readonly d: string;
}

/** ARC_BOW is how far an arc bows above the straight line between its hosts, as a share of their distance. */
export const ARC_BOW = 0.22;

// A quadratic arc between two icons, bowing up (to the left of the direction of travel when it runs leftwards),
// trimmed at the icons' edges so the arrowhead stays visible.
function arc(from: HostNode, to: HostNode, lane: number): string {
  const ends = trimmedEnds(from, to);
  const dx = ends.x2 - ends.x1;
  const dy = ends.y2 - ends.y1;
  const length = Math.hypot(dx, dy) || 1;
  // Always bow upwards whichever way the arc runs, a little further for each other arc on the same pair.
  const bow = length * ARC_BOW + lane * 12;
  const nx = (dy / length) * (dx >= 0 ? 1 : -1);
  const ny = (-dx / length) * (dx >= 0 ? 1 : -1);
  const cx = (ends.x1 + ends.x2) / 2 + nx * bow;
  const cy = (ends.y1 + ends.y2) / 2 + ny * bow;
  const r = (v: number) => Math.round(v * 10) / 10;
  return `M${r(ends.x1)},${r(ends.y1)}Q${r(cx)},${r(cy)} ${r(ends.x2)},${r(ends.y2)}`;
}

// A connection carries its session from the SYN until either side starts closing (RFC 793 §3.5); a connection
// lingering in TIME-WAIT long after QUIT carries no mail, so it gets no arc.
function carrying(c: ConnectionView): boolean {
  return (
    c.closedAt === null &&
    (c.clientState === 'SYN-SENT' || c.clientState === 'ESTABLISHED') &&
    c.serverState !== 'CLOSE-WAIT' &&
    c.serverState !== 'LAST-ACK'
  );
}

/**
 * flowArcs lists an arc for every mail connection carrying its session at the cursor (from the SYN until either
 * side starts to close) between two hosts on the map, in the order the connections opened. Connections to an
 * address no host has are left out.
 */
export function flowArcs(layout: TopologyLayout, connections: readonly ConnectionView[]): FlowArc[] {
  const lanes = new Map<string, number>();
  const out: FlowArc[] = [];
  for (const c of [...connections].sort((a, b) => a.openedAt - b.openedAt)) {
    const flow = flowOf(c.protocol);
    const client = layout.byHost[c.client.host];
    const server = layout.byHost[c.server.host];
    if (flow === null || !carrying(c) || client === undefined || server === undefined) continue;
    if (client === server) continue;
    const pair = [c.client.host, c.server.host].sort().join('|');
    const lane = lanes.get(pair) ?? 0;
    lanes.set(pair, lane + 1);
    const [from, to] = flow === 'push' ? [client, server] : [server, client];
    out.push({
      conn: c.conn,
      protocol: c.protocol,
      flow,
      client: c.client.host,
      server: c.server.host,
      d: arc(from, to, lane),
    });
  }
  return out;
}
