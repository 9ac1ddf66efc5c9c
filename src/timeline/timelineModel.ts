// The part of the timeline that does not depend on zoom: lanes in reading order, the compressed time scale,
// connection spans, outage spans and point events, all in scale units. timelineLayout projects it into a window.
import type { ConnId, HostId, SocketError } from '../net/types.ts';
import type { HostSpec, Scenario } from '../sim/scenario.ts';
import type { EventOf, Protocol, TraceEvent } from '../sim/trace.ts';
import { compressedTimeScale, type CompressedTimeScale } from './compressedTimeScale.ts';
import { connOpenings } from './connOpenings.ts';
import { retryRuns, type RetryRun } from './retryRuns.ts';
import type { ConnLife, GlyphKind, HostKind, TimeWindow } from './timelineShapes.ts';

/**
 * TIMELINE_SCALE sizes gaps in scale units before the whole trace is fitted to the page: every gap grows with
 * the logarithm of its length, so 5 ms, 1 s and 30 min all stay visible and in order; gaps longer than
 * `breakAfterMs` are drawn as labelled breaks.
 */
export const TIMELINE_SCALE = {
  minGap: 1,
  perDoubling: 4,
  unitMs: 10,
  breakAfterMs: 20_000,
} as const;

/** LaneSpec is a lane before it has a height: a host, what it is and what to call it. */
export interface LaneSpec {
  readonly host: HostId;
  readonly kind: HostKind;
  readonly label: string;
}

/** ConnSpan is a connection's life on its client's lane; `track` stacks overlapping connections. */
export interface ConnSpan extends ConnLife {
  readonly track: number;
}

/** OutageSpan is a host or link outage, to be drawn on `host`'s lane. */
export interface OutageSpan {
  readonly kind: 'host' | 'link';
  readonly id: string;
  readonly host: HostId;
  readonly seq: number;
  readonly endSeq: number | null;
  readonly from: number;
  readonly to: number;
}

/** LinePoint is a protocol line on a connection. */
export interface LinePoint {
  readonly seq: number;
  readonly t: number;
  readonly conn: ConnId;
  readonly from: 'client' | 'server';
}

/** GlyphPoint is a point event on a lane. */
export interface GlyphPoint {
  readonly seq: number;
  readonly t: number;
  readonly host: HostId;
  readonly glyph: GlyphKind;
}

/** TimelineModel is everything about a trace the timeline needs, before a window and a size are chosen. */
export interface TimelineModel {
  readonly lanes: readonly LaneSpec[];
  readonly domain: TimeWindow;
  /** scale maps time to scale units, with breaks for long quiet spells; `scale.y` is the unit position. */
  readonly scale: CompressedTimeScale;
  readonly conns: readonly ConnSpan[];
  readonly outages: readonly OutageSpan[];
  /** lines and glyphs are in trace order, which is also time order. */
  readonly lines: readonly LinePoint[];
  readonly glyphs: readonly GlyphPoint[];
  /** runs are messages retried again and again, which the layout folds when their tries crowd together. */
  readonly runs: readonly RetryRun[];
}

/** Hosts are read in this order: the mail's path first, then the infrastructure it leans on. */
const KIND_RANK: Readonly<Record<HostKind, number>> = {
  'user-agent': 0,
  'mail-server': 0,
  host: 1,
  'dns-server': 2,
  router: 3,
};

/**
 * laneOrder puts hosts in the order mail travels: each sending user agent before its server, then the other
 * servers each followed by their user agents (Alice's PC, crepes.fr, hamburger.edu, Bob's PC), then plain
 * hosts, DNS servers and routers, each group in the scenario's order.
 */
