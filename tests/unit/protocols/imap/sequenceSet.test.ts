// Sequence sets (RFC 3501 §9): reading, compact writing, and resolving "*" against a mailbox.
import { describe, expect, it } from 'vitest';
import {
  compressNumbers,
  expandSequenceSet,
  formatSequenceSet,
  parseSequenceSet,
  sequenceSetFits,
  sequenceSetIncludes,
  type SequenceSet,
} from '../../../../src/protocols/imap/sequenceSet.ts';

function set(text: string): SequenceSet {
  const parsed = parseSequenceSet(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('sequence sets', () => {
  it('expand the example of RFC 3501 §9 for a mailbox of 15 messages', () => {
    expect(expandSequenceSet(set('2,4:7,9,12:*'), 15)).toEqual([2, 4, 5, 6, 7, 9, 12, 13, 14, 15]);
  });

  it('read ranges in either order, so *:4 in a mailbox of 10 is 4 to 10', () => {
    expect(expandSequenceSet(set('*:4,5:7'), 10)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(expandSequenceSet(set('4:2'), 10)).toEqual([2, 3, 4]);
  });

  it('leave out numbers beyond the largest when expanding', () => {
    expect(expandSequenceSet(set('3:100'), 5)).toEqual([3, 4, 5]);
    expect(expandSequenceSet(set('1:*'), 0)).toEqual([]);
  });

  it('tell whether a UID is in a set, "*" meaning the largest UID (3291:* includes a smaller last UID)', () => {
    expect(sequenceSetIncludes(set('3291:*'), 3000, 3000)).toBe(true);
    expect(sequenceSetIncludes(set('3291:*'), 2999, 3000)).toBe(false);
    expect(sequenceSetIncludes(set('1,5:9'), 7, 20)).toBe(true);
    expect(sequenceSetIncludes(set('1,5:9'), 4, 20)).toBe(false);
  });

  it('tell whether message numbers fit a mailbox, "*" in an empty one not fitting', () => {
    expect(sequenceSetFits(set('1:*'), 3)).toBe(true);
    expect(sequenceSetFits(set('2,4'), 3)).toBe(false);
    expect(sequenceSetFits(set('*'), 0)).toBe(false);
  });

  it('are written compressed: sorted, without repeats, consecutive numbers as ranges', () => {
    expect(formatSequenceSet(compressNumbers([9, 1, 2, 3, 5, 3, 10, 11]))).toBe('1:3,5,9:11');
    expect(formatSequenceSet(compressNumbers([]))).toBe('');
    expect(formatSequenceSet(set('2,12:*,*:4,7:7'))).toBe('2,12:*,*:4,7');
  });

  it('refuse 0, an empty member, a dangling range and trailing text', () => {
    const message = (text: string) => {
      const parsed = parseSequenceSet(text);
      return parsed.ok ? 'parsed' : parsed.message;
    };
    expect(message('0')).toBe('0 is not a message number or UID; they start at 1 (RFC 3501 §9 nz-number)');
    expect(message('1,,2')).toBe('a sequence set may not end with ","; another number or range must follow');
    expect(message('5:')).toBe(
      'expected a message number, a range like 2:4, or "*", but the line ends there',
    );
    expect(message('')).toBe('expected a message number, a range like 2:4, or "*", but the line ends there');
    expect(message('1-3')).toBe('unexpected "-3" after the sequence set');
  });
});
