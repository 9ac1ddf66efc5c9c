import { describe, expect, it } from 'vitest';
import {
  decodeDnsMessage,
  encodeDnsMessage,
  type DnsMessage,
} from '../../../../src/protocols/dns/dnsMessage.ts';

describe('DNS messages', () => {
  it('writes a query the way dig shows it, and reads it back', () => {
    const query: DnsMessage = { kind: 'query', id: 7, name: 'hamburger.edu', type: 'MX' };
    expect(encodeDnsMessage(query)).toBe(';; QUERY id=7\n;hamburger.edu. IN MX\n');
    expect(decodeDnsMessage(encodeDnsMessage(query))).toEqual(query);
  });

  it('round-trips a response with MX and A records', () => {
    const response: DnsMessage = {
      kind: 'response',
      id: 9,
      name: 'hamburger.edu',
      type: 'MX',
      rcode: 'NOERROR',
      answers: [
        { name: 'hamburger.edu', type: 'MX', ttl: 3600, preference: 10, exchange: 'mail.hamburger.edu' },
        { name: 'mail.hamburger.edu', type: 'A', ttl: 3600, address: '192.0.2.20' },
      ],
    };
    expect(encodeDnsMessage(response)).toContain('hamburger.edu. 3600 IN MX 10 mail.hamburger.edu.');
    expect(decodeDnsMessage(encodeDnsMessage(response))).toEqual(response);
  });

  it('treats names case-insensitively, as RFC 1035 says', () => {
    expect(decodeDnsMessage(';; QUERY id=1\n;HamBurger.EDU. IN A\n')).toMatchObject({
      name: 'hamburger.edu',
    });
  });

  it('returns null for a datagram that is not a DNS message', () => {
    expect(decodeDnsMessage('GET / HTTP/1.1\r\n')).toBeNull();
    expect(decodeDnsMessage(';; RESPONSE id=1 status=NOERROR\n;a.b. IN MX\nnonsense\n')).toBeNull();
  });
});
