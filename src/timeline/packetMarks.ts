// Packets in flight placed on the topology: where each segment or datagram is along its path at the cursor,
// interpolated hop by hop over each link's latency, and what it is drawn as (an envelope for message content).
import type { HostId, LinkId } from '../net/types.ts';
import type { Scenario } from '../sim/scenario.ts';
import type { PacketView, WorldView } from '../sim/worldView.ts';
import { trimmedEnds, type HostNode, type TopologyLayout } from './topologyLayout.ts';

/**
 * PacketShape is how a packet is drawn: `envelope` for a segment carrying a message's content (SMTP DATA),
 * `segment` for any other TCP segment, `dns` for a DNS query or answer, `datagram` for other UDP.
 */
export type PacketShape = 'envelope' | 'segment' | 'dns' | 'datagram';

/** PacketPlace is where a packet is: a point, the hop it is on, and how far along the hop and the path. */
export interface PacketPlace {
  readonly x: number;
  readonly y: number;
  /** hop indexes the packet's path: it is between `path[hop]` and `path[hop + 1]`. */
  readonly hop: number;
  readonly link: LinkId | null;
  /** along is the fraction of the current hop covered, 0 at its start and 1 at its end. */
  readonly along: number;
  /** forward is true when the packet travels the link from its first host to its second. */
  readonly forward: boolean;
}

/** PacketMark is one mark to draw: a packet (or several at one spot, `count`) and its shape and place. */
export interface PacketMark extends PacketPlace {
  /** key names the mark by its first packet (`tcp12`, `udp3`), so it keeps its element while it moves. */
  readonly key: string;
  readonly packet: PacketView;
  readonly shape: PacketShape;
  readonly count: number;
}

/** PACKET_LANE_OFFSET is how far off a link's centre line packets run: one side each way, like road traffic. */
export const PACKET_LANE_OFFSET = 5;

function linkBetween(scenario: Scenario, a: HostId, b: HostId) {
  return scenario.links.find(
    (l) => (l.between[0] === a && l.between[1] === b) || (l.between[0] === b && l.between[1] === a),
  );
}

/**
 * packetPlace interpolates a packet's position at time `t`: each hop takes its link's latency (the network
 * forwards without queueing delay), so the elapsed time since `sentAt` is walked hop by hop. A packet past
 * its last hop (it has arrived but its arrival is a later event at the same time, or it waits at a down host
 * to be dropped) rests at the end of its path. Latencies are the scenario's: a `link.set` fault or jitter
 * changes real hop times, which the world does not record, so such a packet may reach the end early.
 */
export function packetPlace(
  scenario: Scenario,
  layout: TopologyLayout,
  packet: PacketView,
  t: number,
): PacketPlace {
  const path = packet.path;
  const start = layout.byHost[path[0] ?? packet.from] as HostNode;
  if (path.length < 2) return { x: start.x, y: start.y, hop: 0, link: null, along: 1, forward: true };
  let elapsed = Math.max(0, t - packet.sentAt);
  let hop = 0;
  let along = 0;
  for (; hop < path.length - 1; hop++) {
    const latency = linkBetween(scenario, path[hop] as HostId, path[hop + 1] as HostId)?.latency ?? 0;
    if (elapsed < latency) {
      along = elapsed / latency;
      break;
    }
    elapsed -= latency;
  }
  if (hop === path.length - 1) {
    hop = path.length - 2;
    along = 1;
  }
  const a = path[hop] as HostId;
  const b = path[hop + 1] as HostId;
  const link = linkBetween(scenario, a, b);
  const from = layout.byHost[a] as HostNode;
  const to = layout.byHost[b] as HostNode;
  const forward = link === undefined || link.between[0] === a;
  const e = trimmedEnds(from, to);
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const length = Math.hypot(dx, dy) || 1;
  // The lane: to the right of the direction of travel, so packets crossing each other do not collide.
  const side = PACKET_LANE_OFFSET;
  const x = e.x1 + dx * along + (-dy / length) * side;
  const y = e.y1 + dy * along + (dx / length) * side;
  return { x: round1(x), y: round1(y), hop, link: link?.id ?? null, along, forward };
}

/**
 * packetShape tells a message's content from the rest: a TCP segment with data from the client of a connection
 * that is carrying a message (after the server's go-ahead for the message text, RFC 5321 §4.1.1.4) is the
 * message itself. DNS traffic is any UDP to or from a DNS server.
 */
export function packetShape(scenario: Scenario, world: WorldView, packet: PacketView): PacketShape {
  if (packet.kind === 'udp') {
    const dns = scenario.hosts.some(
      (h) => h.kind === 'dns-server' && (h.id === packet.from || h.id === packet.to),
    );
    return dns ? 'dns' : 'datagram';
  }
  if (packet.bytes === 0 || packet.conn === null) return 'segment';
  const c = world.connections.find((candidate) => candidate.conn === packet.conn);
  if (c === undefined || c.client.host !== packet.from) return 'segment';
  return c.carryingMessage ? 'envelope' : 'segment';
}

/**
 * packetMarks places every packet in flight at time `t` (the world's own time unless given; a later `t`
 * must come before the next event, which might end a flight). Packets of one shape at the same spot (a burst
 * sent together) become one mark with a count, so twelve lines of a message read as one envelope ×12.
 */
export function packetMarks(
  scenario: Scenario,
  layout: TopologyLayout,
  world: WorldView,
  t: number = world.t,
): PacketMark[] {
  const marks = new Map<string, PacketMark>();
  for (const packet of world.inFlight) {
    const place = packetPlace(scenario, layout, packet, t);
    const shape = packetShape(scenario, world, packet);
    const spot = `${shape}@${Math.round(place.x)},${Math.round(place.y)}`;
    const same = marks.get(spot);
    if (same !== undefined) marks.set(spot, { ...same, count: same.count + 1 });
    else marks.set(spot, { ...place, key: `${packet.kind}${packet.id}`, packet, shape, count: 1 });
  }
  return [...marks.values()];
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
