import { describe, expect, it } from 'vitest';
import {
  decodeDataLines,
  dotStuff,
  dotUnstuff,
  encodeDataLines,
  isEndOfData,
} from '../../../../src/protocols/shared/dotStuffing.ts';

describe('dot-stuffing', () => {
  it('doubles a leading dot and leaves other lines alone', () => {
    expect(dotStuff('.hidden')).toBe('..hidden');
    expect(dotStuff('.')).toBe('..');
    expect(dotStuff('a.b')).toBe('a.b');
  });

  it('removes one leading dot when unstuffing', () => {
    expect(dotUnstuff('..hidden')).toBe('.hidden');
    expect(dotUnstuff('plain')).toBe('plain');
  });

  it('recognises only a lone dot as the end of data', () => {
    expect(isEndOfData('.')).toBe(true);
    expect(isEndOfData('..')).toBe(false);
    expect(isEndOfData('. ')).toBe(false);
  });

  it('splits a CRLF message into stuffed lines and appends the final dot', () => {
    expect(encodeDataLines('Subject: hi\r\n\r\n.\r\nbye\r\n')).toEqual(['Subject: hi', '', '..', 'bye', '.']);
  });

  it('normalises bare LF line ends', () => {
    expect(encodeDataLines('a\nb\n')).toEqual(['a', 'b', '.']);
  });

  it('ends a message without a final line end before the dot', () => {
    expect(encodeDataLines('a\r\nb')).toEqual(['a', 'b', '.']);
  });

  it('sends only the dot for an empty message', () => {
    expect(encodeDataLines('')).toEqual(['.']);
  });

  it('gets the CRLF message back from the lines it encoded', () => {
    const message = 'From: a@b\r\n\r\n.leading\r\n..two\r\n';
    const sent = encodeDataLines(message);
    expect(decodeDataLines(sent.slice(0, -1))).toBe(message);
  });
});
