import { describe, expect, it } from 'vitest';
import {
  bytesToOctets,
  hasControls,
  isAscii,
  isOctets,
  octetsToBytes,
  octetsToUtf8,
  utf8ToOctets,
} from '../../../../src/protocols/shared/octets.ts';

describe('octets', () => {
  it('encodes Korean text as its UTF-8 octets', () => {
    expect(utf8ToOctets('안')).toBe('\xec\x95\x88');
  });

  it('keeps ASCII text, controls included, as it is, and encodes a char just past ASCII as two octets', () => {
    expect(utf8ToOctets('MAIL FROM:<a@b>\t\x00\x7f')).toBe('MAIL FROM:<a@b>\t\x00\x7f');
    expect(utf8ToOctets('caf\u00e9')).toBe('caf\xc3\xa9');
    expect(utf8ToOctets('\u0080')).toBe('\xc2\x80');
  });

  it('decodes UTF-8 octets back to the same text', () => {
    const text = '안녕하세요, 밥! 🍔 café';
    expect(octetsToUtf8(utf8ToOctets(text))).toBe(text);
  });

  it('turns invalid UTF-8 into U+FFFD instead of throwing', () => {
    expect(octetsToUtf8('a\xffb\xc3')).toBe('a\ufffdb\ufffd');
  });

  it('keeps a leading byte order mark as content', () => {
    expect(octetsToUtf8('\xef\xbb\xbfx')).toBe('\ufeffx');
  });

  it('treats a char above 0xFF like an invalid byte', () => {
    expect(octetsToUtf8('a\u0100')).toBe('a\ufffd');
  });

  it('recognises octet strings and 7-bit strings', () => {
    expect(isOctets('\x00\xff')).toBe(true);
    expect(isOctets('안')).toBe(false);
    expect(isAscii('hello\r\n')).toBe(true);
    expect(isAscii('\x80')).toBe(false);
  });

  it('counts every 7-bit char as ASCII, controls and DEL included, and nothing above', () => {
    for (const s of ['', '\0', 'a\x01b', '\x1b[2J', '\x7f', 'tab\there'])
      expect(isAscii(s), JSON.stringify(s)).toBe(true);
    for (const s of ['\0\x80', 'caf\xe9', '\x1b안', '\xff'])
      expect(isAscii(s), JSON.stringify(s)).toBe(false);
  });

  it('decodes ASCII lines to themselves and UTF-8 ones to their text', () => {
    expect(octetsToUtf8('\x1b[2J NOOP')).toBe('\x1b[2J NOOP');
    expect(octetsToUtf8('\xec\x95\x88')).toBe('안');
  });

  it('finds controls other than tab', () => {
    expect(hasControls('a\tb c~')).toBe(false);
    for (const s of ['\0', 'a\r', '\n', '\x1f', '\x7f']) expect(hasControls(s), JSON.stringify(s)).toBe(true);
    expect(hasControls('안녕')).toBe(false);
  });

  it('converts between octets and bytes, even for large inputs', () => {
    const all = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
    const big = all.repeat(1000);
    expect(bytesToOctets(octetsToBytes(big))).toBe(big);
  });
});
