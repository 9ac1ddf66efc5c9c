import { describe, expect, it } from 'vitest';
import {
  decodeWords,
  encodeWords,
  needsEncodedWords,
} from '../../../../src/protocols/message/encodedWords.ts';

const SUBJECT = '안녕하세요, 밥! 케첩 좋아해요?';

function words(encoded: string): string[] {
  return encoded.split(' ');
}

describe('encodeWords', () => {
  it('encodes Korean text as UTF-8 B words that decode back to it', () => {
    const encoded = encodeWords(SUBJECT);
    expect(encoded).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=( =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=)*$/);
    expect(decodeWords(encoded)).toBe(SUBJECT);
  });

  it('never makes an encoded word longer than 75 chars', () => {
    for (const encoding of ['B', 'Q'] as const) {
      for (const word of words(encodeWords(SUBJECT.repeat(10), { encoding }))) {
        expect(word.length).toBeLessThanOrEqual(75);
      }
    }
  });

  it('never splits a UTF-8 character between words', () => {
    for (const encoding of ['B', 'Q'] as const) {
      const parts = words(encodeWords('가😀é'.repeat(30), { encoding }));
      expect(parts.length).toBeGreaterThan(1);
      for (const word of parts) expect(decodeWords(word)).not.toContain('\ufffd');
    }
  });

  it('leaves room for the field name on the first line', () => {
    const [first = '', second = ''] = words(encodeWords(SUBJECT.repeat(3), { column: 'Subject: '.length }));
    expect('Subject: '.length + first.length).toBeLessThanOrEqual(76);
    expect(second.length).toBeGreaterThan(first.length);
  });

  it('writes Q words with only phrase-safe literals and "_" for space', () => {
    expect(encodeWords('Olá mundo_?', { encoding: 'Q' })).toBe('=?UTF-8?Q?Ol=C3=A1_mundo=5F=3F?=');
  });

  it('encodes the empty string as nothing, since an encoded word may not be empty', () => {
    expect(encodeWords('')).toBe('');
  });
});

describe('needsEncodedWords', () => {
  it('is true for non-ASCII, controls and look-alike encoded words only', () => {
    expect(needsEncodedWords('Hello world')).toBe(false);
    expect(needsEncodedWords('밥')).toBe(true);
    expect(needsEncodedWords('a\r\nBcc: x')).toBe(true);
    expect(needsEncodedWords('=?x?Q?y?=')).toBe(true);
  });
});

describe('decodeWords', () => {
  it('decodes the examples of RFC 2047 §8', () => {
    expect(decodeWords('(=?ISO-8859-1?Q?a?=)')).toBe('(a)');
    expect(decodeWords('(=?ISO-8859-1?Q?a?= b)')).toBe('(a b)');
    expect(decodeWords('(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)')).toBe('(ab)');
    expect(decodeWords('(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)')).toBe('(ab)');
    expect(decodeWords('(=?ISO-8859-1?Q?a_b?=)')).toBe('(a b)');
  });

  it('keeps the text around encoded words', () => {
    expect(decodeWords('Re: =?UTF-8?B?67Cl?= and friends')).toBe('Re: 밥 and friends');
  });

  it('joins a character that a careless encoder split across two words', () => {
    expect(decodeWords('=?UTF-8?Q?=EB=B0?= =?UTF-8?Q?=A5?=')).toBe('밥');
  });

  it('decodes a lowercase encoding letter and charset', () => {
    expect(decodeWords('=?utf-8?b?67Cl?=')).toBe('밥');
  });

  it('leaves a word in an unknown charset as it was', () => {
    expect(decodeWords('=?x-unknown?Q?abc?= =?x-unknown?Q?d?=')).toBe(
      '=?x-unknown?Q?abc?= =?x-unknown?Q?d?=',
    );
  });

  it('reads EUC-KR, common in older Korean mail', () => {
    expect(decodeWords('=?EUC-KR?B?vsiz58fPvLy/5A==?=')).toBe('안녕하세요');
  });

  it('leaves plain text alone', () => {
    expect(decodeWords('no =? words here')).toBe('no =? words here');
  });
});
