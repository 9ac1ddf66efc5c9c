// The virtual network: hosts and links with latency, jitter and loss, static shortest-path routing, UDP
// datagrams, and the TCP demultiplexer that hands each segment to its endpoint, a listener, or answers RST.
import type { NetEnvironment } from './environment.ts';
import { UNSTAMPED, type DropReason } from './netEvents.ts';
import type { AcceptHandler, Socket } from './socket.ts';
import { resetFor, TcpEndpoint, type SegmentCarrier } from './tcpEndpoint.ts';
import { defaultTcpTuning, type TcpTuning } from './tcpTuning.ts';
import {
  flagSet,
  hasFlag,
  type ConnId,
  type Endpoint,
  type HostId,
  type LinkId,
  type Segment,
} from './types.ts';

/** NetHost describes a node: an end host or a router that only forwards. */
export interface NetHost {
  readonly id: HostId;
  readonly addr: string;
  readonly tcp?: Partial<TcpTuning>;
}

/** LinkConditions are a link's current latency (ms), jitter (extra ms drawn uniformly) and loss (0..1). */
export interface LinkConditions {
  readonly latency: number;
  readonly jitter: number;
  readonly loss: number;
}

/** NetLink is a bidirectional link between two nodes. */
export interface NetLink extends LinkConditions {
  readonly id: LinkId;
  readonly a: HostId;
  readonly b: HostId;
}

interface HostState {
  readonly spec: NetHost;
  readonly tuning: TcpTuning;
  up: boolean;
  nextPort: number;
  readonly listeners: Map<number, AcceptHandler>;
  readonly endpoints: Map<string, TcpEndpoint>;
  readonly udp: Map<number, (datagram: Datagram) => void>;
}

/** Datagram is a UDP datagram as its receiver gets it. */
export interface Datagram {
  readonly id: number;
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly payload: string;
}

type Dropper = (reason: DropReason, at: string) => void;

interface LinkState {
  readonly spec: NetLink;
  conditions: LinkConditions;
  up: boolean;
}

/**
 * NetworkState is the network at a quiet moment, as data: which hosts and links are up, each link's conditions,
 * the counters, and the connections waiting out TIME-WAIT (no other connection may be open). Listeners and UDP
 * ports are the services', which set them up again.
 */
export interface NetworkState {
  readonly hosts: readonly { readonly id: HostId; readonly up: boolean; readonly nextPort: number }[];
  readonly links: readonly {
    readonly id: LinkId;
    readonly up: boolean;
    readonly conditions: LinkConditions;
  }[];
  readonly nextSegment: number;
  readonly nextConn: number;
  readonly timeWait: readonly {
    readonly conn: ConnId;
    readonly local: Endpoint;
    readonly remote: Endpoint;
  }[];
}

const FIRST_EPHEMERAL_PORT = 49152;

function endpointKey(localPort: number, remote: Endpoint): string {
  return `${localPort}|${remote.addr}|${remote.port}`;
}

/** Network owns every host's TCP stack; build it once per world, then only talk to it through its methods. */
export class Network implements SegmentCarrier {
  readonly #env: NetEnvironment;
  readonly #hosts = new Map<HostId, HostState>();
  readonly #byAddr = new Map<string, HostId>();
  readonly #links = new Map<LinkId, LinkState>();
  readonly #adjacent = new Map<HostId, { neighbour: HostId; link: LinkId }[]>();
  // Routes found, by source and then destination host (a key made of both was a string built for every segment).
  readonly #routes = new Map<HostId, Map<HostId, readonly HostId[] | null>>();
  #nextSegment = 1;
  #nextConn = 1;

