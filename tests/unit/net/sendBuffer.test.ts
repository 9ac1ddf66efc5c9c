import { describe, expect, it } from 'vitest';
import { SendBuffer } from '../../../src/net/sendBuffer.ts';

// Our SYN went out at 1000 and was acknowledged, so the first octet of data is 1001.
function established(options: { mss?: number; peerMss?: number; window?: number } = {}): SendBuffer {
  const b = new SendBuffer(1000, options.mss ?? 536);
  b.learnPeer(options.peerMss ?? 536, options.window ?? 65535);
  b.synSent();
  b.acknowledge(1001, options.window ?? 65535);
  return b;
}

// Takes and "sends" every chunk the buffer allows now, as TcpEndpoint's flush does.
function drain(b: SendBuffer): string[] {
  const chunks: string[] = [];
  for (let chunk = b.nextChunk(); chunk !== ''; chunk = b.nextChunk()) {
    chunks.push(chunk);
    b.advance(chunk.length);
  }
  return chunks;
}

describe('the send buffer', () => {
  it('starts SND.UNA and SND.NXT at the ISS, and puts SND.NXT one past it however often the SYN goes out', () => {
    const b = new SendBuffer(1000, 536);
    expect([b.una, b.nxt]).toEqual([1000, 1000]);
    b.synSent();
    b.synSent();
    expect(b.nxt).toBe(1001);
  });

  it('cuts written octets into segments no bigger than the peer’s MSS when it is the smaller', () => {
    const b = established({ mss: 5, peerMss: 3 });
    b.write('abcdefgh');
    expect(drain(b)).toEqual(['abc', 'def', 'gh']);
    expect(b.nxt).toBe(1009);
  });

  it('cuts written octets into segments no bigger than our MSS when it is the smaller', () => {
    const b = established({ mss: 3, peerMss: 5 });
    b.write('abcdefgh');
    expect(drain(b)).toEqual(['abc', 'def', 'gh']);
  });

  it('assumes the default MSS of 536 when the peer announces none', () => {
    const b = new SendBuffer(1000, 1460);
    b.learnPeer(undefined, 65535);
    b.synSent();
    b.acknowledge(1001, 65535);
    b.write('x'.repeat(600));
    expect(drain(b).map((c) => c.length)).toEqual([536, 64]);
  });

  it('never puts more in flight than the peer’s window, and sends more as acknowledgements arrive', () => {
    const b = established({ window: 5 });
    b.write('abcdefgh');
    expect(drain(b)).toEqual(['abcde']);
    expect(b.acknowledge(1004, 5)).toBe(true);
    expect(drain(b)).toEqual(['fgh']);
  });

  it('sends more when the peer opens its window, even without acknowledging anything new', () => {
    const b = established({ window: 5 });
    b.write('abcdefgh');
    drain(b);
    expect(b.acknowledge(1001, 8)).toBe(false);
    expect(drain(b)).toEqual(['fgh']);
  });

  it('counts the octets in flight across the wrap of the sequence space', () => {
    const b = new SendBuffer(0xffff_fffe, 536);
    b.learnPeer(536, 4);
    b.synSent();
    b.acknowledge(0xffff_ffff, 4);
    b.write('abcdef');
    expect(drain(b)).toEqual(['abcd']);
    expect(b.nxt).toBe(3);
    b.acknowledge(1, 4);
    expect(drain(b)).toEqual(['ef']);
  });

  it('moves SND.UNA only forward, and says whether it moved', () => {
    const b = established();
    b.write('abc');
    drain(b);
    expect(b.acknowledge(1003, 65535)).toBe(true);
    expect(b.acknowledge(1003, 65535)).toBe(false);
    expect(b.acknowledge(1002, 65535)).toBe(false);
    expect(b.una).toBe(1003);
  });

  it('lets the FIN go only after every written octet has gone', () => {
    const b = established();
    b.write('ab');
    b.queueFin();
    expect(b.finQueued).toBe(true);
    expect(b.finDue()).toBe(false);
    drain(b);
    expect(b.finDue()).toBe(true);
    b.markFinSent();
    expect(b.finSent).toBe(true);
    expect(b.finDue()).toBe(false);
  });

  it('reports the FIN acknowledged once, when an acknowledgement passes it', () => {
    const b = established();
    b.write('ab');
    drain(b);
    b.queueFin();
    b.markFinSent();
    b.advance(1);
    b.acknowledge(1003, 65535);
    expect(b.finAcknowledged()).toBe(false);
    b.acknowledge(1004, 65535);
    expect(b.finAcknowledged()).toBe(true);
    expect(b.finAcknowledged()).toBe(false);
  });
});
