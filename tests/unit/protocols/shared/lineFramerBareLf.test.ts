// A framer asked to split bare LFs reports a line that LF alone ended as its own kind, whatever the chunking;
// a plain framer keeps the LF inside the line, as before.
import { describe, expect, it } from 'vitest';
import { LineFramer } from '../../../../src/protocols/shared/lineFramer.ts';

describe('a framer that splits bare LFs', () => {
  it('reports a line ended by LF alone as bareLf and one ended by CRLF as a line', () => {
    const framer = LineFramer.splittingBareLf(512);
    expect(framer.push('HELO crepes.fr\nNOOP\r\n')).toEqual([
      { kind: 'bareLf', line: 'HELO crepes.fr' },
      { kind: 'line', line: 'NOOP' },
    ]);
  });

  it('still sees CRLF when the CR and the LF arrive in different chunks', () => {
    const framer = LineFramer.splittingBareLf(512);
    expect(framer.push('QUIT\r')).toEqual([]);
    expect(framer.push('\nNOOP\n')).toEqual([
      { kind: 'line', line: 'QUIT' },
      { kind: 'bareLf', line: 'NOOP' },
    ]);
  });

  it('keeps a bare CR inside the line', () => {
    const framer = LineFramer.splittingBareLf(512);
    expect(framer.push('a\rb\r\n')).toEqual([{ kind: 'line', line: 'a\rb' }]);
  });

  it('reports an over-long line once, whichever way it ends', () => {
    const framer = LineFramer.splittingBareLf(8);
    expect(framer.push('0123456789\nok\n')).toEqual([
      { kind: 'overlong', prefix: '012345' },
      { kind: 'bareLf', line: 'ok' },
    ]);
  });
});

describe('a plain framer', () => {
  it('keeps a bare LF inside the line until CRLF comes', () => {
    expect(new LineFramer(512).push('HELO crepes.fr\nNOOP\r\n')).toEqual([
      { kind: 'line', line: 'HELO crepes.fr\nNOOP' },
    ]);
  });
});
