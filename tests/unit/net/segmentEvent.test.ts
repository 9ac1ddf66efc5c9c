// A tcp.segment event keeps what the segment carried without a copy of its own for each segment: the trace of a
// classroom world holds tens of thousands of them (issue 12's compact trace).
import { describe, expect, it } from 'vitest';
import { twoHosts } from './netHarness.ts';

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
});
