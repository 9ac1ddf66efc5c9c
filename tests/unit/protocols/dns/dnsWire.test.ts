import { describe, expect, it } from 'vitest';
import { encodeDnsWire } from '../../../../src/protocols/dns/dnsWire.ts';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe('DNS messages in RFC 1035 binary form', () => {
  it('writes a query as a header asking for recursion and one question of length-prefixed labels', () => {
    const octets = encodeDnsWire({ kind: 'query', id: 7, name: 'hamburger.edu', type: 'MX' });
    // prettier-ignore
    expect([...octets]).toEqual([
      0, 7, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, // id, RD, one question
      9, ...ascii('hamburger'), 3, ...ascii('edu'), 0, // QNAME
      0, 15, 0, 1, // QTYPE MX, QCLASS IN
    ]);
  });

  it('writes an answer with its rcode, TTL, MX preference and exchange, and an A record as four octets', () => {
    const octets = encodeDnsWire({
      kind: 'response',
      id: 0x1234,
      name: 'a.b',
      type: 'MX',
      rcode: 'NOERROR',
      answers: [
        { name: 'a.b', type: 'MX', ttl: 3600, preference: 10, exchange: 'm.a.b' },
        { name: 'm.a.b', type: 'A', ttl: 60, address: '192.0.2.20' },
      ],
    });
    const name = [1, ...ascii('a'), 1, ...ascii('b'), 0];
    const exchange = [1, ...ascii('m'), ...name];
    // prettier-ignore
    expect([...octets]).toEqual([
      0x12, 0x34, 0x85, 0x80, 0, 1, 0, 2, 0, 0, 0, 0, // QR AA RD RA, NOERROR; one question, two answers
      ...name, 0, 15, 0, 1,
      ...name, 0, 15, 0, 1, 0, 0, 0x0e, 0x10, 0, 2 + exchange.length, 0, 10, ...exchange,
      ...exchange, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 20,
    ]);
  });

  it('carries NXDOMAIN in the low bits of the flags, with no answers', () => {
    const octets = encodeDnsWire({
      kind: 'response',
      id: 1,
      name: 'x',
      type: 'A',
      rcode: 'NXDOMAIN',
      answers: [],
    });
    expect(octets[3]! & 0x0f).toBe(3);
    expect(octets[7]).toBe(0);
  });
});