export function laneOrder(scenario: Scenario, trace: readonly TraceEvent[]): HostSpec[] {
  const senders = new Set<HostId>();
  for (const { input } of scenario.inputs) if (input.type === 'mail.send') senders.add(input.host);
  for (const e of trace) if (e.kind === 'ua.submitted') senders.add(e.host);
  const hosts = scenario.hosts;
  const uasOf = (server: HostId) => hosts.filter((h) => h.userAgent?.server === server);
  const sending = (server: HostSpec) => uasOf(server.id).some((ua) => senders.has(ua.id));
  const servers = hosts.filter((h) => (h.kind ?? 'host') === 'mail-server');
  const ordered = [...servers.filter(sending), ...servers.filter((s) => !sending(s))];
  const out: HostSpec[] = [];
  for (const server of ordered) {
    const uas = uasOf(server.id);
    out.push(...(sending(server) ? [...uas, server] : [server, ...uas]));
  }
  const rest = hosts
    .filter((h) => !out.includes(h))
    .map((h, i) => ({ h, i }))
    .sort((a, b) => KIND_RANK[a.h.kind ?? 'host'] - KIND_RANK[b.h.kind ?? 'host'] || a.i - b.i)
    .map(({ h }) => h);
  return [...out, ...rest];
}

/** gapSize is the room a gap takes in scale units, growing with the logarithm of its length. */
function gapSize(gapMs: number): number {
  const S = TIMELINE_SCALE;
  return S.minGap + S.perDoubling * Math.log2(1 + gapMs / S.unitMs);
}

/** timelineModel reads a whole trace once; timelineLayout caches it per trace, so zooming does not redo it. */
export function timelineModel(scenario: Scenario, trace: readonly TraceEvent[]): TimelineModel {
  const lanes = laneSpecs(scenario, trace);
  const onLane = new Set(lanes.map((l) => l.host));
  const domain = traceDomain(trace);
  const scale = traceScale(trace);
  const lives = connLives(trace);
  const conns = stackTracks(lives, domain, scale);
  const outages = outageSpans(trace, scenario, onLane, domain);
  const lines = linePoints(trace, new Set(lives.map((c) => c.conn)));
  const glyphs = glyphPoints(trace, onLane);
  const runs = retryRuns(trace).filter((run) => onLane.has(run.host));
  return { lanes, domain, scale, conns, outages, lines, glyphs, runs };
}

/** laneSpecs names the scenario's hosts as lanes, in laneOrder. */
function laneSpecs(scenario: Scenario, trace: readonly TraceEvent[]): LaneSpec[] {
  return laneOrder(scenario, trace).map((h) => ({
    host: h.id,
    kind: h.kind ?? 'host',
    label: h.label ?? h.id,
  }));
}

/** traceDomain is the time from the first event to the last, never empty. */
export function traceDomain(trace: readonly TraceEvent[]): TimeWindow {
  const first = trace[0]?.t ?? 0;
  const last = trace[trace.length - 1]?.t ?? 0;
  return { from: first, to: Math.max(last, first + 1) };
}

// A trace is appended to in place while a session runs, so a cached scale is only good for the same length.
const scales = new WeakMap<readonly TraceEvent[], { length: number; scale: CompressedTimeScale }>();

/**
 * traceScale is the compressed axis of a whole trace, the one the timeline draws and playback moves along:
 * every event's time in scale units, long quiet spells shrunk (TIMELINE_SCALE). It is cached per trace.
 */
export function traceScale(trace: readonly TraceEvent[]): CompressedTimeScale {
  const hit = scales.get(trace);
  if (hit !== undefined && hit.length === trace.length) return hit.scale;
  const scale = unitScale(trace, traceDomain(trace));
  scales.set(trace, { length: trace.length, scale });
  return scale;
}

/** unitScale places every event's time in scale units, long quiet spells becoming breaks (TIMELINE_SCALE). */
function unitScale(trace: readonly TraceEvent[], domain: TimeWindow): CompressedTimeScale {
  return compressedTimeScale([...trace.map((e) => e.t), domain.to], {
    top: 0,
    rowGap: 0,
    pxPerMs: 0,
    maxGap: 0,
    breakAfterMs: TIMELINE_SCALE.breakAfterMs,
    breakHeight: 0,
    gapSize,
  });
}

