import { describe, expect, it } from 'vitest';
import {
  fieldText,
  findField,
  foldField,
  parseHeaderBlock,
  unfold,
} from '../../../../src/protocols/message/headers.ts';

describe('parseHeaderBlock', () => {
  const raw = 'From: alice@crepes.fr\r\nSubject: a long\r\n  folded\tsubject\r\nX-Empty:\r\n\r\nbody\r\n';

  it('reads fields up to the empty line and unfolds their values', () => {
    const block = parseHeaderBlock(raw);
    expect(block.fields.map((f) => [f.name, f.value])).toEqual([
      ['From', 'alice@crepes.fr'],
      ['Subject', 'a long  folded\tsubject'],
      ['X-Empty', ''],
    ]);
    expect(block.problems).toEqual([]);
  });

  it('gives offsets whose octets are exactly each raw field', () => {
    const block = parseHeaderBlock(raw);
    for (const field of block.fields) expect(raw.slice(field.start, field.end)).toBe(field.raw);
    expect(block.fields[1]?.raw).toBe('Subject: a long\r\n  folded\tsubject\r\n');
    expect(raw.slice(block.headerEnd, block.bodyStart)).toBe('\r\n');
    expect(raw.slice(block.bodyStart)).toBe('body\r\n');
  });

  it('reads a block that starts inside a larger string', () => {
    const text = 'xxxxA: 1\r\n\r\nbody';
    const block = parseHeaderBlock(text, 4);
    expect(block.fields[0]).toMatchObject({ name: 'A', value: '1', start: 4, end: 10 });
    expect(block.bodyStart).toBe(12);
  });

  it('accepts whitespace before the colon, as the obsolete syntax allows', () => {
    expect(parseHeaderBlock('Subject : hi\r\n\r\n').fields[0]).toMatchObject({
      name: 'Subject',
      value: 'hi',
    });
  });

  it('ends the block at a line that is not a field and reports it', () => {
    const block = parseHeaderBlock('A: 1\r\nnot a header\r\nB: 2\r\n');
    expect(block.fields.map((f) => f.name)).toEqual(['A']);
    expect(block.bodyStart).toBe(6);
    expect(block.problems).toHaveLength(1);
  });

  it('treats a first line of whitespace as the start of the body', () => {
    expect(parseHeaderBlock(' indented\r\n').fields).toEqual([]);
  });

  it('accepts bare LF line ends and reports them', () => {
    const block = parseHeaderBlock('A: 1\n b\n\nbody');
    expect(block.fields[0]?.value).toBe('1 b');
    expect(block.bodyStart).toBe(9);
    expect(block.problems).toEqual(['header lines end with a bare LF instead of CRLF']);
  });

  it('ends the block at the end of input when there is no empty line', () => {
    const block = parseHeaderBlock('A: 1\r\nB: 2');
    expect(block.fields.map((f) => f.value)).toEqual(['1', '2']);
    expect(block.bodyStart).toBe(10);
  });

  it('reports a line longer than 998 octets', () => {
    expect(parseHeaderBlock(`X: ${'a'.repeat(1000)}\r\n\r\n`).problems).toHaveLength(1);
  });
});

describe('unfold and fieldText', () => {
  it('removes only line breaks followed by whitespace', () => {
    expect(unfold('a\r\n b\r\nc\n\td')).toBe('a b\r\nc\td');
  });

  it('reads UTF-8 field octets as text and keeps other octets one char each', () => {
    expect(fieldText('\xeb\xb0\xa5')).toBe('밥');
    expect(fieldText('caf\xe9')).toBe('caf\xe9');
  });

  it('finds a field by name in any case', () => {
    const { fields } = parseHeaderBlock('message-id: <x@y>\r\n\r\n');
    expect(findField(fields, 'Message-ID')?.value).toBe('<x@y>');
    expect(findField(fields, 'Date')).toBeUndefined();
  });
});

describe('foldField', () => {
  it('leaves a short field on one line', () => {
    expect(foldField('Subject', 'hello')).toBe('Subject: hello');
  });

  it('folds a long field before whitespace within 78 chars', () => {
    const value = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const folded = foldField('Subject', value);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(78);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ \S/);
    expect(unfold(folded)).toBe(`Subject: ${value}`);
  });

  it('keeps a word longer than the limit on its own line', () => {
    const long = 'x'.repeat(100);
    expect(foldField('X', `a ${long} b`)).toBe(`X: a\r\n ${long}\r\n b`);
  });

  it('folds straight after the colon when the first word would not fit beside the name', () => {
    const word = '=?UTF-8?B?' + 'A'.repeat(63) + '?=';
    expect(foldField('From', `${word} <a@b.c>`, 76)).toBe(`From:\r\n ${word}\r\n <a@b.c>`);
  });

  it('turns line breaks in the value into spaces so no field can be injected', () => {
    expect(foldField('Subject', 'hi\r\nBcc: eve@evil.example')).toBe('Subject: hi Bcc: eve@evil.example');
  });

  it('never leaves a line of only whitespace', () => {
    const folded = foldField('X', 'a'.repeat(74) + '     ');
    for (const line of folded.split('\r\n')) expect(line).toMatch(/\S/);
  });
});
