// A tcp.segment event keeps what the segment carried without a copy of its own for each segment: the trace of a
// classroom world holds tens of thousands of them (issue 12's compact trace).
import { describe, expect, it } from 'vitest';
import { flagSet } from '../../../src/net/types.ts';
import { twoHosts } from './netHarness.ts';

describe('flagSet', () => {
  it('lists the bits in the order segments show them, whatever order they were given in', () => {
    expect(flagSet(['FIN', 'ACK'])).toEqual(['ACK', 'FIN']);
    expect(flagSet(['RST', 'ACK', 'SYN'])).toEqual(['SYN', 'ACK', 'RST']);
    expect(flagSet([])).toEqual([]);
  });

  it('gives the same frozen array for the same bits', () => {
    expect(flagSet(['ACK', 'PSH'])).toBe(flagSet(['PSH', 'ACK', 'PSH']));
    expect(Object.isFrozen(flagSet(['SYN']))).toBe(true);
  });
});

describe('the tcp.segment events of a connection', () => {
  it('share one frozen flags array between all segments with the same flags', () => {
    const h = twoHosts();
    const socket = h.net.connect('client', '192.0.2.2', 80);
    socket.write('one');
    h.kernel.runUntil(1000);
    socket.write('two');
    h.kernel.runUntil(2000);
    const pushes = h.segments().filter((s) => s.flags.join() === 'ACK,PSH');
    expect(pushes.length).toBeGreaterThanOrEqual(2);
    expect(pushes[1]?.flags).toBe(pushes[0]?.flags);
    expect(Object.isFrozen(pushes[0]?.flags)).toBe(true);
    expect(h.segments().map((s) => s.flags.join())).toContain('SYN,ACK');
  });

  it('share one frozen path and one frozen pair of endpoints between all segments of a connection', () => {
    const h = twoHosts();
    const socket = h.net.connect('client', '192.0.2.2', 80);
    socket.write('one');
    h.kernel.runUntil(1000);
    const fromClient = h.segments().filter((s) => s.from.host === 'client');
    expect(fromClient.length).toBeGreaterThanOrEqual(3);
    const [first, second] = fromClient;
    expect(second?.path).toBe(first?.path);
    expect(second?.from).toBe(first?.from);
    expect(second?.to).toBe(first?.to);
    for (const shared of [first?.path, first?.from, first?.to, first?.flags])
      expect(Object.isFrozen(shared)).toBe(true);
  });

  it('cannot be changed by a reader through what it shares with other segments', () => {
    const h = twoHosts();
    const socket = h.net.connect('client', '192.0.2.2', 80);
    socket.write('one');
    h.kernel.runUntil(1000);
    const [first, second] = h.segments().filter((s) => s.from.host === 'client');
    // Test modules run in strict mode, where writing to a frozen object throws instead of doing nothing.
    expect(() => (first?.path as string[]).push('elsewhere')).toThrow(TypeError);
    expect(() => (first?.flags as string[]).splice(0, 1)).toThrow(TypeError);
    expect(() => {
      (first?.from as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(second?.path).toEqual(['client', 'server']);
    expect(first?.flags).toEqual(['SYN']);
    expect(second?.from.port).toBe(first?.from.port);
    expect(second?.from.port).not.toBe(1);
  });
});
