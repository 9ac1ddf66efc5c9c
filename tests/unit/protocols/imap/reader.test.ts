// Assembling commands and responses from CRLF-framed lines, with literals that span lines (RFC 3501 §4.3,
// §7.5) and the limits that keep a server from buffering what it will refuse.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../src/protocols/imap/parseCommand.ts';
import { CommandReader, ResponseReader } from '../../../../src/protocols/imap/reader.ts';
import { LineFramer } from '../../../../src/protocols/shared/lineFramer.ts';

describe('CommandReader', () => {
  it('passes a command without literals through at once', () => {
    const reader = new CommandReader();
    expect(reader.push('a1 NOOP')).toEqual({ kind: 'command', text: 'a1 NOOP' });
    expect(reader.idle).toBe(true);
  });

  it('asks for continuation at a literal and re-joins the literal lines with CRLF', () => {
    const reader = new CommandReader();
    expect(reader.push('a2 APPEND INBOX {13}')).toEqual({ kind: 'continue', size: 13 });
    expect(reader.idle).toBe(false);
    expect(reader.push('Hi Bob')).toEqual({ kind: 'partial' });
    expect(reader.push('bye')).toEqual({ kind: 'partial' });
    expect(reader.push('')).toEqual({ kind: 'command', text: 'a2 APPEND INBOX {13}\r\nHi Bob\r\nbye\r\n' });
    const parsed = parseCommand('a2 APPEND INBOX {13}\r\nHi Bob\r\nbye\r\n');
    expect(parsed).toMatchObject({ ok: true, command: { message: 'Hi Bob\r\nbye\r\n' } });
  });

  it('reads the rest of the command after a literal that ends mid-line, including another literal', () => {
    const reader = new CommandReader();
    expect(reader.push('a3 LOGIN {3}')).toEqual({ kind: 'continue', size: 3 });
    expect(reader.push('bob {6}')).toEqual({ kind: 'continue', size: 6 });
    expect(reader.push('se')).toEqual({ kind: 'partial' });
    const read = reader.push('cr');
    expect(read).toEqual({ kind: 'command', text: 'a3 LOGIN {3}\r\nbob {6}\r\nse\r\ncr' });
    expect(parseCommand('a3 LOGIN {3}\r\nbob {6}\r\nse\r\ncr')).toMatchObject({
      command: { userid: 'bob', password: 'se\r\ncr' },
    });
  });

  it('counts octets exactly when a literal ends between the CR and the LF that the framer cut at', () => {
    const reader = new CommandReader();
    reader.push('a4 SELECT {3}');
    expect(reader.push('ab')).toEqual({ kind: 'partial' });
    // The literal is "ab\r"; the LF after it is command text, which the parser then refuses.
    const read = reader.push(' more');
    expect(read).toEqual({ kind: 'command', text: 'a4 SELECT {3}\r\nab\r\n more' });
    // The text after such a literal may announce another one, which must still be seen.
    reader.push('a5 LOGIN {3}');
    reader.push('ab');
    expect(reader.push(' {2}')).toEqual({ kind: 'continue', size: 2 });
    expect(reader.push('xy')).toEqual({ kind: 'command', text: 'a5 LOGIN {3}\r\nab\r\n {2}\r\nxy' });
  });

  it('takes a zero-length literal and continues on the next line', () => {
    const reader = new CommandReader();
    expect(reader.push('a5 LOGIN {0}')).toEqual({ kind: 'continue', size: 0 });
    expect(reader.push(' pw')).toEqual({ kind: 'command', text: 'a5 LOGIN {0}\r\n pw' });
  });

  it('does not take "{n}" at the end of a quoted string for a literal', () => {
    const reader = new CommandReader();
    expect(reader.push('a6 SEARCH SUBJECT "x {5}"')).toMatchObject({ kind: 'command' });
    expect(reader.push('a7 SEARCH SUBJECT "x \\" {5}')).toMatchObject({ kind: 'command' });
  });

  it('refuses a literal over the limit without waiting for its octets, naming tag and verb', () => {
    const reader = new CommandReader({ maxLiteral: 100 });
    expect(reader.push('a8 APPEND INBOX (\\Seen) {101}')).toEqual({
      kind: 'refused',
      refusal: 'literalTooBig',
      tag: 'a8',
      verb: 'APPEND',
      message: 'literal of 101 octets is larger than the limit of 100',
    });
    expect(reader.idle).toBe(true);
    expect(reader.push('a9 NOOP')).toEqual({ kind: 'command', text: 'a9 NOOP' });
    expect(reader.push('b1 LOGIN {99999999999}')).toMatchObject({ refusal: 'literalTooBig', verb: 'LOGIN' });
  });

  it('counts every literal of a command against the limit', () => {
    const reader = new CommandReader({ maxLiteral: 5 });
    expect(reader.push('c1 LOGIN {3}')).toMatchObject({ kind: 'continue' });
    expect(reader.push('bob {3}')).toMatchObject({ kind: 'refused', refusal: 'literalTooBig', tag: 'c1' });
  });

  it('refuses a command whose text is too long, and an overlong line from the framer', () => {
    const reader = new CommandReader({ maxText: 20 });
    expect(reader.push('d1 LOGIN abcdefghij klmnop')).toMatchObject({
      kind: 'refused',
      refusal: 'lineTooLong',
      tag: 'd1',
      verb: 'LOGIN',
      message: 'command line too long (more than 20 octets)',
    });
    expect(reader.push({ kind: 'overlong', prefix: 'd2 uid fetch 1:* (FLAGS' })).toEqual({
      kind: 'refused',
      refusal: 'lineTooLong',
      tag: 'd2',
      verb: 'UID FETCH',
      message: 'command line too long',
    });
    expect(reader.push({ kind: 'line', line: 'd3 NOOP' })).toEqual({ kind: 'command', text: 'd3 NOOP' });
  });

  it('refuses LITERAL+ politely: it skips the octets sent without waiting, then refuses the command', () => {
    const reader = new CommandReader();
    expect(reader.push('e1 APPEND INBOX {11+}')).toEqual({ kind: 'partial' });
    // These 11 octets are the literal ("e2 LOGOUT" and CRLF), not a command to carry out.
    expect(reader.push('e2 LOGOUT')).toEqual({ kind: 'partial' });
    expect(reader.push('')).toEqual({
      kind: 'refused',
      refusal: 'nonSynchronizingLiteral',
      tag: 'e1',
      verb: 'APPEND',
      message: 'non-synchronizing literals ({n+}) need LITERAL+, which this server does not offer',
    });
    expect(reader.push('e3 NOOP')).toEqual({ kind: 'command', text: 'e3 NOOP' });
  });

  it('reads commands from a LineFramer fed in arbitrary chunks', () => {
    const framer = new LineFramer(1000);
    const reader = new CommandReader();
    const wire = 'f1 APPEND Drafts {8}\r\nab\r\ncd\r\n\r\nf2 NOOP\r\n';
    const reads = [...wire].flatMap((octet) => framer.push(octet)).map((line) => reader.push(line));
    expect(reads.filter((read) => read.kind !== 'partial')).toEqual([
      { kind: 'continue', size: 8 },
      { kind: 'command', text: 'f1 APPEND Drafts {8}\r\nab\r\ncd\r\n' },
      { kind: 'command', text: 'f2 NOOP' },
    ]);
  });

  it('gives up a command whose literal holds a line too long for the framer', () => {
    const reader = new CommandReader();
    reader.push('g1 APPEND INBOX {5000}');
    expect(reader.push({ kind: 'overlong', prefix: 'x'.repeat(998) })).toMatchObject({
      kind: 'refused',
      refusal: 'lineTooLong',
      tag: 'g1',
      message: 'a line inside the literal is longer than this server reads; the command is lost',
    });
  });
});

describe('ResponseReader', () => {
  it('reads a literal in a FETCH response without any continuation', () => {
    const reader = new ResponseReader();
    expect(reader.push('* 12 FETCH (BODY[HEADER] {9}')).toEqual({ kind: 'partial' });
    expect(reader.push('To: b')).toEqual({ kind: 'partial' });
    expect(reader.push('')).toEqual({ kind: 'partial' });
    expect(reader.push(')')).toEqual({
      kind: 'response',
      text: '* 12 FETCH (BODY[HEADER] {9}\r\nTo: b\r\n\r\n)',
    });
  });

  it('counts off a literal over the limit unread, then refuses the response', () => {
    const reader = new ResponseReader({ maxLiteral: 4 });
    expect(reader.push('* 1 FETCH (RFC822 {10}')).toEqual({ kind: 'partial' });
    expect(reader.push('0123456789)')).toMatchObject({ kind: 'refused', refusal: 'literalTooBig' });
    expect(reader.push('a1 OK done')).toEqual({ kind: 'response', text: 'a1 OK done' });
  });
});
