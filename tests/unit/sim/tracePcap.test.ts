import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../../src/sim/builtinScenarios.ts';
import { Session } from '../../../src/sim/session.ts';
import { tracePcap } from '../../../src/sim/tracePcap.ts';

interface Captured {
  readonly micros: number;
  readonly bytes: Uint8Array;
}

// A reader written from the libpcap file format, apart from the writer, so the two must agree.
function readPcap(file: Uint8Array): { linkType: number; records: Captured[] } {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  expect(view.getUint32(0, true)).toBe(0xa1b2c3d4);
  expect([view.getUint16(4, true), view.getUint16(6, true)]).toEqual([2, 4]);
  const records: Captured[] = [];
  let at = 24;
  while (at < file.length) {
    const captured = view.getUint32(at + 8, true);
    expect(view.getUint32(at + 12, true)).toBe(captured);
    records.push({
      micros: view.getUint32(at, true) * 1_000_000 + view.getUint32(at + 4, true),
      bytes: file.subarray(at + 16, at + 16 + captured),
    });
    at += 16 + captured;
  }
  expect(at).toBe(file.length);
  return { linkType: view.getUint32(20, true), records };
}

// RFC 1071: summing a run of words with its checksum in place gives all ones.
function sums(...parts: Uint8Array[]): number {
  let sum = 0;
  const words = parts.flatMap((p) => [...p]);
  for (let i = 0; i < words.length; i += 2) sum += (words[i]! << 8) | (words[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

function checksumsHold(packet: Uint8Array): boolean {
  const header = packet.subarray(0, 20);
  const body = packet.subarray(20);
  const pseudo = Uint8Array.from([
    ...packet.subarray(12, 20),
    0,
    packet[9]!,
    body.length >>> 8,
    body.length & 0xff,
  ]);
  return sums(header) === 0xffff && sums(pseudo, body) === 0xffff;
}

function run(name: string, until?: number) {
  const scenario = builtinScenario(name)!;
  const session = new Session(scenario);
  session.runUntil(until ?? scenario.until ?? 3_600_000);
  return { scenario, trace: session.events };
}

describe('tracePcap', () => {
  const { scenario, trace } = run('textbook');
  const sent = trace.filter((e) => e.kind === 'tcp.segment' || e.kind === 'udp.datagram');

  it('writes one raw IPv4 record per segment and datagram sent, stamped with the virtual clock', () => {
    const { linkType, records } = readPcap(tracePcap(trace, scenario.startsAt));
    expect(linkType).toBe(101);
    expect(records).toHaveLength(sent.length);
    expect(records.map((r) => r.micros)).toEqual(sent.map((e) => (scenario.startsAt + e.t) * 1000));
    expect(records.every((r) => r.bytes[0] === 0x45)).toBe(true);
    expect(records.map((r) => r.bytes[9])).toEqual(sent.map((e) => (e.kind === 'tcp.segment' ? 6 : 17)));
  });

  it('gives every packet IPv4 and TCP or UDP checksums that verify, and the check catches a flipped bit', () => {
    const { records } = readPcap(tracePcap(trace, scenario.startsAt));
    expect(records.filter((r) => !checksumsHold(r.bytes))).toEqual([]);
    const carrying = records.find((r) => r.bytes.length > 60)!.bytes.slice();
    carrying[50]! ^= 0x20;
    expect(checksumsHold(carrying)).toBe(false);
  });

  it('carries each segment’s payload octets after its header, and the MSS option on a SYN', () => {
    const { records } = readPcap(tracePcap(trace, scenario.startsAt));
    sent.forEach((e, i) => {
      if (e.kind !== 'tcp.segment') return;
      const tcp = records[i]!.bytes.subarray(20);
      const headerLength = (tcp[12]! >>> 4) * 4;
      expect(String.fromCharCode(...tcp.subarray(headerLength))).toBe(e.payload);
      expect(headerLength).toBe(e.mss === undefined ? 20 : 24);
    });
  });

  it('keeps one connection’s segments when asked for that connection, and no DNS', () => {
    const conn = trace.find((e) => e.kind === 'conn.opened')!;
    if (conn.kind !== 'conn.opened') throw new Error('unreachable');
    const own = sent.filter((e) => e.kind === 'tcp.segment' && e.conn === conn.conn);
    const { records } = readPcap(tracePcap(trace, scenario.startsAt, { conn: conn.conn }));
    expect(own.length).toBeGreaterThan(0);
    expect(records).toHaveLength(own.length);
    expect(records.every((r) => r.bytes[9] === 6)).toBe(true);
  });
});
