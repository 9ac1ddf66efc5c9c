// Sequence sets (RFC 3501 §9 `sequence-set`): message numbers or UIDs like `2,4:7,9,12:*`, read, written
// compactly, and resolved against a mailbox where `*` is the largest number in use.

import { attempt, type Parsed, Scanner } from './lexer.ts';

/** SeqNumber is a message number or UID, or `*`: the largest in use (RFC 3501 §9 `seq-number`). */
export type SeqNumber = number | '*';

/**
 * SequenceRange is `start:end` in either order (RFC 3501 §9 `seq-range`: 4:2 is 2:4); a single number has
 * start === end.
 */
export type SequenceRange = { start: SeqNumber; end: SeqNumber };

/** SequenceSet is the ranges of a sequence set, in the order given. */
export type SequenceSet = SequenceRange[];

const SEQ_START = /^[0-9*]$/;

function seqNumber(s: Scanner): SeqNumber {
  if (s.take('*')) return '*';
  const start = s.pos;
  if (s.match(/0+(?![0-9])/y) !== null) {
    s.fail('0 is not a message number or UID; they start at 1 (RFC 3501 §9 nz-number)', start);
  }
  return s.number('a message number, a range like 2:4, or "*"');
}

/** readSequenceSet reads a sequence set at the scanner's position; grammar files call it. */
export function readSequenceSet(s: Scanner): SequenceSet {
  const set: SequenceSet = [];
  do {
    if (set.length > 0 && (s.atEnd() || !SEQ_START.test(s.peek()))) {
      s.fail('a sequence set may not end with ","; another number or range must follow');
    }
    const start = seqNumber(s);
    const end = s.take(':') ? seqNumber(s) : start;
    set.push({ start, end });
  } while (s.take(','));
  return set;
}

/** looksLikeSequenceSet tells whether the scanner is at the start of a sequence set (a digit or "*"). */
export function looksLikeSequenceSet(s: Scanner): boolean {
  return SEQ_START.test(s.peek());
}

/** parseSequenceSet reads a whole text as a sequence set, like `1:4,7,9:*`. It never throws. */
export function parseSequenceSet(text: string): Parsed<SequenceSet> {
  return attempt(() => {
    const s = new Scanner(text);
    const set = readSequenceSet(s);
    s.end('the sequence set');
    return set;
  });
}

/** formatSequenceSet writes a set as given: `2`, `4:7`, `12:*`, joined by commas. */
export function formatSequenceSet(set: readonly SequenceRange[]): string {
  return set
    .map(({ start, end }) => (start === end ? String(start) : `${String(start)}:${String(end)}`))
    .join(',');
}

/**
 * compressNumbers turns numbers (in any order, repeats allowed) into the fewest ascending ranges: 1,2,3,5
 * becomes 1:3,5. Responses such as SEARCH and COPYUID use it to keep lines short.
 */
export function compressNumbers(numbers: readonly number[]): SequenceSet {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const set: SequenceSet = [];
  for (const n of sorted) {
    const last = set.at(-1);
    if (last !== undefined && last.end === n - 1) last.end = n;
    else set.push({ start: n, end: n });
  }
  return set;
}

// A range's low and high ends, with `*` replaced by `largest`.
function resolvedBounds(range: SequenceRange, largest: number): [number, number] {
  const a = range.start === '*' ? largest : range.start;
  const b = range.end === '*' ? largest : range.end;
  return a <= b ? [a, b] : [b, a];
}

/** sequenceSetIncludes tells whether n is in the set, `*` standing for `largest`. */
export function sequenceSetIncludes(set: readonly SequenceRange[], n: number, largest: number): boolean {
  return set.some((range) => {
    const [low, high] = resolvedBounds(range, largest);
    return n >= low && n <= high;
  });
}

/**
 * sequenceSetFits tells whether a set of message sequence numbers names only messages that exist in a
 * mailbox of `count` messages: RFC 3501 §9 (seq-number) asks for BAD otherwise, `*` in an empty mailbox
 * included. UIDs that do not exist are not an error (§6.4.8); filter them with sequenceSetIncludes.
 */
export function sequenceSetFits(set: readonly SequenceRange[], count: number): boolean {
  return set.every(({ start, end }) =>
    [start, end].every((n) => (n === '*' ? count > 0 : n >= 1 && n <= count)),
  );
}

/**
 * expandSequenceSet lists the numbers of the set from 1 to `largest`, ascending and without repeats:
 * `2,4:7,9,12:*` with largest 15 is 2,4,5,6,7,9,12,13,14,15 (RFC 3501 §9). Numbers above `largest` are
 * left out, so it suits message numbers (largest = the message count); for UIDs, filter the UIDs in use
 * with sequenceSetIncludes instead of expanding a range like 1:4294967295.
 */
export function expandSequenceSet(set: readonly SequenceRange[], largest: number): number[] {
  const included = new Set<number>();
  for (const range of set) {
    const [low, high] = resolvedBounds(range, largest);
    for (let n = Math.max(low, 1); n <= Math.min(high, largest); n++) included.add(n);
  }
  return [...included].sort((a, b) => a - b);
}
