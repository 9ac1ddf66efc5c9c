import { describe, expect, it } from 'vitest';
import { Retransmission, type RetransmissionTuning } from '../../../src/net/retransmission.ts';
import { Kernel } from '../../../src/sim/kernel.ts';

const tuning: RetransmissionTuning = {
  initialRtoMs: 1000,
  minRtoMs: 10,
  maxRtoMs: 60_000,
  synRetries: 2,
  dataRetries: 3,
};

interface Resent {
  readonly t: number;
  readonly seq: number;
  readonly payload: string;
}

// A queue on a bare kernel that does what TcpEndpoint does on expiry: resend the oldest segment, or give up.
function queue(overrides: Partial<RetransmissionTuning> = {}) {
  const kernel = new Kernel(1);
  const resent: Resent[] = [];
  const gaveUp: number[] = [];
  const rt: Retransmission = new Retransmission(kernel, { ...tuning, ...overrides }, () => {
    if (rt.exhausted()) gaveUp.push(kernel.now());
    else rt.resendHead((s) => resent.push({ t: kernel.now(), seq: s.seq, payload: s.payload }));
  });
  return { kernel, rt, resent, gaveUp };
}

describe('retransmission', () => {
  it('resends the oldest unacknowledged segment when the timer expires', () => {
    const { kernel, rt, resent } = queue();
    rt.track(100, 'abc', null);
    rt.track(103, 'def', null);
    kernel.runUntil(999);
    expect(resent).toEqual([]);
    kernel.runUntil(1000);
    expect(resent).toEqual([{ t: 1000, seq: 100, payload: 'abc' }]);
  });

  it('doubles the timeout after each expiry, then gives up after the data retries', () => {
    const { kernel, rt, resent, gaveUp } = queue();
    rt.track(100, 'abc', null);
    kernel.runUntil(100_000);
    expect(resent.map((r) => r.t)).toEqual([1000, 3000, 7000]);
    expect(gaveUp).toEqual([15_000]);
  });

  it('gives a SYN the SYN retries instead', () => {
    const { kernel, rt, resent, gaveUp } = queue();
    rt.track(100, '', 'SYN');
    kernel.runUntil(100_000);
    expect(resent.map((r) => r.t)).toEqual([1000, 3000]);
    expect(gaveUp).toEqual([7000]);
  });

  it('drops only the segments an acknowledgement covers whole', () => {
    const { kernel, rt, resent } = queue();
    rt.track(100, 'abc', null);
    rt.track(103, 'def', null);
    rt.acknowledge(105);
    kernel.runUntil(100_000);
    expect(resent[0]?.seq).toBe(103);
  });

  it('counts a SYN as one sequence number, so an acknowledgement must pass it', () => {
    const { kernel, rt, resent } = queue();
    rt.track(100, '', 'SYN');
    rt.acknowledge(100);
    kernel.runUntil(1000);
    expect(resent.map((r) => r.seq)).toEqual([100]);
  });

  it('leaves no timer behind once everything, FIN included, is acknowledged', () => {
    const { kernel, rt, resent } = queue();
    rt.track(100, 'abc', null);
    rt.track(103, '', 'FIN');
    kernel.runUntil(500);
    rt.acknowledge(104);
    expect(kernel.pending).toBe(0);
    kernel.runUntil(100_000);
    expect(resent).toEqual([]);
  });

  it('times the round trip of a segment sent once and shortens the timeout to match', () => {
    const { kernel, rt, resent } = queue();
    kernel.runUntil(50);
    rt.track(100, 'abc', null);
    kernel.runUntil(150);
    rt.acknowledge(103);
    rt.track(103, 'def', null);
    kernel.runUntil(100_000);
    // One 100 ms sample: SRTT 100, RTTVAR 50, RTO 300.
    expect(resent[0]?.t).toBe(150 + 300);
  });

  it('takes no round-trip sample from a segment that was resent (Karn’s rule)', () => {
    const { kernel, rt, resent } = queue();
    rt.track(100, 'abc', null);
    kernel.runUntil(1100);
    rt.acknowledge(103);
    rt.track(103, 'def', null);
    kernel.runUntil(100_000);
    expect(resent.map((r) => r.t).slice(0, 2)).toEqual([1000, 1100 + 1000]);
  });

  it('forgets the backoff when new data is acknowledged', () => {
    const { kernel, rt, resent } = queue();
    rt.track(100, 'a', null);
    rt.track(101, 'b', null);
    kernel.runUntil(1500);
    rt.acknowledge(101);
    kernel.runUntil(100_000);
    expect(resent.map((r) => `${r.t}:${r.payload}`).slice(0, 2)).toEqual(['1000:a', '2500:b']);
  });

  it('sends nothing more once stopped', () => {
    const { kernel, rt, resent, gaveUp } = queue();
    rt.track(100, 'abc', null);
    rt.stop();
    kernel.runUntil(100_000);
    expect(resent).toEqual([]);
    expect(gaveUp).toEqual([]);
  });

  it('knows whether our SYN still waits for its acknowledgement', () => {
    const { rt } = queue();
    expect(rt.hasSyn()).toBe(false);
    rt.track(100, '', 'SYN');
    expect(rt.hasSyn()).toBe(true);
    rt.acknowledge(101);
    expect(rt.hasSyn()).toBe(false);
  });
});