/** OpenConn is a connection's life while the trace is read: `closed` once its client's end has closed. */
interface OpenConn {
  seq: number;
  conn: ConnId;
  protocol: Protocol;
  host: HostId;
  peer: HostId;
  port: number;
  t0: number;
  tData: number;
  t1: number;
  closed: boolean;
  error: SocketError | null;
}

/**
 * connLives follows each connection from its first segment: the last segment sent, arrived or dropped (`tData`),
 * its last event of any kind (`t1`), whether its client's end closed, and its first error. Its client, server,
 * port and protocol are those of its `conn.opened`; a connection the trace never describes is left out.
 */
function connLives(trace: readonly TraceEvent[]): OpenConn[] {
  const openings = connOpenings(trace);
  const conns = new Map<ConnId, OpenConn>();
  for (const e of trace) {
    switch (e.kind) {
      case 'tcp.segment': {
        let c = conns.get(e.conn);
        if (c === undefined) {
          const opened = openings.get(e.conn);
          if (opened === undefined) break;
          c = {
            seq: e.seq,
            conn: e.conn,
            protocol: opened.protocol,
            host: opened.client,
            peer: opened.server,
            port: opened.port,
            t0: e.t,
            tData: e.t,
            t1: e.t,
            closed: false,
            error: null,
          };
          conns.set(e.conn, c);
        }
        c.tData = e.t;
        c.t1 = Math.max(c.t1, e.t);
        break;
      }
      case 'tcp.arrived':
      case 'tcp.dropped': {
        const c = conns.get(e.conn);
        if (c === undefined) break;
        c.tData = e.t;
        c.t1 = Math.max(c.t1, e.t);
        break;
      }
      case 'tcp.state': {
        const c = conns.get(e.conn);
        if (c === undefined) break;
        c.t1 = Math.max(c.t1, e.t);
        if (e.host === c.host && e.to === 'CLOSED') c.closed = true;
        break;
      }
      case 'tcp.error': {
        const c = conns.get(e.conn);
        if (c === undefined) break;
        c.t1 = Math.max(c.t1, e.t);
        c.error ??= e.error;
        if (e.host === c.host) c.closed = true;
        break;
      }
      default:
        break;
    }
  }
  return [...conns.values()];
}

/**
 * stackTracks ends each connection (one still open runs to the end of the trace) and puts it on a track of its
 * client's lane: overlapping connections take the lowest free track, judged in scale units so touching bars stack.
 */
function stackTracks(lives: readonly OpenConn[], domain: TimeWindow, scale: CompressedTimeScale): ConnSpan[] {
  const trackEnds = new Map<HostId, number[]>();
  return lives.map((c) => {
    const t1 = c.closed ? c.t1 : domain.to;
    const ends = trackEnds.get(c.host) ?? [];
    trackEnds.set(c.host, ends);
    const u0 = scale.y(c.t0);
    let track = ends.findIndex((end) => end < u0);
    if (track === -1) track = ends.length;
    ends[track] = scale.y(t1) + TIMELINE_SCALE.minGap;
    return {
      seq: c.seq,
      conn: c.conn,
      protocol: c.protocol,
      host: c.host,
      peer: c.peer,
      port: c.port,
      t0: c.t0,
      tData: c.tData,
      t1,
      outcome: c.error !== null ? 'failed' : c.closed ? 'closed' : 'open',
      error: c.error,
      track,
    };
  });
}

/**
 * outageSpans pairs each host or link going down with its coming up (or the end of the trace) and puts the
 * span on the lane of the host, or of each end of the link, in the order the outages began.
 */
