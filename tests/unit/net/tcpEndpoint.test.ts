import { describe, expect, it } from 'vitest';
import { seqAdd } from '../../../src/net/sequenceNumbers.ts';
import { record, twoHosts } from './netHarness.ts';

describe('TCP connection establishment', () => {
  it('opens with a three-way handshake: SYN, SYN-ACK, then ACK', () => {
    const h = twoHosts();
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(1000);
    const [syn, synAck, ack] = h.segments();
    expect(syn?.flags).toEqual(['SYN']);
    expect(synAck?.flags).toEqual(['SYN', 'ACK']);
    expect(synAck?.ackNo).toBe(seqAdd(syn?.seqNo ?? 0, 1));
    expect(ack?.flags).toEqual(['ACK']);
    expect(ack?.ackNo).toBe(seqAdd(synAck?.seqNo ?? 0, 1));
    expect(client.events).toEqual(['connected']);
    expect(h.accepted).toHaveLength(1);
    expect(h.states('client')).toEqual(['SYN-SENT', 'ESTABLISHED']);
    expect(h.states('server')).toEqual(['SYN-RECEIVED', 'ESTABLISHED']);
  });

  it('announces the maximum segment size on SYN segments only', () => {
    const h = twoHosts({ tcp: { mss: 100 } });
    h.net.connect('client', '192.0.2.2', 80);
    h.kernel.runUntil(1000);
    const [syn, synAck, ack] = h.segments();
    expect(syn?.mss).toBe(100);
    expect(synAck?.mss).toBe(100);
    expect(ack?.mss).toBeUndefined();
  });

  it('answers a SYN to a port nobody listens on with RST, which the client sees as refused', () => {
    const h = twoHosts({ listen: null });
    const client = record(h.net.connect('client', '192.0.2.2', 25));
    h.kernel.runUntil(1000);
    expect(h.segments().map((s) => s.flags.join(','))).toEqual(['SYN', 'ACK,RST']);
    expect(client.error).toBe('refused');
    expect(client.socket.state()).toBe('CLOSED');
  });

  it('gives up with a timeout after the SYN retries when the server is down', () => {
    const h = twoHosts({ tcp: { synRetries: 4 } });
    h.net.setHostUp('server', false);
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(120_000);
    const syns = h.segments();
    expect(syns.map((s) => s.t)).toEqual([0, 1000, 3000, 7000, 15000]);
    expect(syns.slice(1).every((s) => s.retransmission)).toBe(true);
    expect(client.error).toBe('timeout');
    expect(h.kernel.now()).toBe(120_000);
    expect(h.kernel.trace.slice().filter((e) => e.kind === 'tcp.error')[0]?.t).toBe(31_000);
  });

  it('also times out when the link between the hosts is cut', () => {
    const h = twoHosts();
    h.net.setLinkUp('wire', false);
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(120_000);
    expect(client.error).toBe('timeout');
    expect(
      h.kernel.trace
        .slice()
        .filter((e) => e.kind === 'tcp.dropped')
        .every((e) => e.reason === 'link-down'),
    ).toBe(true);
  });
});

