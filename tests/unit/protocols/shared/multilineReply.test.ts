import { describe, expect, it } from 'vitest';
import {
  formatReply,
  parseReplyLine,
  ReplyAssembler,
} from '../../../../src/protocols/shared/multilineReply.ts';

describe('formatReply', () => {
  it('joins every line but the last with a hyphen', () => {
    expect(formatReply(250, ['first', 'second', 'last'])).toEqual(['250-first', '250-second', '250 last']);
  });

  it('writes a one-line reply with a space', () => {
    expect(formatReply(220, ['hamburger.edu ESMTP'])).toEqual(['220 hamburger.edu ESMTP']);
  });

  it('writes the bare code when there is no text', () => {
    expect(formatReply(250, [])).toEqual(['250']);
  });

  it('refuses a code outside the reply grammar', () => {
    expect(() => formatReply(199, ['x'])).toThrow(RangeError);
    expect(() => formatReply(260, ['x'])).toThrow(RangeError);
  });

  it('refuses text that would break the line', () => {
    expect(() => formatReply(250, ['a\r\n250 b'])).toThrow(RangeError);
  });
});

describe('parseReplyLine', () => {
  it('reads a final line', () => {
    expect(parseReplyLine('250 OK')).toEqual({ code: 250, final: true, text: 'OK' });
  });

  it('reads a continuation line', () => {
    expect(parseReplyLine('250-PIPELINING')).toEqual({ code: 250, final: false, text: 'PIPELINING' });
  });

  it('accepts a bare code as a final line', () => {
    expect(parseReplyLine('354')).toEqual({ code: 354, final: true, text: '' });
  });

  it('rejects what is not a reply line', () => {
    for (const line of ['', '25 OK', '2500 OK', '150 OK', '260 OK', '25x OK', 'OK 250', '250_OK']) {
      expect(parseReplyLine(line), line).toBeNull();
    }
  });
});

describe('ReplyAssembler', () => {
  it('gathers an EHLO reply into one reply', () => {
    const assembler = new ReplyAssembler();
    expect(assembler.push('250-hamburger.edu')).toEqual({ kind: 'partial' });
    expect(assembler.push('250-8BITMIME')).toEqual({ kind: 'partial' });
    expect(assembler.push('250 SIZE 10240000')).toEqual({
      kind: 'reply',
      code: 250,
      lines: ['hamburger.edu', '8BITMIME', 'SIZE 10240000'],
    });
  });

  it('starts afresh after each reply', () => {
    const assembler = new ReplyAssembler();
    assembler.push('220 ready');
    expect(assembler.push('221 bye')).toEqual({ kind: 'reply', code: 221, lines: ['bye'] });
  });

  it('rejects a continuation whose code differs', () => {
    const assembler = new ReplyAssembler();
    assembler.push('250-first');
    expect(assembler.push('251 second')).toMatchObject({ kind: 'error' });
    expect(assembler.push('250 fresh')).toEqual({ kind: 'reply', code: 250, lines: ['fresh'] });
  });

  it('rejects a line that is not a reply', () => {
    expect(new ReplyAssembler().push('hello')).toMatchObject({ kind: 'error' });
  });

  it('rejects a reply that never ends within its line limit', () => {
    const assembler = new ReplyAssembler(3);
    assembler.push('250-a');
    assembler.push('250-b');
    expect(assembler.push('250-c')).toMatchObject({ kind: 'error' });
  });
});
