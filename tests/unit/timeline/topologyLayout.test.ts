import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import type { Scenario } from '../../../src/sim/scenario.ts';
import { Session } from '../../../src/sim/session.ts';
import { isKind, type TraceEvent } from '../../../src/sim/trace.ts';
import { worldAt, type PacketView } from '../../../src/sim/worldView.ts';
import { scenarioLabels } from '../../../src/ui/i18n/scenarioText.ts';
import { PACKET_LANE_OFFSET, packetMarks, packetPlace } from '../../../src/timeline/packetMarks.ts';
import { queueSummary } from '../../../src/timeline/queueSummary.ts';
import { textWidth } from '../../../src/timeline/textWidth.ts';
import {
  topologyLayout,
  trimmedEnds,
  type HostNode,
  type TopologyLayout,
} from '../../../src/timeline/topologyLayout.ts';

const SIZE = { width: 760, height: 420 };

function scenario(name: string): Scenario {
  const s = builtinScenario(name);
  if (s === undefined) throw new Error(`${name} is missing`);
  return s;
}

function traceOf(s: Scenario): readonly TraceEvent[] {
  const session = new Session(s);
  session.runUntilQuiet(s.until ?? 3_600_000);
  return session.events;
}

function node(layout: TopologyLayout, host: string): HostNode {
  const n = layout.byHost[host];
  if (n === undefined) throw new Error(`no node for ${host}`);
  return n;
}

function overlaps(a: HostNode['box'], b: HostNode['box']): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

