import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64, encodeBase64Lines } from '../../../../src/protocols/message/base64.ts';

const ALL_OCTETS = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

describe('Base64', () => {
  it('encodes the test vectors of RFC 4648 §10', () => {
    const vectors = {
      '': '',
      f: 'Zg==',
      fo: 'Zm8=',
      foo: 'Zm9v',
      foob: 'Zm9vYg==',
      fooba: 'Zm9vYmE=',
      foobar: 'Zm9vYmFy',
    };
    for (const [plain, encoded] of Object.entries(vectors)) {
      expect(encodeBase64(plain)).toBe(encoded);
      expect(decodeBase64(encoded)).toEqual({ octets: plain, problems: [] });
    }
  });

  it('cuts MIME bodies into lines of 76 chars', () => {
    const lines = encodeBase64Lines(ALL_OCTETS);
    expect(lines.slice(0, -1).every((line) => line.length === 76)).toBe(true);
    expect(lines.join('')).toBe(encodeBase64(ALL_OCTETS));
  });

  it('gets all 256 byte values back byte for byte', () => {
    expect(decodeBase64(encodeBase64Lines(ALL_OCTETS).join('\r\n')).octets).toBe(ALL_OCTETS);
  });

  it('ignores whitespace and line breaks without complaint', () => {
    expect(decodeBase64(' Zm9v\r\nYmFy \t\n')).toEqual({ octets: 'foobar', problems: [] });
  });

  it('skips and reports chars outside the alphabet', () => {
    expect(decodeBase64('Zm9v!YmFy')).toEqual({
      octets: 'foobar',
      problems: [{ kind: 'invalidChar', offset: 4, char: '!' }],
    });
  });

  it('decodes unpadded input and reports a group too short for an octet', () => {
    expect(decodeBase64('Zm8').octets).toBe('fo');
    expect(decodeBase64('Zm9vY').problems).toEqual([{ kind: 'truncated', offset: 5 }]);
  });

  it('reports data after the padding and stops there', () => {
    expect(decodeBase64('Zg==Zm9v')).toEqual({
      octets: 'f',
      problems: [{ kind: 'dataAfterPadding', offset: 4 }],
    });
  });
});
