import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONTENT_TYPE,
  formatParameter,
  parseContentType,
  parseParameterized,
} from '../../../../src/protocols/message/mimeParams.ts';

describe('parseContentType', () => {
  it('lowercases type, subtype and parameter names and unquotes values', () => {
    expect(parseContentType('Multipart/Mixed; Boundary="=_a b;c"; charset=UTF-8')).toEqual({
      contentType: { type: 'multipart', subtype: 'mixed', params: { boundary: '=_a b;c', charset: 'UTF-8' } },
      problems: [],
    });
  });

  it('skips comments and whitespace', () => {
    expect(parseContentType('text/plain (plain text) ; charset = "us-ascii" (ascii)').contentType).toEqual({
      type: 'text',
      subtype: 'plain',
      params: { charset: 'us-ascii' },
    });
  });

  it('falls back to text/plain when the media type is unusable', () => {
    const parsed = parseContentType('garbage');
    expect(parsed.contentType).toEqual(DEFAULT_CONTENT_TYPE);
    expect(parsed.problems).toHaveLength(1);
  });

  it('keeps a parameter named like an object property as data', () => {
    expect(parseContentType('text/plain; __proto__=x').contentType.params).toEqual(
      Object.fromEntries([['__proto__', 'x']]),
    );
  });
});

describe('parseParameterized', () => {
  it('joins RFC 2231 continuations and decodes their charset', () => {
    const value = "attachment; filename*0*=UTF-8''%EB%B0%A5; filename*1=.txt";
    expect(parseParameterized(value)).toEqual({
      value: 'attachment',
      params: { filename: '밥.txt' },
      problems: [],
    });
  });

  it('prefers the extended form over a plain fallback', () => {
    const value = 'attachment; filename="fallback.txt"; filename*=UTF-8\'ko\'%EB%B0%A5.txt';
    expect(parseParameterized(value).params.filename).toBe('밥.txt');
  });

  it('reports a parameter without "=" and a repeated one', () => {
    expect(parseParameterized('inline; broken; a=1; a=2').problems).toHaveLength(2);
  });
});

describe('formatParameter', () => {
  it('writes a token as it is, specials quoted and Unicode in RFC 2231 form', () => {
    expect(formatParameter('charset', 'UTF-8')).toBe('; charset=UTF-8');
    expect(formatParameter('filename', 'my file "1".txt')).toBe('; filename="my file \\"1\\".txt"');
    expect(formatParameter('filename', '밥.txt')).toBe("; filename*=UTF-8''%EB%B0%A5.txt");
  });

  it('cuts a long value into numbered sections of at most 60 chars', () => {
    const written = formatParameter('filename', '밥'.repeat(30));
    const sections = written.split('; ').slice(1);
    expect(sections.length).toBeGreaterThan(1);
    sections.forEach((section, i) => expect(section).toMatch(new RegExp(`^filename\\*${i}\\*=.{1,60}$`)));
    expect(formatParameter('filename', 'x'.repeat(61))).toBe(`; filename*0=${'x'.repeat(60)}; filename*1=x`);
  });

  it('writes what parseParameterized reads back', () => {
    const long = 'a "long" name, '.repeat(8);
    for (const name of [
      'plain.txt',
      'a;b=c "d".txt',
      '안녕하세요 밥 🍔.pdf',
      "it's 100%.txt",
      long,
      '가'.repeat(50),
    ]) {
      expect(parseParameterized('attachment' + formatParameter('filename', name)).params.filename).toBe(name);
    }
  });
});