describe('topologyLayout of the textbook world', () => {
  const world = scenario('textbook');
  const layout = topologyLayout(world, SIZE);

  it('tells the story left to right: Alice, crepes.fr, the Internet, hamburger.edu, Bob', () => {
    const xs = ['alice-pc', 'crepes.fr', 'internet', 'hamburger.edu', 'bob-pc'].map((h) => node(layout, h).x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(5);
  });

  it('puts every host of the story on one horizontal line', () => {
    const ys = ['alice-pc', 'crepes.fr', 'internet', 'hamburger.edu', 'bob-pc'].map((h) => node(layout, h).y);
    expect(new Set(ys).size).toBe(1);
  });

  it('hangs the DNS server above the Internet', () => {
    const dns = node(layout, 'ns.example');
    const internet = node(layout, 'internet');
    expect(dns.band).toBe('sky');
    expect(dns.x).toBe(internet.x);
    expect(dns.box.y1).toBeLessThan(internet.box.y0);
  });

  it('places the hosts at the same positions every time', () => {
    expect(topologyLayout(world, SIZE)).toEqual(layout);
    const positions = Object.fromEntries(layout.nodes.map((n) => [n.host, [n.x, n.y]]));
    expect(positions).toMatchInlineSnapshot(`
      {
        "alice-pc": [
          70,
          186.5,
        ],
        "bob-pc": [
          690,
          186.5,
        ],
        "crepes.fr": [
          222,
          186.5,
        ],
        "hamburger.edu": [
          538,
          186.5,
        ],
        "internet": [
          380,
          186.5,
        ],
        "ns.example": [
          380,
          96.5,
        ],
      }
    `);
  });

  it('draws each link between the edges of its two icons, with its label above a flat line', () => {
    const link = layout.links.find((l) => l.link === 'crepes.fr--internet');
    expect(link).toBeDefined();
    if (link === undefined) return;
    expect(link.x1).toBeGreaterThan(node(layout, 'crepes.fr').x);
    expect(link.x2).toBeLessThan(node(layout, 'internet').x);
    expect(link.label.y).toBeLessThan(link.y1);
    expect(link.label.anchor).toBe('middle');
    expect(link.latency).toBe(20);
  });

  it('gives a mail server its queue and mailboxes under its name', () => {
    expect(node(layout, 'crepes.fr').partsY).toBeGreaterThan(0);
    expect(node(layout, 'internet').partsY).toBeNull();
  });
});

describe('topologyLayout of other worlds', () => {
  it.each(['textbook', 'outage', 'mixed', 'tcp-demo'])(
    'keeps every host of %s inside the view, none overlapping',
    (name) => {
      const layout = topologyLayout(scenario(name), SIZE);
      for (const n of layout.nodes) {
        expect(n.box.x0).toBeGreaterThanOrEqual(0);
        expect(n.box.y0).toBeGreaterThanOrEqual(0);
        expect(n.box.x1).toBeLessThanOrEqual(layout.width);
        expect(n.box.y1).toBeLessThanOrEqual(SIZE.height);
      }
      for (const [i, a] of layout.nodes.entries())
        for (const b of layout.nodes.slice(i + 1))
          expect(overlaps(a.box, b.box), `${a.host} and ${b.host}`).toBe(false);
    },
  );

  for (const language of ['en', 'ko'] as const) {
    it.each(['webmail', 'webmail-send', 'push-vs-pull'])(
      `gives every name under a host of %s room of its own in ${language}, hamburger.edu apart from its webmail`,
      (name) => {
        const world = scenario(name);
        const names = scenarioLabels(world, language).hosts;
        const layout = topologyLayout(world, SIZE, names);
        for (const n of layout.nodes.filter((n) => n.band === 'main')) {
          const label = names[n.host] ?? n.host;
          // TopologyHost draws the name in bold 13 px, centred under the icon.
          expect(n.box.x1 - n.box.x0, n.host).toBeGreaterThan(textWidth(label, 13));
          expect(n.box.x1 - n.box.x0, n.host).toBeGreaterThan(textWidth(n.host, 10.5));
        }
        for (const [i, a] of layout.nodes.entries())
          for (const b of layout.nodes.slice(i + 1))
            expect(overlaps(a.box, b.box), `${a.host} and ${b.host}`).toBe(false);
        const webmail = node(layout, 'webmail.hamburger.edu');
        const server = node(layout, 'hamburger.edu');
        expect(webmail.x - server.x).toBeGreaterThan(
          (textWidth('webmail.hamburger.edu', 13) + textWidth('hamburger.edu', 13)) / 2,
        );
      },
    );
  }

  it('widens the drawing only when the names need more than the view has', () => {
    const world = scenario('webmail');
    expect(topologyLayout(world, SIZE, {}).width).toBeGreaterThan(SIZE.width);
    expect(topologyLayout(scenario('textbook'), SIZE).width).toBe(SIZE.width);
    const long = Object.fromEntries(world.hosts.map((h) => [h.id, 'x'.repeat(60)]));
    expect(topologyLayout(world, SIZE, long).width).toBeGreaterThan(topologyLayout(world, SIZE).width);
  });

  it('stacks the three recipient servers of the mixed world in one column, Bob beside his own server', () => {
    const layout = topologyLayout(scenario('mixed'), SIZE);
    const hamburger = node(layout, 'hamburger.edu');
    const bratwurst = node(layout, 'bratwurst.de');
    expect(bratwurst.x).toBe(hamburger.x);
    expect(bratwurst.y).toBeGreaterThan(hamburger.y);
    expect(node(layout, 'bob-pc').y).toBe(hamburger.y);
    // The upper server turns its queue upwards so the link from the Internet reaches it without crossing it.
    expect(hamburger.partsY).toBeLessThan(0);
    expect(bratwurst.partsY).toBeGreaterThan(0);
  });

  it('sets the two hosts of the TCP demonstration at either end of one line', () => {
    const layout = topologyLayout(scenario('tcp-demo'), SIZE);
    const alice = node(layout, 'alice-pc');
    const server = node(layout, 'hamburger.edu');
    expect(alice.y).toBe(server.y);
    expect(alice.x).toBeLessThan(SIZE.width / 4);
    expect(server.x).toBeGreaterThan((SIZE.width * 3) / 4);
  });

  it('uses the extra width of a wider view', () => {
    const narrow = topologyLayout(scenario('textbook'), SIZE);
    const wide = topologyLayout(scenario('textbook'), { width: 1000, height: 420 });
    expect(node(wide, 'bob-pc').x - node(wide, 'alice-pc').x).toBeGreaterThan(
      node(narrow, 'bob-pc').x - node(narrow, 'alice-pc').x,
    );
  });
});

describe('packetPlace', () => {
  const world = scenario('textbook');
  const layout = topologyLayout(world, SIZE);
  const packet: PacketView = {
    kind: 'tcp',
    id: 1,
    seq: 0,
    conn: 'c1',
    from: 'crepes.fr',
    to: 'hamburger.edu',
    path: ['crepes.fr', 'internet', 'hamburger.edu'],
    sentAt: 1000,
    bytes: 40,
  };
  const firstHop = trimmedEnds(node(layout, 'crepes.fr'), node(layout, 'internet'));
  const secondHop = trimmedEnds(node(layout, 'internet'), node(layout, 'hamburger.edu'));

  it('starts a packet at the edge of its sender', () => {
    const place = packetPlace(world, layout, packet, 1000);
    expect(place).toMatchObject({ hop: 0, along: 0, link: 'crepes.fr--internet' });
    expect(place.x).toBeCloseTo(firstHop.x1, 0);
  });

  it('moves it along each hop in proportion to the time over the link’s latency', () => {
    const quarter = packetPlace(world, layout, packet, 1005);
    expect(quarter.hop).toBe(0);
    expect(quarter.along).toBeCloseTo(0.25);
    expect(quarter.x).toBeCloseTo(firstHop.x1 + (firstHop.x2 - firstHop.x1) * 0.25, 0);
    const second = packetPlace(world, layout, packet, 1030);
    expect(second).toMatchObject({ hop: 1, link: 'internet--hamburger.edu' });
    expect(second.along).toBeCloseTo(0.5);
    expect(second.x).toBeCloseTo((secondHop.x1 + secondHop.x2) / 2, 0);
  });

  it('rests it at the end of its path once its time is up', () => {
    const late = packetPlace(world, layout, packet, 5000);
    expect(late).toMatchObject({ hop: 1, along: 1 });
    expect(late.x).toBeCloseTo(secondHop.x2, 0);
  });

  it('keeps packets going opposite ways in opposite lanes', () => {
    const there = packetPlace(world, layout, packet, 1010);
    const back = packetPlace(
      world,
      layout,
      { ...packet, from: 'hamburger.edu', to: 'crepes.fr', path: ['hamburger.edu', 'internet', 'crepes.fr'] },
      1030,
    );
    expect(there.y - firstHop.y1).toBeCloseTo(PACKET_LANE_OFFSET);
    expect(back.y - firstHop.y1).toBeCloseTo(-PACKET_LANE_OFFSET);
    expect(there.forward).toBe(true);
    expect(back.forward).toBe(false);
  });
});

describe('packetMarks in the textbook trace', () => {
  const world = scenario('textbook');
  const trace = traceOf(world);
  const layout = topologyLayout(world, SIZE);
  const relayed = trace
    .filter(isKind('tcp.segment'))
    .find((e) => e.from.host === 'crepes.fr' && e.payload.includes('Subject: Lunch'));

  it('draws the message’s content leaving crepes.fr as an envelope on the link to the Internet', () => {
    expect(relayed).toBeDefined();
    if (relayed === undefined) return;
    const marks = packetMarks(world, layout, worldAt(world, trace, relayed.seq));
    const envelope = marks.find((m) => m.shape === 'envelope');
    expect(envelope).toMatchObject({ link: 'crepes.fr--internet', hop: 0 });
    // The message's lines leave in one write, as a real client's buffered output does, so one segment carries
    // this short message: one mark, counting one segment.
    expect(envelope?.count).toBe(1);
  });

  it('places it halfway to the Internet ten milliseconds later', () => {
    if (relayed === undefined) return;
    const marks = packetMarks(world, layout, worldAt(world, trace, relayed.seq), relayed.t + 10);
    expect(marks.find((m) => m.shape === 'envelope')?.along).toBeCloseTo(0.5);
  });

  it('draws the handshake as plain segments and the MX lookup as DNS', () => {
    const syn = trace.filter(isKind('tcp.segment')).find((e) => e.flags.includes('SYN'));
    const query = trace.find(isKind('udp.datagram'));
    if (syn === undefined || query === undefined) throw new Error('the trace has no SYN or no DNS query');
    const atSyn = packetMarks(world, layout, worldAt(world, trace, syn.seq));
    expect(atSyn.find((m) => m.packet.seq === syn.seq)?.shape).toBe('segment');
    const atQuery = packetMarks(world, layout, worldAt(world, trace, query.seq));
    expect(atQuery.find((m) => m.packet.seq === query.seq)?.shape).toBe('dns');
  });
});

describe('queueSummary in the outage', () => {
  const world = scenario('outage');
  const trace = traceOf(world);

  it('reads a deferred message as waiting, with its attempts and next retry', () => {
    const deferred = trace.filter(isKind('queue.deferred'))[1];
    if (deferred === undefined) throw new Error('the outage has fewer than two deferrals');
    const entry = worldAt(world, trace, deferred.seq).queues['crepes.fr']?.[0];
    if (entry === undefined) throw new Error('crepes.fr has no queued message');
    expect(queueSummary(entry)).toEqual({
      state: 'waiting',
      attempts: 2,
      nextAttemptAt: deferred.nextAttemptAt,
    });
  });

  it('reads a message under an attempt as being tried', () => {
    const attempt = trace.filter(isKind('queue.attempt'))[2];
    if (attempt === undefined) throw new Error('the outage has fewer than three attempts');
    const entry = worldAt(world, trace, attempt.seq).queues['crepes.fr']?.[0];
    if (entry === undefined) throw new Error('crepes.fr has no queued message');
    expect(queueSummary(entry)).toMatchObject({ state: 'trying', attempts: 3 });
  });
});