function outageSpans(
  trace: readonly TraceEvent[],
  scenario: Scenario,
  onLane: ReadonlySet<HostId>,
  domain: TimeWindow,
): OutageSpan[] {
  const downSince = new Map<string, EventOf<'host.down'> | EventOf<'link.down'>>();
  const outages: OutageSpan[] = [];
  const linkEnds = (id: string) => scenario.links.find((l) => l.id === id)?.between ?? [];
  const closeOutage = (key: string, end: TraceEvent | null) => {
    const down = downSince.get(key);
    if (down === undefined) return;
    downSince.delete(key);
    const hosts = down.kind === 'host.down' ? [down.host] : linkEnds(down.link);
    const id = down.kind === 'host.down' ? down.host : down.link;
    for (const host of hosts)
      if (onLane.has(host))
        outages.push({
          kind: down.kind === 'host.down' ? 'host' : 'link',
          id,
          host,
          seq: down.seq,
          endSeq: end?.seq ?? null,
          from: down.t,
          to: end?.t ?? domain.to,
        });
  };
  for (const e of trace) {
    if (e.kind === 'host.down' && !downSince.has(`host ${e.host}`)) downSince.set(`host ${e.host}`, e);
    else if (e.kind === 'host.up') closeOutage(`host ${e.host}`, e);
    else if (e.kind === 'link.down' && !downSince.has(`link ${e.link}`)) downSince.set(`link ${e.link}`, e);
    else if (e.kind === 'link.up') closeOutage(`link ${e.link}`, e);
  }
  for (const key of [...downSince.keys()]) closeOutage(key, null);
  return outages.sort((a, b) => a.seq - b.seq);
}

/** linePoints lists the protocol lines of the connections drawn, once their first segment has been seen, in trace order. */
function linePoints(trace: readonly TraceEvent[], drawn: ReadonlySet<ConnId>): LinePoint[] {
  const seen = new Set<ConnId>();
  const lines: LinePoint[] = [];
  for (const e of trace) {
    if (e.kind === 'tcp.segment') seen.add(e.conn);
    else if (e.kind === 'app.line' && seen.has(e.conn) && drawn.has(e.conn))
      lines.push({ seq: e.seq, t: e.t, conn: e.conn, from: e.from });
  }
  return lines;
}

/** GLYPH_OF names the glyph of each point event that is drawn on its own host's lane. */
const GLYPH_OF: Partial<Record<TraceEvent['kind'], GlyphKind>> = {
  'ua.submitted': 'submitted',
  'queue.enqueued': 'enqueued',
  'queue.attempt': 'attempt',
  'queue.deferred': 'deferred',
  'queue.warned': 'warned',
  'queue.delivered': 'delivered',
  'queue.bounced': 'bounced',
  'mailbox.stored': 'stored',
};

/**
 * glyphPoints lists the point events drawn on lanes, in trace order: mail's steps on their host's lane, DNS
 * queries on the server asked (a failure where its query was), a lost segment where it was lost or else on
 * its sender's lane. Events of hosts without a lane are left out.
 */
function glyphPoints(trace: readonly TraceEvent[], onLane: ReadonlySet<HostId>): GlyphPoint[] {
  const senderOf = new Map<string, HostId>();
  const dnsLane = new Map<string, HostId>();
  const glyphs: GlyphPoint[] = [];
  const glyph = (e: TraceEvent, host: HostId, kind: GlyphKind) => {
    if (onLane.has(host)) glyphs.push({ seq: e.seq, t: e.t, host, glyph: kind });
  };
  for (const e of trace) {
    if (e.kind === 'tcp.segment') senderOf.set(`${e.conn}#${e.segment}`, e.from.host);
    else if (e.kind === 'tcp.dropped') {
      const lane = onLane.has(e.at) ? e.at : senderOf.get(`${e.conn}#${e.segment}`);
      if (lane !== undefined) glyph(e, lane, 'dropped');
    } else if (e.kind === 'dns.query') {
      const lane = e.server !== null && onLane.has(e.server) ? e.server : e.host;
      dnsLane.set(`${e.host}#${e.id}`, lane);
      glyph(e, lane, 'dns');
    } else if (e.kind === 'dns.failed') glyph(e, dnsLane.get(`${e.host}#${e.id}`) ?? e.host, 'dns-failed');
    else {
      const kind = GLYPH_OF[e.kind];
      if (kind !== undefined && 'host' in e) glyph(e, e.host, kind);
    }
  }
  return glyphs;
}