describe('TCP data transfer', () => {
  it('splits a large write into segments no bigger than the MSS and delivers it whole', () => {
    const h = twoHosts({ tcp: { mss: 536 } });
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    const message = 'x'.repeat(2000);
    client.socket.write(message);
    h.kernel.runUntil(5000);
    const data = h.segments().filter((s) => s.bytes > 0);
    expect(data.map((s) => s.bytes)).toEqual([536, 536, 536, 392]);
    expect(h.accepted[0]?.received).toBe(message);
  });

  it('carries data both ways and acknowledges each byte', () => {
    const h = twoHosts();
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    client.socket.write('HELO crepes.fr\r\n');
    h.kernel.runUntil(100);
    h.accepted[0]?.socket.write('250 Hello crepes.fr, pleased to meet you\r\n');
    h.kernel.runUntil(1000);
    expect(h.accepted[0]?.received).toBe('HELO crepes.fr\r\n');
    expect(client.received).toBe('250 Hello crepes.fr, pleased to meet you\r\n');
    const reply = h.segments().find((s) => s.from.host === 'server' && s.bytes > 0);
    const last = h.segments().at(-1);
    expect(last?.flags).toEqual(['ACK']);
    expect(last?.ackNo).toBe(seqAdd(reply?.seqNo ?? 0, reply?.bytes ?? 0));
  });

  it('delays a pure acknowledgement 200 ms, when nothing of its own goes back to carry it', () => {
    const h = twoHosts();
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(100);
    client.socket.write('NOOP\r\n');
    h.kernel.runUntil(1000);
    const [data, ack] = h.segments().filter((s) => s.t >= 100);
    expect(data?.flags).toEqual(['ACK', 'PSH']);
    expect(ack?.flags).toEqual(['ACK']);
    expect(ack?.from.host).toBe('server');
    // Sent at 100, arrived at 110 over the 10 ms link, acknowledged 200 ms later.
    expect(ack?.t).toBe(310);
  });

  it('acknowledges every second full-sized segment at once, without waiting', () => {
    const h = twoHosts({ tcp: { mss: 100 } });
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(100);
    client.socket.write('x'.repeat(400));
    h.kernel.runUntil(1000);
    const acks = h.segments().filter((s) => s.from.host === 'server' && s.t >= 100);
    expect(acks.map((s) => s.t)).toEqual([110, 110]);
    expect(acks.map((s) => s.ackNo - (h.segments()[0]?.seqNo ?? 0) - 1)).toEqual([200, 400]);
  });

  it('acknowledges a segment out of order at once, so the sender learns of the gap', () => {
    const h = twoHosts({ tcp: { mss: 100 }, seed: 3 });
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(100);
    h.net.setLinkUp('wire', false);
    client.socket.write('a'.repeat(100));
    h.kernel.runUntil(101);
    h.net.setLinkUp('wire', true);
    client.socket.write('b'.repeat(50));
    h.kernel.runUntil(200);
    const dupAck = h.segments().find((s) => s.from.host === 'server' && s.t > 100);
    expect(dupAck?.t).toBe(111);
    expect(dupAck?.ackNo).toBe(seqAdd(h.segments()[0]?.seqNo ?? 0, 1));
  });

  it('piggybacks the acknowledgement on a reply written straight away', () => {
    const h = twoHosts();
    h.net.unlisten('server', 80);
    h.net.listen('server', 80, (socket) => socket.onEvent((e) => e.type === 'data' && socket.write(e.data)));
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    client.socket.write('ping\r\n');
    h.kernel.runUntil(1000);
    const fromServer = h.segments().filter((s) => s.from.host === 'server');
    expect(fromServer.map((s) => s.flags.join(','))).toEqual(['SYN,ACK', 'ACK,PSH']);
    expect(client.received).toBe('ping\r\n');
  });

  it('retransmits a lost segment after the timeout and still delivers in order', () => {
    const h = twoHosts();
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(100);
    h.net.setLinkUp('wire', false);
    client.socket.write('lost then found\r\n');
    h.kernel.runUntil(200);
    h.net.setLinkUp('wire', true);
    h.kernel.runUntil(5000);
    const copies = h.segments().filter((s) => s.bytes > 0);
    expect(copies.length).toBe(2);
    expect(copies[1]?.retransmission).toBe(true);
    expect(copies[1]?.t).toBe(100 + 1000);
    expect(h.accepted[0]?.received).toBe('lost then found\r\n');
  });

  it('doubles the retransmission timeout after each loss, then gives up and reports a timeout', () => {
    const h = twoHosts({ tcp: { dataRetries: 3 } });
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(100);
    h.net.setHostUp('server', false);
    client.socket.write('anyone there?\r\n');
    h.kernel.runUntil(60_000);
    const times = h
      .segments()
      .filter((s) => s.bytes > 0)
      .map((s) => s.t - 100);
    expect(times).toEqual([0, 1000, 3000, 7000]);
    expect(client.error).toBe('timeout');
  });

  it('resets a connection whose peer restarted and forgot it', () => {
    const h = twoHosts();
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(100);
    h.net.setHostUp('server', false);
    h.net.setHostUp('server', true);
    client.socket.write('still there?\r\n');
    h.kernel.runUntil(1000);
    expect(h.segments().at(-1)?.flags).toEqual(['RST']);
    expect(client.error).toBe('reset');
  });
});

