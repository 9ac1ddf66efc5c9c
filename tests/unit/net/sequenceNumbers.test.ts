import { describe, expect, it } from 'vitest';
import { seqAdd, seqDiff, seqLe, seqLt } from '../../../src/net/sequenceNumbers.ts';

describe('sequence number arithmetic', () => {
  it('wraps around at 2^32', () => {
    expect(seqAdd(0xffff_fffe, 3)).toBe(1);
  });

  it('orders numbers across the wrap', () => {
    expect(seqLt(0xffff_fff0, 5)).toBe(true);
    expect(seqLt(5, 0xffff_fff0)).toBe(false);
    expect(seqLe(7, 7)).toBe(true);
    expect(seqDiff(0xffff_fff0, 5)).toBe(21);
  });
});
