import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FramedLine, LineFramer } from '../../src/protocols/shared/lineFramer.ts';
import { cutAt } from '../support/segments.ts';

// Bytes rich in CR and LF, so that line ends and their near misses are common.
const octet = fc.oneof(
  fc.constantFrom('\r', '\n', '\r\n', '.'),
  fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code)),
);
const octets = fc.array(octet, { maxLength: 300 }).map((parts) => parts.join(''));

function frame(maxLine: number, chunks: string[]): FramedLine[] {
  const framer = new LineFramer(maxLine);
  return chunks.flatMap((chunk) => framer.push(chunk));
}

describe('LineFramer properties', () => {
  it('any chunking of the same bytes yields the same lines', () => {
    fc.assert(
      fc.property(octets, fc.array(fc.nat()), fc.integer({ min: 2, max: 40 }), (data, points, maxLine) => {
        expect(frame(maxLine, cutAt(data, points))).toEqual(frame(maxLine, [data]));
      }),
    );
  });

  it('arbitrary bytes never throw and whole lines join back to the input', () => {
    fc.assert(
      fc.property(octets, (data) => {
        const framer = new LineFramer(1000);
        const out = framer.push(data);
        const lastEnd = data.lastIndexOf('\r\n');
        const complete = lastEnd === -1 ? '' : data.slice(0, lastEnd + 2);
        expect(out.map((item) => (item.kind === 'line' ? item.line + '\r\n' : '')).join('')).toBe(complete);
      }),
    );
  });

  it('overlong lines never make it exceed maxLine', () => {
    fc.assert(
      fc.property(octets, fc.array(fc.nat()), fc.integer({ min: 2, max: 20 }), (data, points, maxLine) => {
        const framer = new LineFramer(maxLine);
        for (const chunk of cutAt(data, points)) {
          for (const item of framer.push(chunk)) {
            const content = item.kind === 'line' ? item.line : item.prefix;
            expect(content.length + 2).toBeLessThanOrEqual(maxLine);
          }
          expect(framer.buffered).toBeLessThan(maxLine);
        }
      }),
    );
  });
});