describe('TCP connection release', () => {
  it('closes from the client: FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT, then CLOSED after 2 MSL', () => {
    const h = twoHosts({ tcp: { timeWaitMs: 60_000 } });
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(100);
    client.socket.close();
    h.kernel.runUntil(200);
    h.accepted[0]?.socket.close();
    h.kernel.runUntil(100_000);
    expect(h.states('client')).toEqual([
      'SYN-SENT',
      'ESTABLISHED',
      'FIN-WAIT-1',
      'FIN-WAIT-2',
      'TIME-WAIT',
      'CLOSED',
    ]);
    expect(h.states('server')).toEqual(['SYN-RECEIVED', 'ESTABLISHED', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSED']);
    expect(h.accepted[0]?.events).toEqual(['end', 'closed']);
    expect(client.events).toEqual(['connected', 'end', 'closed']);
  });

  it('closes from the server the same way, with the roles swapped', () => {
    const h = twoHosts();
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(100);
    h.accepted[0]?.socket.close();
    h.kernel.runUntil(200);
    client.socket.close();
    h.kernel.runUntil(100_000);
    expect(h.states('server').slice(2)).toEqual(['FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'CLOSED']);
    expect(h.states('client').slice(2)).toEqual(['CLOSE-WAIT', 'LAST-ACK', 'CLOSED']);
  });

  it('goes through CLOSING when both sides close at once', () => {
    const h = twoHosts();
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(100);
    client.socket.close();
    h.accepted[0]?.socket.close();
    h.kernel.runUntil(100_000);
    for (const host of ['client', 'server'])
      expect(h.states(host).slice(2)).toEqual(['FIN-WAIT-1', 'CLOSING', 'TIME-WAIT', 'CLOSED']);
  });

  it('sends a last reply and the close as one segment, when the application closes as it answers', () => {
    const h = twoHosts();
    h.net.unlisten('server', 80);
    h.net.listen('server', 80, (socket) =>
      socket.onEvent((e) => {
        if (e.type !== 'data') return;
        socket.write('221 Bye\r\n');
        socket.close();
      }),
    );
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(100);
    client.socket.write('QUIT\r\n');
    h.kernel.runUntil(100_000);
    const fromServer = h.segments().filter((s) => s.from.host === 'server' && s.t >= 100);
    expect(fromServer[0]?.flags).toEqual(['ACK', 'PSH', 'FIN']);
    expect(client.received).toBe('221 Bye\r\n');
  });

  it('closes as the book does when the client closes on reading the server’s last reply and FIN', () => {
    const h = twoHosts();
    h.net.unlisten('server', 80);
    h.net.listen('server', 80, (socket) =>
      socket.onEvent((e) => {
        if (e.type !== 'data') return;
        socket.write('221 Bye\r\n');
        socket.close();
      }),
    );
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    client.socket.onEvent((e) => e.type === 'data' && client.socket.close());
    h.kernel.runUntil(100);
    client.socket.write('QUIT\r\n');
    h.kernel.runUntil(100_000);
    expect(h.states('server').slice(2)).toEqual(['FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'CLOSED']);
    expect(h.states('client').slice(2)).toEqual(['CLOSE-WAIT', 'LAST-ACK', 'CLOSED']);
    // The client's FIN carries its ACK of the server's: three segments close the connection, not four.
    const closing = h.segments().filter((s) => s.t > 100 && s.bytes === 0);
    expect(closing.map((s) => `${s.from.host}:${s.flags.join(',')}`)).toEqual([
      'client:ACK,FIN',
      'server:ACK',
    ]);
    // The application reads the reply first and hears `end` after it, though the FIN came in the same segment.
    expect(client.events).toEqual(['connected', 'data', 'end', 'closed']);
  });

  it('sends written data before the FIN', () => {
    const h = twoHosts({ tcp: { mss: 10 } });
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(100);
    client.socket.write('QUIT and then some more\r\n');
    client.socket.close();
    h.kernel.runUntil(5000);
    const fromClient = h
      .segments()
      .filter((s) => s.from.host === 'client' && (s.bytes > 0 || s.flags.includes('FIN')));
    expect(fromClient.at(-1)?.flags).toContain('FIN');
    expect(h.accepted[0]?.received).toBe('QUIT and then some more\r\n');
    expect(h.accepted[0]?.events.at(-1)).toBe('end');
  });

  it('abandons a connection closed while its SYN is unanswered, as RFC 793 says for SYN-SENT', () => {
    const h = twoHosts();
    h.net.setHostUp('server', false);
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(500);
    client.socket.close();
    h.kernel.runUntil(60_000);
    expect(h.segments()).toHaveLength(1);
    expect(client.events).toEqual(['closed']);
  });

  it('aborts with RST, and the peer sees a reset', () => {
    const h = twoHosts();
    const client = record(h.net.connect('client', '192.0.2.2', 80));
    h.kernel.runUntil(100);
    client.socket.abort();
    h.kernel.runUntil(200);
    expect(h.segments().at(-1)?.flags).toContain('RST');
    expect(h.accepted[0]?.error).toBe('reset');
  });
});