  constructor(env: NetEnvironment, hosts: readonly NetHost[], links: readonly NetLink[]) {
    this.#env = env;
    for (const spec of hosts) {
      this.#hosts.set(spec.id, {
        spec,
        tuning: { ...defaultTcpTuning, ...spec.tcp },
        up: true,
        nextPort: FIRST_EPHEMERAL_PORT,
        listeners: new Map(),
        endpoints: new Map(),
        udp: new Map(),
      });
      this.#byAddr.set(spec.addr, spec.id);
      this.#adjacent.set(spec.id, []);
    }
    for (const spec of links) {
      this.#links.set(spec.id, { spec, conditions: spec, up: true });
      this.#adjacent.get(spec.a)?.push({ neighbour: spec.b, link: spec.id });
      this.#adjacent.get(spec.b)?.push({ neighbour: spec.a, link: spec.id });
    }
  }

  /** state is the network as data, or null while a connection is open in any state but TIME-WAIT. */
  state(): NetworkState | null {
    const timeWait: { conn: ConnId; local: Endpoint; remote: Endpoint }[] = [];
    for (const h of this.#hosts.values())
      for (const e of h.endpoints.values()) {
        if (e.state() !== 'TIME-WAIT') return null;
        timeWait.push({ conn: e.conn, local: e.local, remote: e.remote });
      }
    return {
      hosts: [...this.#hosts.values()].map((h) => ({ id: h.spec.id, up: h.up, nextPort: h.nextPort })),
      links: [...this.#links.values()].map((l) => ({ id: l.spec.id, up: l.up, conditions: l.conditions })),
      nextSegment: this.#nextSegment,
      nextConn: this.#nextConn,
      timeWait,
    };
  }

  /**
   * restore sets a new network, its services started, to `state`, without a word in the trace: a host that was
   * down loses its listeners again, and each TIME-WAIT connection is made again; its timer is armed by the
   * caller, through armTimeWait, in the order the checkpoint's timers were set.
   */
  restore(state: NetworkState): void {
    for (const saved of state.hosts) {
      const h = this.#host(saved.id);
      h.up = saved.up;
      h.nextPort = saved.nextPort;
      if (!saved.up) {
        h.listeners.clear();
        h.udp.clear();
      }
    }
    for (const saved of state.links) {
      const l = this.#link(saved.id);
      l.up = saved.up;
      l.conditions = saved.conditions;
    }
    this.#nextSegment = state.nextSegment;
    this.#nextConn = state.nextConn;
    for (const { conn, local, remote } of state.timeWait) {
      const h = this.#host(local.host);
      const endpoint = new TcpEndpoint(this.#env, this, h.tuning, conn, local, remote, true);
      h.endpoints.set(endpointKey(local.port, remote), endpoint);
    }
  }

  /** armTimeWait arms the timer of a TIME-WAIT connection that `restore` made again. */
  armTimeWait(host: HostId, conn: ConnId, at: number): void {
    const endpoint = [...this.#host(host).endpoints.values()].find((e) => e.conn === conn);
    if (endpoint === undefined) throw new Error(`Network.armTimeWait: ${host} has no connection ${conn}`);
    endpoint.armTimeWait(at);
  }

  /** addressOf is a host's address; hostAt finds the host that owns an address. */
  addressOf(host: HostId): string | undefined {
    return this.#hosts.get(host)?.spec.addr;
  }

  hostAt(addr: string): HostId | undefined {
    return this.#byAddr.get(addr);
  }

  isHostUp(host: HostId): boolean {
    return this.#hosts.get(host)?.up ?? false;
  }

  isLinkUp(link: LinkId): boolean {
    return this.#links.get(link)?.up ?? false;
  }

  linkConditions(link: LinkId): LinkConditions | undefined {
    return this.#links.get(link)?.conditions;
  }

  /** listen accepts connections on a port of an up host; each arrives at `onAccept` once established. */
  listen(host: HostId, port: number, onAccept: AcceptHandler): void {
    const h = this.#host(host);
    if (h.listeners.has(port)) throw new Error(`Network.listen: ${host} already listens on port ${port}`);
    h.listeners.set(port, onAccept);
  }

  /** unlisten stops accepting on a port; connections already made go on. */
  unlisten(host: HostId, port: number): void {
    this.#host(host).listeners.delete(port);
  }

  /**
   * connect opens a connection from `host` to an address and port. The socket reports `connected`, or an
   * `error` (refused, timeout, unreachable) — never synchronously, so listeners added now hear everything.
   * `beforeSyn` hears the new connection before its first segment leaves, so a caller can describe it first.
   */
  connect(
    host: HostId,
    addr: string,
    port: number,
    beforeSyn?: (conn: ConnId, local: Endpoint, remote: Endpoint) => void,
  ): Socket {
    const h = this.#host(host);
    const conn = `c${this.#nextConn++}`;
    const localPort = h.nextPort;
    h.nextPort = h.nextPort >= 65535 ? FIRST_EPHEMERAL_PORT : h.nextPort + 1;
    // Frozen: every segment of the connection carries these two, and every event of its segments shows them.
    const local: Endpoint = Object.freeze({ host, addr: h.spec.addr, port: localPort });
    const remote: Endpoint = Object.freeze({ host: this.#byAddr.get(addr) ?? addr, addr, port });
    const endpoint = new TcpEndpoint(this.#env, this, h.tuning, conn, local, remote);
    h.endpoints.set(endpointKey(localPort, remote), endpoint);
    beforeSyn?.(conn, local, remote);
    const failure = !h.up ? 'host-down' : this.#route(host, remote.host) === null ? 'unreachable' : null;
    if (failure) {
      this.#env.schedule(this.#env.now(), () => endpoint.crash(failure));
    } else {
      endpoint.connect();
    }
    return endpoint;
  }

  /** setHostUp powers a host on or off; going down loses its connections and listeners, as a crash would. */
  setHostUp(host: HostId, up: boolean): void {
    const h = this.#host(host);
    if (h.up === up) return;
    h.up = up;
    if (!up) {
      for (const endpoint of [...h.endpoints.values()]) endpoint.crash();
      h.endpoints.clear();
      h.listeners.clear();
      h.udp.clear();
    }
    this.#env.emit({ kind: up ? 'host.up' : 'host.down', host });
  }

  /** setLinkUp cuts a link or mends it; segments on a cut link are lost. */
  setLinkUp(link: LinkId, up: boolean): void {
    const l = this.#link(link);
    if (l.up === up) return;
    l.up = up;
    this.#env.emit({ kind: up ? 'link.up' : 'link.down', link });
  }

  /** setLinkConditions changes a link's latency, jitter or loss from now on. */
  setLinkConditions(link: LinkId, change: Partial<LinkConditions>): void {
    const l = this.#link(link);
    l.conditions = { ...l.conditions, ...change };
    this.#env.emit({ kind: 'link.changed', link, ...l.conditions });
  }

  transmit(partial: Omit<Segment, 'id'>, retransmission: boolean): void {
    const { conn, src, dst, seqNo, ackNo, window, payload, mss } = partial;
    const flags = flagSet(partial.flags);
    const id = this.#nextSegment++;
    // Built field by field, not spread from `partial`: this runs for every segment.
    const segment: Segment =
      mss === undefined
        ? { id, conn, src, dst, flags, seqNo, ackNo, window, payload }
        : { id, conn, src, dst, flags, seqNo, ackNo, window, payload, mss };
    const path = this.#route(src.host, dst.host);
    const shown = path ?? [src.host];
    // Two literals rather than a spread of the optional mss: every field, the stamp's slots too, then lies inside
    // the object, in the order the JSON has always had (see Emitted).
    this.#env.emit(
      mss === undefined
        ? {
            kind: 'tcp.segment',
            conn,
            segment: id,
            from: src,
            to: dst,
            flags,
            seqNo,
            ackNo,
            window,
            bytes: payload.length,
            payload,
            retransmission,
            path: shown,
            t: 0,
            seq: UNSTAMPED,
          }
        : {
            kind: 'tcp.segment',
            conn,
            segment: id,
            from: src,
            to: dst,
            flags,
            seqNo,
            ackNo,
            window,
            bytes: payload.length,
            payload,
            mss,
            retransmission,
            path: shown,
            t: 0,
            seq: UNSTAMPED,
          },
    );
    const drop = (reason: DropReason, at: string) =>
      this.#env.emit({ kind: 'tcp.dropped', conn, segment: id, reason, at, t: 0, seq: UNSTAMPED });
    if (path === null) return drop('no-route', segment.src.host);
    this.#carry(path, 0, (host) => this.#deliver(segment, host, drop), drop);
  }

  /** bindUdp receives the datagrams sent to a port of an up host (until it goes down). */
  bindUdp(host: HostId, port: number, onDatagram: (datagram: Datagram) => void): void {
    const h = this.#host(host);
    if (h.udp.has(port)) throw new Error(`Network.bindUdp: ${host} already has UDP port ${port} bound`);
    h.udp.set(port, onDatagram);
  }

  /** sendDatagram sends one UDP datagram (RFC 768): no connection, no retransmission, no guarantee. */
  sendDatagram(host: HostId, srcPort: number, addr: string, port: number, payload: string): void {
    const h = this.#host(host);
    const datagram: Datagram = {
      id: this.#nextSegment++,
      src: { host, addr: h.spec.addr, port: srcPort },
      dst: { host: this.#byAddr.get(addr) ?? addr, addr, port },
      payload,
    };
    const path = h.up ? this.#route(host, datagram.dst.host) : null;
    this.#env.emit({
      kind: 'udp.datagram',
      datagram: datagram.id,
      from: datagram.src,
      to: datagram.dst,
      bytes: payload.length,
      payload,
      path: path ?? [host],
    });
    const drop = (reason: DropReason, at: string) =>
      this.#env.emit({ kind: 'udp.dropped', datagram: datagram.id, reason, at });
    if (path === null) return drop(h.up ? 'no-route' : 'host-down', host);
    this.#carry(
      path,
      0,
      (at) => {
        this.#env.emit({ kind: 'udp.arrived', datagram: datagram.id, host: at });
        const handler = this.#host(at).udp.get(port);
        if (handler) handler(datagram);
        else drop('port-unreachable', at);
      },
      drop,
    );
  }

  release(endpoint: TcpEndpoint): void {
    const h = this.#hosts.get(endpoint.local.host);
    const key = endpointKey(endpoint.local.port, endpoint.remote);
    if (h?.endpoints.get(key) === endpoint) h.endpoints.delete(key);
  }

  // Hop by hop along the path: each link may be down or lose the packet, and adds its latency and jitter.
  #carry(path: readonly HostId[], hop: number, arrive: (host: HostId) => void, drop: Dropper): void {
    const here = path[hop] as HostId;
    const next = path[hop + 1];
    if (next === undefined) {
      if (!this.isHostUp(here)) return drop('host-down', here);
      arrive(here);
      return;
    }
    const link = this.#linkBetween(here, next);
    if (!link.up) return drop('link-down', link.spec.id);
    const { latency, jitter, loss } = link.conditions;
    if (loss > 0 && this.#env.random() < loss) return drop('loss', link.spec.id);
    const delay = latency + (jitter > 0 ? this.#env.random() * jitter : 0);
    this.#env.schedule(this.#env.now() + delay, () => {
      // A link cut while the packet was on it loses the packet too.
      if (!link.up) return drop('link-down', link.spec.id);
      if (!this.isHostUp(next)) return drop('host-down', next);
      this.#carry(path, hop + 1, arrive, drop);
    });
  }

  #deliver(segment: Segment, at: HostId, drop: Dropper): void {
    const h = this.#host(at);
    if (!h.up) return drop('host-down', at);
    this.#env.emit({
      kind: 'tcp.arrived',
      conn: segment.conn,
      segment: segment.id,
      host: at,
      t: 0,
      seq: UNSTAMPED,
    });
    const key = endpointKey(segment.dst.port, segment.src);
    const endpoint = h.endpoints.get(key);
    if (endpoint) {
      endpoint.receive(segment);
      return;
    }
    const onAccept = h.listeners.get(segment.dst.port);
    if (onAccept && hasFlag(segment, 'SYN') && !hasFlag(segment, 'ACK') && !hasFlag(segment, 'RST')) {
      const passive = new TcpEndpoint(this.#env, this, h.tuning, segment.conn, segment.dst, segment.src);
      h.endpoints.set(key, passive);
      let accepted = false;
      passive.onEvent((event) => {
        if (event.type === 'connected' && !accepted) {
          accepted = true;
          onAccept(passive);
        }
      });
      passive.accept(segment);
      return;
    }
    // Nobody is there: a closed port answers with RST (RFC 793 §3.4), which the connecting side sees as refused.
    if (!hasFlag(segment, 'RST')) this.transmit(resetFor(segment), false);
  }

  // Breadth-first over links in the order the scenario lists them, so routes never depend on chance.
  #route(from: HostId, to: HostId): readonly HostId[] | null {
    let routes = this.#routes.get(from);
    if (routes === undefined) this.#routes.set(from, (routes = new Map()));
    const cached = routes.get(to);
    if (cached !== undefined) return cached;
    let found: HostId[] | null = null;
    if (this.#hosts.has(from) && this.#hosts.has(to)) {
      const previous = new Map<HostId, HostId | null>([[from, null]]);
      const frontier: HostId[] = [from];
      while (frontier.length > 0 && !previous.has(to)) {
        const node = frontier.shift() as HostId;
        for (const { neighbour } of this.#adjacent.get(node) ?? []) {
          if (previous.has(neighbour)) continue;
          previous.set(neighbour, node);
          frontier.push(neighbour);
        }
      }
      if (previous.has(to)) {
        found = [];
        for (let node: HostId | null = to; node !== null; node = previous.get(node) ?? null)
          found.unshift(node);
      }
    }
    // Every segment's and datagram's event on this route shares the one array, so nobody may change it.
    if (found !== null) Object.freeze(found);
    routes.set(to, found);
    return found;
  }

  #linkBetween(a: HostId, b: HostId): LinkState {
    const hop = this.#adjacent.get(a)?.find((x) => x.neighbour === b);
    return this.#link(hop?.link ?? '');
  }

  #host(id: HostId): HostState {
    const h = this.#hosts.get(id);
    if (!h) throw new Error(`Network: no host named ${id}`);
    return h;
  }

  #link(id: LinkId): LinkState {
    const l = this.#links.get(id);
    if (!l) throw new Error(`Network: no link named ${id}`);
    return l;
  }
}
