import { describe, expect, it } from 'vitest';
import { Reassembly } from '../../../src/net/reassembly.ts';

// The peer's SYN is at 99, so its first octet is sequence number 100.
function afterSyn(window = 65535): Reassembly {
  const r = new Reassembly(window);
  r.synchronize(99);
  return r;
}

describe('reassembly', () => {
  it('expects the octet just after the peer’s SYN', () => {
    expect(afterSyn().rcvNxt).toBe(100);
  });

  it('delivers bytes that arrive in order straight away', () => {
    const r = afterSyn();
    expect(r.accept(100, 'abc', false)).toEqual({ data: 'abc', fin: false });
    expect(r.rcvNxt).toBe(103);
  });

  it('delivers bytes that arrive out of order once the gap is filled', () => {
    const r = afterSyn();
    expect(r.accept(106, 'ghi', false)).toEqual({ data: '', fin: false });
    expect(r.accept(103, 'def', false)).toEqual({ data: '', fin: false });
    expect(r.rcvNxt).toBe(100);
    expect(r.accept(100, 'abc', false)).toEqual({ data: 'abcdefghi', fin: false });
    expect(r.rcvNxt).toBe(109);
  });

  it('delivers only the new octets of a retransmission that overlaps what was delivered', () => {
    const r = afterSyn();
    r.accept(100, 'abc', false);
    expect(r.accept(101, 'bcde', false).data).toBe('de');
    expect(r.rcvNxt).toBe(105);
  });

  it('delivers nothing twice when a whole segment arrives again', () => {
    const r = afterSyn();
    r.accept(100, 'abc', false);
    expect(r.accept(100, 'abc', false)).toEqual({ data: '', fin: false });
    expect(r.rcvNxt).toBe(103);
  });

  it('keeps the first copy of an early segment when another copy arrives before the gap fills', () => {
    const r = afterSyn();
    r.accept(103, 'def', false);
    r.accept(103, 'XYZ', false);
    expect(r.accept(100, 'abc', false).data).toBe('abcdef');
  });

  it('reports the FIN only once every octet before it has arrived, and counts it in RCV.NXT', () => {
    const r = afterSyn();
    expect(r.accept(103, 'def', true)).toEqual({ data: '', fin: false });
    expect(r.accept(100, 'abc', false)).toEqual({ data: 'abcdef', fin: true });
    expect(r.rcvNxt).toBe(107);
  });

  it('forgets whatever waited beyond the FIN', () => {
    const r = afterSyn();
    r.accept(106, 'zzz', false);
    expect(r.accept(100, 'abc', true)).toEqual({ data: 'abc', fin: true });
    expect(r.accept(104, 'xy', false).data).toBe('xy');
  });

  it('puts the stream back together across the wrap of the sequence space', () => {
    const r = new Reassembly(65535);
    r.synchronize(0xffff_fffe);
    expect(r.accept(0, 'bc', false).data).toBe('');
    expect(r.accept(0xffff_ffff, 'a', false).data).toBe('abc');
    expect(r.rcvNxt).toBe(2);
  });

  it('accepts an empty segment only at RCV.NXT or inside the window (RFC 793 §3.3)', () => {
    const r = afterSyn(10);
    expect(r.acceptable(100, 0)).toBe(true);
    expect(r.acceptable(109, 0)).toBe(true);
    expect(r.acceptable(99, 0)).toBe(false);
    expect(r.acceptable(110, 0)).toBe(false);
  });

  it('accepts a segment with text when its first or its last octet falls in the window', () => {
    const r = afterSyn(10);
    expect(r.acceptable(95, 6)).toBe(true);
    expect(r.acceptable(108, 5)).toBe(true);
    expect(r.acceptable(95, 5)).toBe(false);
    expect(r.acceptable(110, 1)).toBe(false);
  });
});
