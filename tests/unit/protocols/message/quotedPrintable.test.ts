import { describe, expect, it } from 'vitest';
import {
  decodeQuotedPrintable,
  encodeQuotedPrintable,
} from '../../../../src/protocols/message/quotedPrintable.ts';
import { utf8ToOctets } from '../../../../src/protocols/shared/octets.ts';

function lines(encoded: string): string[] {
  return encoded.split('\r\n');
}

describe('quoted-printable', () => {
  it('leaves printable ASCII as it is and escapes "="', () => {
    expect(encodeQuotedPrintable('a+b=c')).toBe('a+b=3Dc');
  });

  it('escapes 8-bit octets in uppercase hex', () => {
    expect(encodeQuotedPrintable(utf8ToOctets('café'))).toBe('caf=C3=A9');
  });

  it('keeps CRLF as a hard line break and escapes bare CR and LF', () => {
    expect(encodeQuotedPrintable('a\r\nb\nc\rd')).toBe('a\r\nb=0Ac=0Dd');
  });

  it('escapes a space or tab at the end of a line', () => {
    expect(encodeQuotedPrintable('end \r\ntab\t')).toBe('end=20\r\ntab=09');
  });

  it('breaks long lines softly within 76 chars without splitting an escape', () => {
    const encoded = encodeQuotedPrintable(utf8ToOctets('케첩 좋아해요? '.repeat(20)));
    for (const line of lines(encoded)) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(line).not.toMatch(/=[0-9A-F]$/);
    }
    expect(decodeQuotedPrintable(encoded).octets).toBe(utf8ToOctets('케첩 좋아해요? '.repeat(20)));
  });

  it('never ends a soft-broken line with whitespace', () => {
    const encoded = encodeQuotedPrintable(' '.repeat(200) + 'x');
    for (const line of lines(encoded)) {
      expect(line.replace(/=$/, '')).not.toMatch(/[ \t]$/);
      expect(line.length).toBeLessThanOrEqual(76);
    }
    expect(decodeQuotedPrintable(encoded).octets).toBe(' '.repeat(200) + 'x');
  });

  it('keeps a line of exactly 76 chars whole', () => {
    expect(encodeQuotedPrintable('x'.repeat(76))).toBe('x'.repeat(76));
    expect(lines(encodeQuotedPrintable('x'.repeat(77)))).toEqual(['x'.repeat(75) + '=', 'xx']);
  });

  it('joins soft line breaks and drops whitespace added after them in transit', () => {
    expect(decodeQuotedPrintable('soft=  \r\nbreak\r\nhard  \r\n')).toEqual({
      octets: 'softbreak\r\nhard\r\n',
      problems: [],
    });
  });

  it('accepts lowercase hex and bare LF line ends', () => {
    expect(decodeQuotedPrintable('caf=c3=a9\nx').octets).toBe('caf\xc3\xa9\r\nx');
  });

  it('keeps and reports, once, every "=" that starts no escape', () => {
    const decoded = decodeQuotedPrintable('a=zz\r\n=\r\n=4=');
    expect(decoded.octets).toBe('a=zz\r\n=4');
    expect(decoded.problems).toEqual(['2 "=" not followed by two hex digits, the first on line 1']);
  });
});
