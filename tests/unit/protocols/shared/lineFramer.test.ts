import { describe, expect, it } from 'vitest';
import { LineFramer } from '../../../../src/protocols/shared/lineFramer.ts';

function lines(...items: string[]) {
  return items.map((line) => ({ kind: 'line', line }));
}

describe('LineFramer', () => {
  it('ends a line at CRLF and returns it without the CRLF', () => {
    expect(new LineFramer(512).push('HELO crepes.fr\r\n')).toEqual(lines('HELO crepes.fr'));
  });

  it('returns many lines from one chunk in order', () => {
    expect(new LineFramer(512).push('a\r\nb\r\n\r\nc\r\n')).toEqual(lines('a', 'b', '', 'c'));
  });

  it('holds a partial line until its CRLF arrives', () => {
    const framer = new LineFramer(512);
    expect(framer.push('MAIL FROM:')).toEqual([]);
    expect(framer.buffered).toBe(10);
    expect(framer.push('<alice@crepes.fr>\r\n')).toEqual(lines('MAIL FROM:<alice@crepes.fr>'));
    expect(framer.buffered).toBe(0);
  });

  it('a CRLF split across two chunks still ends one line', () => {
    const framer = new LineFramer(512);
    expect(framer.push('QUIT\r')).toEqual([]);
    expect(framer.push('\nNOOP\r\n')).toEqual(lines('QUIT', 'NOOP'));
  });

  it('keeps a bare LF inside the line', () => {
    expect(new LineFramer(512).push('a\nb\r\n')).toEqual(lines('a\nb'));
  });

  it('keeps a bare CR inside the line, even when it ended a chunk', () => {
    const framer = new LineFramer(512);
    expect(framer.push('a\r')).toEqual([]);
    expect(framer.push('b\r\n')).toEqual(lines('a\rb'));
  });

  it('keeps CR CR LF as one CR of content then the line end', () => {
    expect(new LineFramer(512).push('x\r\r\n')).toEqual(lines('x\r'));
  });

  it('accepts a line of exactly maxLine octets counting its CRLF', () => {
    expect(new LineFramer(6).push('abcd\r\n')).toEqual(lines('abcd'));
  });

  it('reports a line one octet too long once, keeping its first part', () => {
    expect(new LineFramer(6).push('abcde\r\nok\r\n')).toEqual([
      { kind: 'overlong', prefix: 'abcd' },
      { kind: 'line', line: 'ok' },
    ]);
  });

  it('discards the rest of an overlong line across chunks and recovers at the next line', () => {
    const framer = new LineFramer(6);
    expect(framer.push('abcdefgh')).toEqual([{ kind: 'overlong', prefix: 'abcd' }]);
    expect(framer.push('ijklmnop'.repeat(100))).toEqual([]);
    expect(framer.buffered).toBe(0);
    expect(framer.push('q\r')).toEqual([]);
    expect(framer.push('\nnext\r\n')).toEqual(lines('next'));
  });

  it('counts a held-back CR that turns out to be content towards the limit', () => {
    const framer = new LineFramer(6);
    expect(framer.push('abc\r')).toEqual([]);
    expect(framer.push('d\r\n')).toEqual([{ kind: 'overlong', prefix: 'abc\r' }]);
  });

  it('rejects a maxLine too small to hold a CRLF', () => {
    expect(() => new LineFramer(1)).toThrow(RangeError);
  });
});
