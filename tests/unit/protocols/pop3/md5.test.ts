// MD5 (RFC 1321) as APOP uses it (RFC 1939 §7).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apopDigest, greetingTimestamp } from '../../../../src/protocols/pop3/apop.ts';
import { md5Hex } from '../../../../src/protocols/pop3/md5.ts';

describe('md5Hex', () => {
  it('gives the digests of the test suite of RFC 1321 §A.5', () => {
    expect(
      [
        '',
        'a',
        'abc',
        'message digest',
        'abcdefghijklmnopqrstuvwxyz',
        'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
        '1234567890'.repeat(8),
      ].map(md5Hex),
    ).toEqual([
      'd41d8cd98f00b204e9800998ecf8427e',
      '0cc175b9c0f1b6a831c399e269772661',
      '900150983cd24fb0d6963f7d28e17f72',
      'f96b697d7cb7938d525a2f31aaf161d0',
      'c3fcd3d76192e4007dfb496cca67e13b',
      'd174ab98d277d9f5a5611c2c9f419d9f',
      '57edf4a22be3c955ac49da2e2107b67a',
    ]);
  });

  it("agrees with Node's MD5 on every length around the 64-octet block and on all octet values", () => {
    for (let length = 0; length <= 130; length++) {
      const octets = Array.from({ length }, (_, i) => String.fromCharCode((i * 37 + length) % 256)).join('');
      expect(md5Hex(octets), `length ${length}`).toBe(
        createHash('md5').update(octets, 'latin1').digest('hex'),
      );
    }
  });
});

describe('APOP', () => {
  it('gives RFC 1939 §7\'s digest for the timestamp and the secret "tanstaaf"', () => {
    expect(apopDigest('<1896.697170952@dbc.mtview.ca.us>', 'tanstaaf')).toBe(
      'c4c9334bac560ecc979e58001b3e22fb',
    );
  });

  it('finds the timestamp in a greeting, or nothing when there is none', () => {
    expect(greetingTimestamp('POP3 server ready <1896.697170952@dbc.mtview.ca.us>')).toBe(
      '<1896.697170952@dbc.mtview.ca.us>',
    );
    expect(greetingTimestamp('POP3 server ready')).toBeNull();
    expect(greetingTimestamp('a <> b')).toBeNull();
  });
});
